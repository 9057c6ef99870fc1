#include "dataset/dataset_loader.hpp"

#include <algorithm>
#include <filesystem>

#include "dataset/annex_a.hpp"
#include "dataset/derived_columns.hpp"
#include "dataset/ssda903.hpp"
#include "ingest/csv_loader.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

// Dates and ids must be typed as such for the converters; a column the loader inferred
// otherwise (say all dates had two-digit years and were read as text) is re-read with the
// type forced, so every bad cell gets a warning naming its line and column.
std::map<std::string, ColumnType> ExpectedTypes(const Recognition& r) {
  std::map<std::string, ColumnType> types;
  for (const ColumnGuess& g : r.columns) {
    if (g.role == Role::ChildId) types[g.column] = ColumnType::Text;
    else if (g.role == Role::Start || g.role == Role::End || g.role == Role::DateOfBirth || g.canonical == "period_start")
      types[g.column] = ColumnType::Date;
  }
  return types;
}

void ForceTypes(SourceFile& f, const LoadOptions& options, const std::map<std::string, ColumnType>& expected) {
  LoadOptions forced = options;
  bool reload = false;
  for (const auto& [column, type] : expected) {
    const Column* c = f.load.table->ColumnByName(column);
    const bool fits = c && (c->type() == type || (type == ColumnType::Date && c->type() == ColumnType::DateTime) ||
                            (type == ColumnType::Text && IsStringType(c->type())));
    if (!fits && c && c->null_count() < c->size()) reload = true;
    forced.type_overrides.emplace(column, type);
  }
  if (reload) f.load = LoadCsvFile(f.path, forced);
}

// The types a mapping's target columns need from their source columns.
std::map<std::string, ColumnType> ExpectedTypes(const ColumnMapping& m) {
  std::map<std::string, ColumnType> types;
  for (const auto& [source, target] : m.columns)
    for (const CanonicalColumn& c : CanonicalLayout(m.kind))
      if (c.name == target && (c.type == ColumnType::Date || c.role == Role::ChildId))
        types[source] = c.role == Role::ChildId ? ColumnType::Text : ColumnType::Date;
  return types;
}

}  // namespace

SourceFile LoadSourceFile(const std::string& path, const LoadOptions& options, Progress* progress,
                          const CancelToken* cancel) {
  if (LooksLikeXml(path)) {
    auto cin = std::make_shared<CinCensusTables>(ReadCinCensusXml(path));
    SourceFile f{path, {}, {cin->referrals.table, cin->report}, false, cin};
    f.recognition.format = SourceFormat::CinCensusXml;
    f.recognition.kind = DatasetKind::Referrals;
    for (const std::string& c : cin->referrals.table->column_names()) f.recognition.columns.push_back({c, Role::None, c});
    return f;
  }
  SourceFile f{path, {}, LoadCsvFile(path, options, progress, cancel), false, nullptr};
  f.recognition = RecogniseHeader(f.load.table->column_names());
  if (f.recognition.format == SourceFormat::DfeTidy) {
    // The loader spots DfE files only with time_period first; column order varies, so a
    // file recognised here by name is re-read with the symbols when the loader missed it.
    if (options.status_symbols.empty() && options.detect_dfe_symbols &&
        !EqualsIgnoreCase(Trim(f.load.table->column_name(0)), "time_period")) {
      LoadOptions with_symbols = options;
      with_symbols.status_symbols = kDfeStatusSymbols;
      f.load = LoadCsvFile(path, with_symbols, progress, cancel);
    }
    return f;
  }
  if (f.recognition.format != SourceFormat::Unrecognised) ForceTypes(f, options, ExpectedTypes(f.recognition));
  return f;
}

namespace {

std::string Stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::string FreeName(const DatasetLoad& out, std::string wanted, const std::string& fallback) {
  if (!out.Find(wanted)) return wanted;
  if (!out.Find(fallback)) return fallback;
  for (int i = 2;; ++i)
    if (!out.Find(fallback + "_" + std::to_string(i))) return fallback + "_" + std::to_string(i);
}

Dataset FromConverted(ConvertedTable converted, DatasetKind kind, SourceFormat format, std::string name) {
  Dataset d;
  d.name = std::move(name);
  d.kind = kind;
  d.format = format;
  d.notes = std::move(converted.notes);
  d.table = AddDerivedColumns(kind, std::move(converted.table), &d.notes);
  d.roles = CanonicalRoles(kind, *d.table);
  d.unknown_codes = std::move(converted.unknown_codes);
  return d;
}

bool Fits(const Table& table, const ColumnMapping& mapping) {
  for (const auto& [source, target] : mapping.columns)
    if (!table.FindColumn(source)) return false;
  return true;
}

// The latest date in a table's date columns: orders returns whose file names do not.
int64_t LatestDate(const Table& t) {
  int64_t latest = INT64_MIN;
  for (size_t c = 0; c < t.num_columns(); ++c)
    if (t.column(c).type() == ColumnType::Date && t.column(c).null_count() < t.num_rows())
      latest = std::max(latest, t.column(c).max_int());
  return latest;
}

}  // namespace

const Dataset* DatasetLoad::Find(std::string_view name) const {
  for (const Dataset& d : datasets)
    if (d.name == name) return &d;
  return nullptr;
}

CatalogPtr ToCatalog(const std::vector<Dataset>& datasets) {
  auto catalog = std::make_shared<Catalog>();
  for (const Dataset& d : datasets) catalog->Add(d.name, d.table);
  return catalog;
}

Dataset RecogniseTable(TablePtr table, std::string name) {
  const Recognition r = RecogniseHeader(table->column_names());
  Dataset d;
  d.name = std::move(name);
  d.kind = r.kind;
  d.format = r.format;
  d.table = table;
  d.sources = {table->provenance().path};
  if (r.format == SourceFormat::Canonical) {
    d.table = AddDerivedColumns(r.kind, table, &d.notes);
    d.roles = CanonicalRoles(r.kind, *d.table);
    d.unknown_codes = FindUnknownCodes(r.kind, *d.table);
  } else
    for (const ColumnGuess& g : r.columns)
      if (g.role != Role::None) d.roles[g.role].push_back(g.column);
  return d;
}

DatasetLoad LoadDatasets(const std::vector<std::string>& paths, const DatasetLoadOptions& options) {
  std::vector<SourceFile> files;
  std::vector<std::pair<std::string, std::string>> errors;
  for (const std::string& p : paths) {
    try {
      files.push_back(LoadSourceFile(p, options.csv));
    } catch (const LoadError& e) {
      if (options.stop_on_error) throw;
      errors.emplace_back(p, e.what());
    }
  }
  DatasetLoad out = BuildDatasets(std::move(files), options);
  out.errors.insert(out.errors.begin(), errors.begin(), errors.end());
  return out;
}

DatasetLoad BuildDatasets(std::vector<SourceFile> files, const DatasetLoadOptions& options) {
  DatasetLoad out;
  out.files = std::move(files);

  // Names: canonical and DfE files keep their file's stem (cp_plans.csv is cp_plans); then
  // the SSDA903 tables, joined across files, claim their kinds' names; then Annex A lists
  // and mapped files take their kind's name when still free, else their file's stem.
  for (SourceFile& f : out.files) {
    if (f.recognition.format != SourceFormat::Canonical && f.recognition.format != SourceFormat::DfeTidy) continue;
    Dataset d = RecogniseTable(f.load.table, FreeName(out, Stem(f.path), Stem(f.path)));
    d.reports = {f.load.report};
    out.datasets.push_back(std::move(d));
  }
  std::vector<const SourceFile*> headers, episodes, missing;
  for (SourceFile& f : out.files) {
    if (f.recognition.format == SourceFormat::Ssda903Header) headers.push_back(&f);
    if (f.recognition.format == SourceFormat::Ssda903Episodes) episodes.push_back(&f);
    if (f.recognition.format == SourceFormat::Ssda903Missing) missing.push_back(&f);
  }
  // Header tables hold only birth dates, so they go in file-name order.
  auto ordered = [](std::vector<const SourceFile*> files, bool by_date = true) {
    std::stable_sort(files.begin(), files.end(), [by_date](const SourceFile* a, const SourceFile* b) {
      const int64_t la = by_date ? LatestDate(*a->load.table) : 0, lb = by_date ? LatestDate(*b->load.table) : 0;
      return la != lb ? la < lb : a->path < b->path;
    });
    std::vector<const Table*> tables;
    for (const SourceFile* f : files) tables.push_back(f->load.table.get());
    return std::make_pair(files, tables);
  };
  // Not a structured binding: clang 14 (the fuzz build) cannot capture those in a lambda.
  const auto header_order = ordered(headers, false);
  const auto& header_files = header_order.first;
  const auto& header_tables = header_order.second;
  auto add_903 = [&](const std::vector<const SourceFile*>& parts, DatasetKind kind, SourceFormat format, auto convert) {
    if (parts.empty()) return;
    const auto [files, tables] = ordered(parts);
    Dataset d = FromConverted(convert(header_tables, tables), kind, format,
                              FreeName(out, std::string(KindName(kind)), std::string(KindName(kind)) + "_903"));
    for (const auto* group : {&header_files, &files})
      for (const SourceFile* f : *group) {
        d.sources.push_back(f->path);
        d.reports.push_back(f->load.report);
      }
    out.datasets.push_back(std::move(d));
  };
  add_903(episodes, DatasetKind::LacEpisodes, SourceFormat::Ssda903Episodes, ConvertSsda903Episodes);
  add_903(missing, DatasetKind::MissingEpisodes, SourceFormat::Ssda903Missing, ConvertSsda903Missing);
  size_t mapped_by_option = 0;
  for (SourceFile& f : out.files) {
    const Table& table = *f.load.table;
    switch (f.recognition.format) {
      case SourceFormat::Ssda903Header:
      case SourceFormat::Ssda903Episodes:
      case SourceFormat::Ssda903Missing: break;
      case SourceFormat::AnnexAList7:
      case SourceFormat::AnnexAList8: {
        const bool list7 = f.recognition.format == SourceFormat::AnnexAList7;
        ConvertedTable c = list7 ? ConvertAnnexAList7(table) : ConvertAnnexAList8(table);
        const DatasetKind kind = list7 ? DatasetKind::CpPlans : DatasetKind::LacEpisodes;
        Dataset d = FromConverted(std::move(c), kind, f.recognition.format,
                                  FreeName(out, std::string(KindName(kind)), Stem(f.path)));
        d.sources = {f.path};
        d.reports = {f.load.report};
        out.datasets.push_back(std::move(d));
        break;
      }
      case SourceFormat::CinCensusXml: {
        if (!f.cin) {  // a caller that rebuilt the SourceFile without its tables
          out.errors.emplace_back(f.path, "CIN census XML: its tables were not kept with the file");
          break;
        }
        // One file, up to three datasets; a table with no rows (a return without plans)
        // is left out and its absence is visible in the file's own listing.
        const std::pair<DatasetKind, const ConvertedTable*> parts[] = {
            {DatasetKind::Referrals, &f.cin->referrals},
            {DatasetKind::Assessments, &f.cin->assessments},
            {DatasetKind::AssessmentFactors, &f.cin->factors},
            {DatasetKind::CpPlans, &f.cin->cp_plans}};
        for (const auto& [kind, part] : parts) {
          if (kind != DatasetKind::Referrals && part->table->num_rows() == 0) continue;
          const std::string name(KindName(kind));
          Dataset d = FromConverted(*part, kind, SourceFormat::CinCensusXml, FreeName(out, name, Stem(f.path) + "_" + name));
          d.sources = {f.path};
          d.reports = {f.load.report};
          out.datasets.push_back(std::move(d));
        }
        break;
      }
      case SourceFormat::Canonical:
      case SourceFormat::DfeTidy: break;
      case SourceFormat::Mapped:
      case SourceFormat::Unrecognised: {
        // A given mapping applies to the files that have all its columns.
        std::optional<ColumnMapping> mapping;
        if (options.mapping && Fits(table, *options.mapping)) mapping = options.mapping, ++mapped_by_option;
        if (!mapping && options.store) {
          mapping = options.store->Find(table.column_names());
          f.mapping_from_store = mapping.has_value();
        } else if (mapping && options.store && options.save_mapping) {
          options.store->Save(table.column_names(), *mapping);
        }
        Dataset d;
        if (mapping) {
          ForceTypes(f, options.csv, ExpectedTypes(*mapping));  // may re-read: `table` is stale after this
          d = FromConverted(ApplyMapping(*f.load.table, *mapping), mapping->kind, SourceFormat::Mapped,
                            FreeName(out, std::string(KindName(mapping->kind)), Stem(f.path)));
          f.recognition.format = SourceFormat::Mapped;
          f.recognition.kind = mapping->kind;
        } else {
          d = RecogniseTable(f.load.table, FreeName(out, Stem(f.path), Stem(f.path)));
        }
        d.sources = {f.path};
        d.reports = {f.load.report};
        out.datasets.push_back(std::move(d));
        break;
      }
    }
  }
  if (options.mapping && mapped_by_option == 0 && !out.files.empty()) {
    std::string columns;
    for (const auto& [source, target] : options.mapping->columns) columns += (columns.empty() ? "" : ", ") + source;
    throw std::runtime_error("mapping: no unrecognised file has all of its columns (" + columns + ")");
  }
  for (Dataset& d : out.datasets) d.labels = options.labels;
  return out;
}

}  // namespace csc
