#include "dataset/recognise.hpp"

#include <algorithm>

#include "dataset/annex_a_lists.hpp"
#include "dataset/ssda903_tables.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

bool Has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

bool IsChildIdHeader(const std::string& n) {
  return n == "child unique id" || n == "child id" || n == "id" || n == "child" || n == "child ref" ||
         n == "unique id" || n == "child_id";
}

// The common child columns of both Annex A lists.
AnnexAField MatchChildField(const std::string& n) {
  if (IsChildIdHeader(n) || Has(n, "unique id")) return {"child_id", Role::ChildId};
  if (n == "gender" || n == "sex" || Has(n, "gender")) return {"sex", Role::Sex};
  if (Has(n, "ethnic")) return {"ethnicity", Role::Ethnicity};
  if (Has(n, "date of birth") || n == "dob") return {"dob", Role::DateOfBirth};
  if (n == "ward" || Has(n, "home ward")) return {"ward", Role::Ward};
  return {};
}

bool CanonicalMatches(DatasetKind kind, const std::vector<std::string>& names) {
  const auto& layout = CanonicalLayout(kind);
  auto present = [&](std::string_view col) { return std::find(names.begin(), names.end(), col) != names.end(); };
  if (kind == DatasetKind::Population) return present("year") && present("age") && present("population");
  // Factors share the assessment's dates: their factor column tells them apart.
  if (kind == DatasetKind::AssessmentFactors && !present("factor")) return false;
  // Categories share the plan's dates: one category column (and no latest_category) tells them apart.
  if (kind == DatasetKind::CpCategories && !present("category")) return false;
  if (kind == DatasetKind::CpPlans && present("category") && !present("latest_category")) return false;
  // Reviews share review_date: what they review tells them apart.
  if (kind == DatasetKind::CpReviews && !present("plan_start")) return false;
  if (kind == DatasetKind::LacReviews && !present("period_start")) return false;
  // The child id and both dates identify the kind; other columns are optional.
  for (const CanonicalColumn& c : layout)
    if ((c.role == Role::ChildId || c.role == Role::Start || c.role == Role::End) && !present(c.name)) return false;
  return true;
}

}  // namespace

std::string NormaliseHeaderName(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : Trim(name)) {
    const char l = ToLowerAscii(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      if (space && !out.empty()) out += ' ';
      out += l;
      space = false;
    } else if (c == '_' && out.empty()) {
      continue;
    } else {
      space = true;
    }
  }
  return out;
}

AnnexAField MatchAnnexAColumn(SourceFormat list, std::string_view header) {
  const std::string n = NormaliseHeaderName(header);
  if (AnnexAField f = MatchChildField(n); !f.canonical.empty()) return f;
  if (list == SourceFormat::AnnexAList7) {
    if (Has(n, "initial category")) return {"initial_category", Role::Category};
    if (Has(n, "latest category")) return {"latest_category", Role::Category};
    if (Has(n, "previous") && Has(n, "plan")) return {"previous_plans", Role::Count};
    if (Has(n, "plan start") || (Has(n, "protection") && Has(n, "start date"))) return {"plan_start", Role::Start};
    if (Has(n, "plan end") || (Has(n, "protection") && Has(n, "end date"))) return {"plan_end", Role::End};
    return {};
  }
  if (list == SourceFormat::AnnexAList8) {
    if (Has(n, "started to be looked after") || Has(n, "period of care start")) return {"period_start", Role::None};
    if ((Has(n, "current placement") || Has(n, "most recent placement")) && (Has(n, "start") || Has(n, "date")))
      return {"episode_start", Role::Start};
    // "Start date of current legal status" is a date, not the status (the real codes are in
    // "Child's Legal Status"): matched before the pattern below so it cannot take its place.
    if (Has(n, "legal status") && Has(n, "date")) return {};
    if (Has(n, "reason") && Has(n, "ceased")) return {"reason_ceased", Role::Category};
    if (Has(n, "ceased to be looked after")) return {"episode_end", Role::End};
    if (Has(n, "legal status")) return {"legal_status", Role::Category};
    if (Has(n, "category of need")) return {"category_of_need", Role::Category};
    if (Has(n, "placement type")) return {"placement_type", Role::Category};
    if (Has(n, "placement provider")) return {"placement_provider", Role::Category};
    if (Has(n, "number of placements")) return {"placements_12m", Role::Count};
    if (Has(n, "missing") && (Has(n, "number") || Has(n, "episodes"))) return {"missing_episodes_12m", Role::Count};
    if (Has(n, "absent") && (Has(n, "number") || Has(n, "episodes"))) return {"absent_episodes_12m", Role::Count};
    if (Has(n, "return interview") && Has(n, "offer")) return {"return_interview_offered", Role::Category};
    if (Has(n, "return interview") && Has(n, "accept")) return {"return_interview_accepted", Role::Category};
    return {};
  }
  return {};
}

Recognition RecogniseHeader(const std::vector<std::string>& header) {
  Recognition r;
  std::vector<std::string> names;
  for (const auto& h : header) names.push_back(NormaliseHeaderName(h));
  auto has = [&](std::string_view n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  auto guesses = [&](auto&& fn) {
    for (size_t i = 0; i < header.size(); ++i) {
      ColumnGuess g{header[i], Role::None, ""};
      fn(names[i], g);
      r.columns.push_back(std::move(g));
    }
  };

  // Canonical layouts use snake_case names; normalising turned '_' into ' '.
  std::vector<std::string> snake;
  for (const auto& n : names) {
    std::string s = n;
    std::replace(s.begin(), s.end(), ' ', '_');
    snake.push_back(s);
  }
  for (DatasetKind kind : CaseKinds()) {
    if (!CanonicalMatches(kind, snake)) continue;
    r.format = SourceFormat::Canonical;
    r.kind = kind;
    for (size_t i = 0; i < header.size(); ++i) {
      ColumnGuess g{header[i], Role::None, ""};
      for (const auto* layout : {&CanonicalLayout(kind), &DerivedLayout(kind)})
        for (const CanonicalColumn& c : *layout)
          if (c.name == snake[i]) g = {header[i], c.role, c.name};
      r.columns.push_back(std::move(g));
    }
    return r;
  }
  if (has("time period") && has("geographic level")) {
    r.format = SourceFormat::DfeTidy;
    r.kind = DatasetKind::Benchmark;
    guesses([](const std::string&, ColumnGuess&) {});
    return r;
  }
  if (has("child") && (has("decom") || (has("ls") && has("place")))) {
    r.format = SourceFormat::Ssda903Episodes;
    r.kind = DatasetKind::LacEpisodes;
  } else if (has("child") && has("mis start")) {
    r.format = SourceFormat::Ssda903Missing;
    r.kind = DatasetKind::MissingEpisodes;
  } else if (has("child") && has("sex") && has("dob") && has("ethnic")) {
    r.format = SourceFormat::Ssda903Header;
    r.kind = DatasetKind::LacEpisodes;  // joined onto the episodes
  }
  if (r.format != SourceFormat::Unrecognised) {
    static const std::pair<std::string_view, ColumnGuess> k903[] = {
        {"child", {"", Role::ChildId, "child_id"}},        {"sex", {"", Role::Sex, "sex"}},
        {"dob", {"", Role::DateOfBirth, "dob"}},             {"ethnic", {"", Role::Ethnicity, "ethnicity"}},
        {"decom", {"", Role::Start, "episode_start"}},       {"dec", {"", Role::End, "episode_end"}},
        {"ls", {"", Role::Category, "legal_status"}},        {"cin", {"", Role::Category, "category_of_need"}},
        {"place", {"", Role::Category, "placement_type"}},  {"place provider", {"", Role::Category, "placement_provider"}},
        {"rne", {"", Role::Category, "reason_new_episode"}}, {"rec", {"", Role::Category, "reason_ceased"}},
        {"mis start", {"", Role::Start, "missing_start"}},   {"mis end", {"", Role::End, "missing_end"}},
        {"missing", {"", Role::Category, "missing_type"}}};
    guesses([](const std::string& n, ColumnGuess& g) {
      for (const auto& [name, guess] : k903)
        if (n == name) g.role = guess.role, g.canonical = guess.canonical;
    });
    return r;
  }
  if (const SourceFormat table = Ssda903TableOfHeader(header); table != SourceFormat::Unrecognised) {
    r.format = table;
    guesses([](const std::string& n, ColumnGuess& g) {
      if (n == "child") g = {g.column, Role::ChildId, "child_id"};
      else if (n == "sex") g = {g.column, Role::Sex, "sex"};
      else if (n == "dob") g = {g.column, Role::DateOfBirth, "dob"};
      // Event dates are dates whatever their cells hold (DATE_PERM may be partial: zz/MM/YYYY).
      else if (n == "review" || n == "duc" || n == "date int" || n == "date match" || n == "date placed" ||
               n == "date placed ceased" || n == "sw decom" || n == "sw dec")
        g = {g.column, Role::None, "date"};
    });
    return r;
  }
  // Annex A: the list is told apart by its own columns. Lists other than 7 and 8 have
  // signature columns of their own (a referral date, a section 47 enquiry, ...).
  if (const int other = AnnexAOtherListOfHeader(header); other != 0) {
    r.format = AnnexAListFormat(other);
    guesses([other](const std::string& n, ColumnGuess& g) {
      if (other != 11 && (n.find("unique id") != std::string::npos || n == "child id")) g = {g.column, Role::ChildId, "child_id"};
      else if (n == "gender" || n == "sex") g = {g.column, Role::Sex, "sex"};
      else if (n == "ethnicity") g = {g.column, Role::Ethnicity, "ethnicity"};
      else if (n == "date of birth" || n == "dob") g = {g.column, Role::DateOfBirth, "dob"};
      else if (n.find("date") != std::string::npos) g = {g.column, Role::None, "date"};
    });
    return r;
  }
  auto count_fields = [&](SourceFormat list) {
    int specific = 0;
    bool child = false;
    for (const auto& h : header) {
      const AnnexAField f = MatchAnnexAColumn(list, h);
      if (f.role == Role::ChildId) child = true;
      else if (!f.canonical.empty() && f.canonical != "sex" && f.canonical != "dob" && f.canonical != "ethnicity" &&
               f.canonical != "ward")
        ++specific;
    }
    return child ? specific : 0;
  };
  const int list7 = count_fields(SourceFormat::AnnexAList7), list8 = count_fields(SourceFormat::AnnexAList8);
  if (list7 >= 2 && list7 >= list8) r.format = SourceFormat::AnnexAList7, r.kind = DatasetKind::CpPlans;
  else if (list8 >= 2) r.format = SourceFormat::AnnexAList8, r.kind = DatasetKind::LacEpisodes;
  if (r.format != SourceFormat::Unrecognised) {
    const SourceFormat list = r.format;
    guesses([list](const std::string&, ColumnGuess& g) {
      const AnnexAField f = MatchAnnexAColumn(list, g.column);
      g.role = f.role;
      g.canonical = f.canonical;
    });
    return r;
  }
  guesses([](const std::string&, ColumnGuess&) {});
  return r;
}

}  // namespace csc
