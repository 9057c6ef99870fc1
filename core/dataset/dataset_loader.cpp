#include "dataset/dataset_loader.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include <fstream>

#include "dataset/annex_a.hpp"
#include "dataset/annex_a_lists.hpp"
#include "dataset/quality_check.hpp"
#include "dataset/record_checks.hpp"
#include "ingest/xlsx_reader.hpp"
#include "dataset/derived_columns.hpp"
#include "dataset/unborn.hpp"
#include "dataset/ssda903.hpp"
#include "dataset/ssda903_tables.hpp"
#include "ingest/csv_loader.hpp"
#include "snapshot/snapshot.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

// Dates and ids must be typed as such for the converters; a column the loader inferred
// otherwise (say all dates had two-digit years and were read as text) is re-read with the
// type forced, so every bad cell gets a warning naming its line and column. A column the
// canonical layout says is a date is a date whatever its cells hold, including none at all
// (an extract of open plans has a blank end column, which type inference cannot call a date).
std::map<std::string, ColumnType> ExpectedTypes(const Recognition& r) {
  std::map<std::string, ColumnType> types;
  const auto& layout = CanonicalLayout(r.kind);
  for (const ColumnGuess& g : r.columns) {
    const bool layout_date = std::any_of(layout.begin(), layout.end(), [&](const CanonicalColumn& c) {
      return !g.canonical.empty() && c.name == g.canonical && c.type == ColumnType::Date;
    });
    if (g.role == Role::ChildId) types[g.column] = ColumnType::Text;
    else if (g.role == Role::Start || g.role == Role::End || g.role == Role::DateOfBirth || layout_date ||
             g.canonical == "period_start" || g.canonical == "date")
      types[g.column] = ColumnType::Date;
  }
  return types;
}

LoadResult Reload(const SourceFile& f, const LoadOptions& options, Progress* progress = nullptr,
                  const CancelToken* cancel = nullptr) {
  if (f.sheet_csv) return LoadCsvBytes(*f.sheet_csv, f.path, options, progress, cancel);
  return LoadCsvFile(f.path, options, progress, cancel);
}

void ForceTypes(SourceFile& f, const LoadOptions& options, const std::map<std::string, ColumnType>& expected) {
  LoadOptions forced = options;
  bool reload = false;
  for (const auto& [column, type] : expected) {
    const Column* c = f.load.table->ColumnByName(column);
    const bool fits = c && (c->type() == type || (type == ColumnType::Date && c->type() == ColumnType::DateTime) ||
                            (type == ColumnType::Text && IsStringType(c->type())));
    // An all-blank column of the wrong type is re-read too: the re-read costs one more load
    // of the file, only in that case, and the alternative is a query that fails on its type.
    if (!fits && c && c->size() > 0) reload = true;
    if (c) forced.type_overrides.emplace(column, type);  // a column the file lacks is not forced
  }
  if (!reload) return;
  const auto started = std::chrono::steady_clock::now();
  std::vector<LoadStage> stages = std::move(f.load.report.stages);
  f.load = Reload(f, forced);
  stages.push_back({"re-read with the recognised layout's types",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()});
  f.load.report.stages = std::move(stages);
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

namespace {

// Recognition, the DfE symbols re-read and the forced types, for a file or a sheet already loaded.
void Recognise(SourceFile& f, const LoadOptions& options, Progress* progress, const CancelToken* cancel) {
  f.recognition = RecogniseHeader(f.load.table->column_names());
  if (f.recognition.format == SourceFormat::DfeTidy) {
    // The loader spots DfE files only with time_period first; column order varies, so a
    // file recognised here by name is re-read with the symbols when the loader missed it.
    if (options.status_symbols.empty() && options.detect_dfe_symbols &&
        !EqualsIgnoreCase(Trim(f.load.table->column_name(0)), "time_period")) {
      LoadOptions with_symbols = options;
      with_symbols.status_symbols = kDfeStatusSymbols;
      f.load = Reload(f, with_symbols, progress, cancel);
    }
    return;
  }
  if (f.recognition.format != SourceFormat::Unrecognised) ForceTypes(f, options, ExpectedTypes(f.recognition));
}

}  // namespace

SourceFile LoadSourceFile(const std::string& path, const LoadOptions& options, Progress* progress,
                          const CancelToken* cancel) {
  if (LooksLikeXml(path)) {
    auto cin = std::make_shared<CinCensusTables>(ReadCinCensusXml(path));
    SourceFile f;
    f.path = path;
    f.load = {cin->referrals.table, cin->report};
    f.cin = cin;
    f.recognition.format = SourceFormat::CinCensusXml;
    f.recognition.kind = DatasetKind::Referrals;
    for (const std::string& c : cin->referrals.table->column_names()) f.recognition.columns.push_back({c, Role::None, c});
    return f;
  }
  SourceFile f;
  f.path = path;
  f.load = LoadCsvFile(path, options, progress, cancel);
  Recognise(f, options, progress, cancel);
  return f;
}

bool IsWorkbookPath(const std::string& path) {
  if (EqualsIgnoreCase(std::filesystem::path(path).extension().string(), ".xlsx")) return true;
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && LooksLikeZip(magic, 4);
}

std::vector<SourceFile> LoadSourceFiles(const std::string& path, const LoadOptions& options, Progress* progress,
                                        const CancelToken* cancel) {
  if (!IsWorkbookPath(path)) return {LoadSourceFile(path, options, progress, cancel)};
  std::vector<SourceFile> out;
  for (XlsxSheet& sheet : ReadXlsxSheets(path)) {
    if (sheet.rows == 0) continue;  // an empty sheet is no table
    if (cancel && cancel->IsCancelled()) throw Cancelled();
    SourceFile f;
    f.path = path + " [" + sheet.name + "]";
    f.sheet_csv = std::make_shared<const std::string>(std::move(sheet.csv));
    LoadOptions csv = options;
    csv.delimiter = ',';
    f.load = LoadCsvBytes(*f.sheet_csv, f.path, csv, nullptr, cancel);
    f.load.report.path = f.path;
    Recognise(f, csv, nullptr, cancel);
    // A sheet named "List N" that its header does not contradict is Annex A list N.
    const int by_name = AnnexAListOfSheetName(sheet.name);
    if (by_name != 0 && f.recognition.format == SourceFormat::Unrecognised && by_name != 7 && by_name != 8)
      f.recognition.format = AnnexAListFormat(by_name);
    out.push_back(std::move(f));
  }
  if (out.empty()) throw LoadError(path, 0, 0, "every sheet of the workbook is empty");
  return out;
}

namespace {

std::string Stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::string FreeName(const DatasetLoad& out, std::string wanted, const std::string& fallback) {
  if (!out.Find(wanted)) return wanted;
  if (!out.Find(fallback)) return fallback;
  for (int i = 2;; ++i)
    if (!out.Find(fallback + "_" + std::to_string(i))) return fallback + "_" + std::to_string(i);
}

// previous_plans from the extract's own history when it has no such column, with the
// caveat every answer using it carries.
void NoteDerivedHistory(Dataset& d) {
  if (const auto note = DerivePreviousPlans(d.table)) {
    d.notes.push_back(*note);
    d.column_notes["previous_plans"] = *note;
  }
}

Dataset FromConverted(ConvertedTable converted, DatasetKind kind, SourceFormat format, std::string name) {
  Dataset d;
  d.name = std::move(name);
  d.kind = kind;
  d.format = format;
  d.notes = std::move(converted.notes);
  d.table = AddDerivedColumns(kind, ApplyUnbornRule(kind, std::move(converted.table), &d.notes), &d.notes);
  if (kind == DatasetKind::CpPlans) NoteDerivedHistory(d);
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

namespace {

bool HasValues(const Table& t, const std::string& column) {
  const Column* c = t.ColumnByName(column);
  return c && c->null_count() < c->size();
}

}  // namespace

TableRules RulesFor(const Dataset& d) {
  TableRules rules;
  if (!d.table) return rules;
  const Table& t = *d.table;
  // DfE counts a start of care as an episode with reason for new episode S and a ceasing as
  // an episode ending for a reason other than X1 (X1: a new episode began the same day, care
  // went on). An extract that does not record the reasons is counted by its dates alone.
  if (d.kind == DatasetKind::LacEpisodes) {
    if (HasValues(t, "reason_new_episode")) {
      rules.started = {InFilter("reason_new_episode", {"S"})};
      rules.started_note = "started: episodes with reason for new episode S (a new period of care), as DfE counts starts";
    }
    if (HasValues(t, "reason_ceased")) {
      rules.ceased = {NotInFilter("reason_ceased", {"X1"})};
      rules.ceased_note = "ceased: episodes ending for a reason other than X1 (X1 = a new episode began the same day)";
    }
  }
  for (const CanonicalColumn& c : CanonicalLayout(d.kind))
    if (!c.codes.empty() && t.ColumnByName(c.name)) rules.code_lists[c.name] = c.codes;
  rules.column_notes = d.column_notes;
  // Coverage: the first and last dates the start and end columns hold.
  for (Role role : {Role::Start, Role::End}) {
    const Column* c = t.ColumnByName(d.ColumnFor(role));
    if (!c || c->type() != ColumnType::Date || c->null_count() == c->size()) continue;
    const auto lo = static_cast<int32_t>(c->min_int()), hi = static_cast<int32_t>(c->max_int());
    rules.covers_from = std::min(rules.covers_from.value_or(lo), lo);
    rules.covers_to = std::max(rules.covers_to.value_or(hi), hi);
  }
  if (d.quality && d.quality->flag_column) {
    rules.flagged = d.quality->flag_column;
    rules.flagged_records = d.quality->flagged_records;
  }
  return rules;
}

CatalogPtr ToCatalog(const std::vector<Dataset>& datasets) {
  auto catalog = std::make_shared<Catalog>();
  for (const Dataset& d : datasets) catalog->Add(d.name, d.table, RulesFor(d));
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
    d.table = AddDerivedColumns(r.kind, ApplyUnbornRule(r.kind, table, &d.notes), &d.notes);
    if (r.kind == DatasetKind::CpPlans) NoteDerivedHistory(d);
    d.roles = CanonicalRoles(r.kind, *d.table);
    d.unknown_codes = FindUnknownCodes(r.kind, *d.table);
  } else
    for (const ColumnGuess& g : r.columns)
      if (g.role != Role::None) d.roles[g.role].push_back(g.column);
  return d;
}

OpenedPath OpenPath(const std::string& path, const LoadOptions& options, Progress* progress, const CancelToken* cancel) {
  OpenedPath out;
  if (IsSnapshotFile(path)) {
    OpenedSnapshot snapshot = OpenSnapshot(path, options.threads);
    out.files = std::move(snapshot.files);
    out.datasets = std::move(snapshot.datasets);
    out.snapshot_seconds = snapshot.info.open_seconds;
  } else {
    out.files = LoadSourceFiles(path, options, progress, cancel);  // a CSV, or a workbook's sheets
  }
  return out;
}

DatasetLoad LoadDatasets(const std::vector<std::string>& paths, const DatasetLoadOptions& options) {
  std::vector<SourceFile> files;
  std::vector<Dataset> prebuilt;
  std::vector<std::pair<std::string, std::string>> errors;
  for (const std::string& p : paths) {
    try {
      OpenedPath opened = OpenPath(p, options.csv);
      for (SourceFile& f : opened.files) files.push_back(std::move(f));
      for (Dataset& d : opened.datasets) prebuilt.push_back(std::move(d));
    } catch (const LoadError& e) {
      if (options.stop_on_error) throw;
      errors.emplace_back(p, e.what());
    }
  }
  DatasetLoad out = BuildDatasets(std::move(files), options, std::move(prebuilt));
  out.errors.insert(out.errors.begin(), errors.begin(), errors.end());
  return out;
}

DatasetLoad BuildDatasets(std::vector<SourceFile> files, const DatasetLoadOptions& options, std::vector<Dataset> prebuilt) {
  DatasetLoad out;
  // Snapshot datasets as they were saved; two snapshots naming a dataset alike: _2, _3 ...
  for (Dataset& d : prebuilt) {
    d.name = FreeName(out, d.name, d.name);
    if (!d.labels) d.labels = options.labels;
    out.datasets.push_back(std::move(d));
  }
  const size_t prebuilt_count = out.datasets.size();
  // Files read from a snapshot are listed but not converted again: their datasets came with them.
  std::vector<SourceFile> from_snapshots;
  for (SourceFile& f : files) (f.snapshot.empty() ? out.files : from_snapshots).push_back(std::move(f));

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
      case SourceFormat::AnnexAList1:
      case SourceFormat::AnnexAList2:
      case SourceFormat::AnnexAList3:
      case SourceFormat::AnnexAList4:
      case SourceFormat::AnnexAList5:
      case SourceFormat::AnnexAList6:
      case SourceFormat::AnnexAList9:
      case SourceFormat::AnnexAList10:
      case SourceFormat::AnnexAList11: {
        const int list = AnnexAListNumber(f.recognition.format);
        const std::string name = "annex_a_" + std::string(AnnexAListTopic(list));
        Dataset d = FromConverted(ConvertAnnexAOtherList(table, list), DatasetKind::Unknown, f.recognition.format,
                                  FreeName(out, name, name));
        d.roles.clear();
        for (const char* col : {"child_id", "sex", "dob", "ethnicity", "start_date", "end_date"})
          if (d.table->FindColumn(col)) {
            const Role role = std::string_view(col) == "child_id"    ? Role::ChildId
                              : std::string_view(col) == "sex"       ? Role::Sex
                              : std::string_view(col) == "dob"       ? Role::DateOfBirth
                              : std::string_view(col) == "ethnicity" ? Role::Ethnicity
                              : std::string_view(col) == "start_date" ? Role::Start
                                                                      : Role::End;
            d.roles[role].push_back(col);
          }
        d.sources = {f.path};
        d.reports = {f.load.report};
        out.datasets.push_back(std::move(d));
        break;
      }
      case SourceFormat::Ssda903Reviews:
      case SourceFormat::Ssda903Uasc:
      case SourceFormat::Ssda903Oc2:
      case SourceFormat::Ssda903Oc3:
      case SourceFormat::Ssda903Ad1:
      case SourceFormat::Ssda903PlacedAdoption:
      case SourceFormat::Ssda903PrevPerm:
      case SourceFormat::Ssda903SwEpisodes: {
        const std::string name = "ssda903_" + std::string(Ssda903TableTopic(f.recognition.format));
        Dataset d = FromConverted(ConvertSsda903Table(table, f.recognition.format), DatasetKind::Unknown,
                                  f.recognition.format, FreeName(out, name, name + "_" + Stem(f.path)));
        d.roles.clear();
        const std::pair<const char*, Role> roles[] = {{"child_id", Role::ChildId}, {"sex", Role::Sex},
                                                      {"dob", Role::DateOfBirth}, {"start_date", Role::Start},
                                                      {"end_date", Role::End}};
        for (const auto& [col, role] : roles)
          if (d.table->FindColumn(col)) d.roles[role].push_back(col);
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
        // One file, up to seven datasets; a table with no rows (a return without plans)
        // is left out and its absence is visible in the file's own listing.
        const std::pair<DatasetKind, const ConvertedTable*> parts[] = {
            {DatasetKind::Referrals, &f.cin->referrals},
            {DatasetKind::Assessments, &f.cin->assessments},
            {DatasetKind::AssessmentFactors, &f.cin->factors},
            {DatasetKind::CpPlans, &f.cin->cp_plans},
            {DatasetKind::CpCategories, &f.cin->cp_categories},
            {DatasetKind::S47Enquiries, &f.cin->s47},
            {DatasetKind::CpReviews, &f.cin->cp_reviews}};
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
  for (size_t i = prebuilt_count; i < out.datasets.size(); ++i) {
    out.datasets[i].labels = options.labels;
    for (std::string& note : CheckRecords(out.datasets[i])) out.datasets[i].notes.push_back(std::move(note));
  }
  CheckQuality(out.datasets, out.files);
  out.files.insert(out.files.begin(), std::make_move_iterator(from_snapshots.begin()),
                   std::make_move_iterator(from_snapshots.end()));
  return out;
}

}  // namespace csc
