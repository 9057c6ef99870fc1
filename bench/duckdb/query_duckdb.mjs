// DuckDB answering the "typical slice" of docs/BENCHMARKS.md on the benchmark extract held
// as an in-memory table: 3 categorical filters, a year range and an age range, grouped by
// year x category, counting episodes and distinct children. Median of N runs.
// Usage: node query_duckdb.mjs FILE [runs]
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 20);
if (!file) {
  console.error('usage: node query_duckdb.mjs FILE [runs]');
  process.exit(2);
}
export const TYPICAL_SLICE_SQL = `
SELECT year(start_date) AS year, category,
       count(*) AS episodes, count(DISTINCT child_id) AS children
FROM extract
WHERE dataset = 'CP'
  AND category IN ('NEG', 'EMO', 'PHY')
  AND sex IN ('F', 'M')
  AND start_date BETWEEN DATE '2010-01-01' AND DATE '2014-12-31'
  AND date_sub('year', dob, start_date) BETWEEN 0 AND 15  -- whole years of age at the start
GROUP BY ALL
ORDER BY year, category`;

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
await connection.run(`CREATE TABLE extract AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
const times = [];
let result;
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  result = await connection.runAndReadAll(TYPICAL_SLICE_SQL);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const rows = result.getRows();
const episodes = rows.reduce((s, r) => s + Number(r[2]), 0);
console.log(JSON.stringify({
  engine: 'duckdb',
  runs,
  median_ms: times[Math.floor(times.length / 2)],
  min_ms: times[0],
  groups: rows.length,
  episodes,
  first_group: rows[0].map(String),
}));
