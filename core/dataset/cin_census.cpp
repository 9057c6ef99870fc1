#include "dataset/cin_census.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "dataset/canonical_builder.hpp"
#include "dataset/codes.hpp"
#include "ingest/value_parsers.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

// Elements read into a table, and those known but not (yet) loaded: the latter are
// counted and named in the notes so an analyst sees what the tables leave out.
const std::map<std::string, std::set<std::string>> kRead = {
    {"Message", {"Header", "Children"}},
    {"Children", {"Child"}},
    {"Child", {"ChildIdentifiers", "ChildCharacteristics", "CINdetails"}},
    {"ChildIdentifiers", {"LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Sex"}},
    {"ChildCharacteristics", {"Ethnicity"}},
    {"CINdetails", {"CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
                    "ReferralNFA", "Assessments", "Section47", "ChildProtectionPlans"}},
    {"Section47", {"S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"}},
    {"Reviews", {"CPPreviewDate"}},
    {"Assessments", {"AssessmentActualStartDate", "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment"}},
    {"FactorsIdentifiedAtAssessment", {"AssessmentFactors"}},
    {"ChildProtectionPlans", {"CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
                              "NumberOfPreviousCPP", "Reviews"}},
};
const std::map<std::string, std::set<std::string>> kNotLoaded = {
    {"ChildIdentifiers", {"UPN", "FormerUPN", "UPNunknown", "PersonDeathDate"}},
    {"ChildCharacteristics", {"Disabilities"}},
    {"CINdetails", {"DateOfInitialCPC", "CINPlanDates", "PreProceedingsandFGDM"}},
    {"Assessments", {"AssessmentInternalReviewDate"}},
    {"Section47", {"InitialCPCtarget"}},
};

class Reader {
 public:
  Reader(std::string path, const std::string& text) : m_path(std::move(path)) {
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') m_newlines.push_back(i);
  }

  size_t Line(ptrdiff_t offset) const {
    return static_cast<size_t>(std::upper_bound(m_newlines.begin(), m_newlines.end(), static_cast<size_t>(offset)) -
                               m_newlines.begin()) + 1;
  }
  size_t Line(const pugi::xml_node& n) const { return Line(n.offset_debug()); }

  // Lists children of `parent` that are neither read nor known, and stray text.
  void CheckChildren(const pugi::xml_node& parent) {
    const std::string name = parent.name();
    const auto read = kRead.find(name);
    const auto known = kNotLoaded.find(name);
    for (const pugi::xml_node& c : parent.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (!Trim(c.value()).empty())
          Note("line " + std::to_string(Line(c)) + ": text '" + std::string(Trim(c.value())) + "' in <" + name +
               "> is not part of the census layout; ignored");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string child = c.name();
      if (read != kRead.end() && read->second.count(child)) continue;
      if (known != kNotLoaded.end() && known->second.count(child)) {
        ++m_not_loaded[child];
        continue;
      }
      Note("line " + std::to_string(Line(c)) + ": element <" + child + "> in <" + name + "> is not read by this version; ignored");
    }
  }

  std::optional<int32_t> Date(const pugi::xml_node& parent, const char* element) { return DateOf(parent.child(element)); }

  // The date an element holds (repeated elements, such as review dates, one at a time).
  std::optional<int32_t> DateOf(const pugi::xml_node& n) {
    if (!n) return std::nullopt;
    const char* element = n.name();
    const std::string v(Trim(n.text().get()));
    if (v.empty()) return std::nullopt;
    int64_t days = 0;
    if (ParseDate(v, DateOrder::DayFirst, days) == ParseStatus::Ok) return static_cast<int32_t>(days);
    Warn(n, element, v, ColumnType::Date, "not a date");
    return std::nullopt;
  }

  std::optional<int64_t> Int(const pugi::xml_node& parent, const char* element) {
    const pugi::xml_node n = parent.child(element);
    const std::string v(Trim(n.text().get()));
    if (!n || v.empty()) return std::nullopt;
    int64_t x = 0;
    if (ParseInt(v, x) == ParseStatus::Ok && x >= 0) return x;
    Warn(n, element, v, ColumnType::Int, "not a count");
    return std::nullopt;
  }

  std::string Text(const pugi::xml_node& parent, const char* element) {
    return std::string(Trim(parent.child(element).text().get()));
  }

  // true/false/1/0 -> Y/N; anything else a warning.
  std::string YesNo(const pugi::xml_node& parent, const char* element) {
    const pugi::xml_node n = parent.child(element);
    const std::string v = Text(parent, element);
    if (v.empty()) return {};
    const std::string l = ToLower(v);
    if (l == "true" || l == "1") return "Y";
    if (l == "false" || l == "0") return "N";
    Warn(n, element, v, ColumnType::Bool, "not true or false");
    return {};
  }

  void Warn(const pugi::xml_node& n, const char* element, const std::string& value, ColumnType expected,
            const char* reason) {
    ++m_report.cell_warnings;
    if (m_report.warnings.size() < 1000)
      m_report.warnings.push_back({Line(n), 0, element, value, expected, reason});
  }
  void Note(std::string note) { m_report.notes.push_back(std::move(note)); }

  LoadReport& report() { return m_report; }
  const std::map<std::string, size_t>& not_loaded() const { return m_not_loaded; }

 private:
  std::string m_path;
  std::vector<size_t> m_newlines;
  LoadReport m_report;
  std::map<std::string, size_t> m_not_loaded;
};

std::string SexCode(const std::string& v) {
  if (v == "1") return "M";
  if (v == "2") return "F";
  if (v == "0" || v == "9") return "U";
  return v;  // kept and reported as an unknown code
}

}  // namespace

bool LooksLikeXml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  int skipped = 0;
  while (in.get(c) && skipped < 4096) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (static_cast<unsigned char>(c) == 0xEF || static_cast<unsigned char>(c) == 0xBB ||
        static_cast<unsigned char>(c) == 0xBF) {  // UTF-8 BOM
      ++skipped;
      continue;
    }
    return c == '<';
  }
  return false;
}

CinCensusTables ReadCinCensusXml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path, 0, 0, "cannot open the file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ReadCinCensusXmlBytes(ss.str(), path);
}

CinCensusTables ReadCinCensusXmlBytes(const std::string& text, const std::string& path) {
  const auto started = std::chrono::steady_clock::now();
  Reader reader(path, text);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    const size_t line = reader.Line(parsed.offset);
    const size_t line_start = line > 1 ? text.rfind('\n', static_cast<size_t>(parsed.offset) - 1) + 1 : 0;
    throw LoadError(path, line, static_cast<size_t>(parsed.offset) - line_start + 1,
                    std::string("not well-formed XML: ") + parsed.description());
  }
  const pugi::xml_node message = doc.child("Message");
  const pugi::xml_node children = message.child("Children");
  if (!message || !children)
    throw LoadError(path, 1, 1, "not a children in need census return: no <Message> with <Children>");
  reader.CheckChildren(message);
  reader.CheckChildren(children);

  CanonicalBuilder referrals(DatasetKind::Referrals), assessments(DatasetKind::Assessments), plans(DatasetKind::CpPlans),
      factors(DatasetKind::AssessmentFactors), s47(DatasetKind::S47Enquiries), reviews(DatasetKind::CpReviews),
      categories(DatasetKind::CpCategories);
  UnknownCodeTally tally;
  size_t child_count = 0;
  for (const pugi::xml_node& child : children.children("Child")) {
    ++child_count;
    reader.CheckChildren(child);
    const pugi::xml_node ids = child.child("ChildIdentifiers");
    const pugi::xml_node chars = child.child("ChildCharacteristics");
    reader.CheckChildren(ids);
    reader.CheckChildren(chars);
    const std::string id = reader.Text(ids, "LAchildID");
    if (id.empty()) reader.Note("line " + std::to_string(reader.Line(child)) + ": <Child> without an LAchildID");
    std::optional<int32_t> dob = reader.Date(ids, "PersonBirthDate");
    std::string sex = reader.Text(ids, "GenderCurrent");
    if (sex.empty()) sex = reader.Text(ids, "Sex");
    sex = SexCode(sex);
    if (!dob) {
      dob = reader.Date(ids, "ExpectedPersonBirthDate");
      if (dob) sex = "U";  // not yet born when the record was made
    }
    const std::string ethnicity = tally.Take(CodeField::Ethnicity, reader.Text(chars, "Ethnicity"), "ethnicity");
    if (!sex.empty() && std::find(codes::kSex.begin(), codes::kSex.end(), sex) == codes::kSex.end()) sex = tally.Take(CodeField::Sex, sex, "sex");
    auto set_child = [&](CanonicalBuilder& b) {
      b.SetText(b.Index("child_id"), id);
      b.SetText(b.Index("sex"), sex);
      b.SetDate(b.Index("dob"), dob);
      b.SetText(b.Index("ethnicity"), ethnicity);
    };
    for (const pugi::xml_node& cin : child.children("CINdetails")) {
      reader.CheckChildren(cin);
      const std::optional<int32_t> referral = reader.Date(cin, "CINreferralDate");
      set_child(referrals);
      referrals.SetDate(referrals.Index("referral_date"), referral);
      referrals.SetDate(referrals.Index("closure_date"), reader.Date(cin, "CINclosureDate"));
      referrals.SetText(referrals.Index("referral_source"), reader.Text(cin, "ReferralSource"));
      referrals.SetText(referrals.Index("primary_need"), reader.Text(cin, "PrimaryNeedCode"));
      referrals.SetText(referrals.Index("nfa"), reader.YesNo(cin, "ReferralNFA"));
      referrals.SetText(referrals.Index("closure_reason"), reader.Text(cin, "ReasonForClosure"));
      referrals.EndRow();
      for (const pugi::xml_node& a : cin.children("Assessments")) {
        reader.CheckChildren(a);
        const std::optional<int32_t> start = reader.Date(a, "AssessmentActualStartDate");
        const std::optional<int32_t> end = reader.Date(a, "AssessmentAuthorisationDate");
        set_child(assessments);
        assessments.SetDate(assessments.Index("referral_date"), referral);
        assessments.SetDate(assessments.Index("assessment_start"), start);
        assessments.SetDate(assessments.Index("assessment_end"), end);
        assessments.SetText(assessments.Index("assessment_type"), "single");
        assessments.EndRow();
        const pugi::xml_node list = a.child("FactorsIdentifiedAtAssessment");
        reader.CheckChildren(list);
        for (const pugi::xml_node& f : list.children("AssessmentFactors")) {
          set_child(factors);
          factors.SetDate(factors.Index("assessment_start"), start);
          factors.SetDate(factors.Index("assessment_end"), end);
          factors.SetText(factors.Index("factor"), std::string(Trim(f.text().get())));
          factors.EndRow();
        }
      }
      for (const pugi::xml_node& e : cin.children("Section47")) {
        reader.CheckChildren(e);
        set_child(s47);
        s47.SetDate(s47.Index("s47_start"), reader.Date(e, "S47ActualStartDate"));
        s47.SetDate(s47.Index("icpc_date"), reader.Date(e, "DateOfInitialCPC"));
        s47.SetText(s47.Index("icpc_not_required"), reader.YesNo(e, "ICPCnotRequired"));
        s47.EndRow();
      }
      for (const pugi::xml_node& p : cin.children("ChildProtectionPlans")) {
        reader.CheckChildren(p);
        const std::optional<int32_t> start = reader.Date(p, "CPPstartDate"), end = reader.Date(p, "CPPendDate");
        set_child(plans);
        plans.SetDate(plans.Index("plan_start"), start);
        plans.SetDate(plans.Index("plan_end"), end);
        const std::string initial = tally.Take(CodeField::Abuse, reader.Text(p, "InitialCategoryOfAbuse"), "initial_category");
        const std::string latest = tally.Take(CodeField::Abuse, reader.Text(p, "LatestCategoryOfAbuse"), "latest_category");
        plans.SetText(plans.Index("initial_category"), initial);
        plans.SetText(plans.Index("latest_category"), latest);
        plans.SetInt(plans.Index("previous_plans"), reader.Int(p, "NumberOfPreviousCPP"));
        plans.EndRow();
        // The plan's categories as a list: each category it records, once.
        std::vector<std::string> listed = {initial};
        if (latest != initial) listed.push_back(latest);
        for (const std::string& c : listed) {
          if (c.empty()) continue;
          set_child(categories);
          categories.SetDate(categories.Index("plan_start"), start);
          categories.SetDate(categories.Index("plan_end"), end);
          categories.SetText(categories.Index("category"), c);
          categories.EndRow();
        }
        for (const pugi::xml_node& list : p.children("Reviews")) {
          reader.CheckChildren(list);
          for (const pugi::xml_node& r : list.children("CPPreviewDate")) {
            set_child(reviews);
            reviews.SetDate(reviews.Index("plan_start"), start);
            reviews.SetDate(reviews.Index("review_date"), reader.DateOf(r));
            reviews.EndRow();
          }
        }
      }
    }
  }
  for (const auto& [element, n] : reader.not_loaded())
    reader.Note(std::to_string(n) + " <" + element + "> read but not loaded: no dataset for it yet");

  CinCensusTables out;
  Provenance provenance;
  provenance.path = path;
  provenance.file_bytes = text.size();
  provenance.encoding = "xml";
  auto finish = [&](CanonicalBuilder& b, DatasetKind kind) {
    ConvertedTable t;
    t.table = b.Finish(provenance);
    t.unknown_codes = FindUnknownCodes(kind, *t.table);
    return t;
  };
  out.referrals = finish(referrals, DatasetKind::Referrals);
  out.assessments = finish(assessments, DatasetKind::Assessments);
  out.cp_plans = finish(plans, DatasetKind::CpPlans);
  out.factors = finish(factors, DatasetKind::AssessmentFactors);
  out.s47 = finish(s47, DatasetKind::S47Enquiries);
  out.cp_reviews = finish(reviews, DatasetKind::CpReviews);
  out.cp_categories = finish(categories, DatasetKind::CpCategories);
  out.report = std::move(reader.report());
  out.report.path = path;
  out.report.rows_read = out.report.rows_loaded = child_count;
  out.report.file_bytes = text.size();
  out.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace csc
