// DuckDB's read_csv on the same extract CSC Explorer loads: seconds, MB/s and the memory
// its in-memory table holds. Usage: node load_duckdb.mjs FILE [repetitions]
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync } from 'node:fs';

const file = process.argv[2];
const repetitions = Number(process.argv[3] ?? 3);
if (!file) {
  console.error('usage: node load_duckdb.mjs FILE [repetitions]');
  process.exit(2);
}
const bytes = statSync(file).size;
const times = [];
let rows = 0;
let memory = 0;
for (let i = 0; i < repetitions; i++) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const t0 = process.hrtime.bigint();
  await connection.run(`CREATE TABLE extract AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  times.push(seconds);
  const count = await connection.runAndReadAll('SELECT count(*) FROM extract');
  rows = Number(count.getRows()[0][0]);
  const mem = await connection.runAndReadAll('SELECT sum(memory_usage_bytes) FROM duckdb_memory()');
  memory = Number(mem.getRows()[0][0]);
  connection.closeSync();
  instance.closeSync();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const result = {
  engine: 'duckdb',
  file,
  rows,
  file_mb: bytes / 1e6,
  seconds_median: median,
  mb_per_s: bytes / 1e6 / median,
  rows_per_s: rows / median,
  bytes_per_row: memory / rows,
};
console.log(JSON.stringify(result));
