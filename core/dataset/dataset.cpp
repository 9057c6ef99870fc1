#include "dataset/dataset.hpp"

#include <algorithm>

#include "dataset/codes.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

constexpr std::pair<DatasetKind, std::string_view> kKindNames[] = {
    {DatasetKind::CpPlans, "cp_plans"},         {DatasetKind::LacEpisodes, "lac_episodes"},
    {DatasetKind::CmeReferrals, "cme_referrals"}, {DatasetKind::MissingEpisodes, "missing_episodes"},
    {DatasetKind::Referrals, "referrals"},       {DatasetKind::Assessments, "assessments"},
    {DatasetKind::AssessmentFactors, "assessment_factors"}, {DatasetKind::Adoptions, "adoptions"},
    {DatasetKind::CpCategories, "cp_categories"}, {DatasetKind::S47Enquiries, "s47_enquiries"}, {DatasetKind::CpReviews, "cp_reviews"},
    {DatasetKind::LacReviews, "lac_reviews"},
    {DatasetKind::Population, "population"},     {DatasetKind::Benchmark, "benchmark"},
    {DatasetKind::Unknown, "unknown"}};

constexpr std::pair<Role, std::string_view> kRoleNames[] = {
    {Role::None, "none"},          {Role::ChildId, "child_id"}, {Role::Sex, "sex"},
    {Role::DateOfBirth, "dob"},    {Role::Age, "age"},          {Role::Ethnicity, "ethnicity"},
    {Role::Ward, "ward"},          {Role::Start, "start"},      {Role::End, "end"},
    {Role::Category, "category"},  {Role::Count, "count"}};

std::vector<CanonicalColumn> WithChild(std::vector<CanonicalColumn> rest) {
  std::vector<CanonicalColumn> out = {{"child_id", Role::ChildId, ColumnType::Text, {}},
                                      {"sex", Role::Sex, ColumnType::Category, codes::kSex},
                                      {"dob", Role::DateOfBirth, ColumnType::Date, {}},
                                      {"ethnicity", Role::Ethnicity, ColumnType::Category, codes::kEthnicity},
                                      {"ward", Role::Ward, ColumnType::Category, {}}};
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

}  // namespace

std::string_view KindName(DatasetKind kind) {
  for (const auto& [k, name] : kKindNames)
    if (k == kind) return name;
  return "unknown";
}

std::optional<DatasetKind> ParseKind(std::string_view name) {
  for (const auto& [k, n] : kKindNames)
    if (EqualsIgnoreCase(n, Trim(name))) return k;
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoleNames)
    if (r == role) return name;
  return "none";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoleNames)
    if (EqualsIgnoreCase(n, Trim(name))) return r;
  return std::nullopt;
}

std::string_view FormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::Canonical: return "canonical";
    case SourceFormat::DfeTidy: return "dfe-open-data";
    case SourceFormat::Ssda903Header: return "ssda903-header";
    case SourceFormat::Ssda903Episodes: return "ssda903-episodes";
    case SourceFormat::Ssda903Missing: return "ssda903-missing";
    case SourceFormat::AnnexAList7: return "annex-a-list-7";
    case SourceFormat::AnnexAList8: return "annex-a-list-8";
    case SourceFormat::AnnexAList1: return "annex-a-list-1";
    case SourceFormat::AnnexAList2: return "annex-a-list-2";
    case SourceFormat::AnnexAList3: return "annex-a-list-3";
    case SourceFormat::AnnexAList4: return "annex-a-list-4";
    case SourceFormat::AnnexAList5: return "annex-a-list-5";
    case SourceFormat::AnnexAList6: return "annex-a-list-6";
    case SourceFormat::AnnexAList9: return "annex-a-list-9";
    case SourceFormat::AnnexAList10: return "annex-a-list-10";
    case SourceFormat::AnnexAList11: return "annex-a-list-11";
    case SourceFormat::CinCensusXml: return "cin-census-xml";
    case SourceFormat::Ssda903Reviews: return "ssda903-reviews";
    case SourceFormat::Ssda903Uasc: return "ssda903-uasc";
    case SourceFormat::Ssda903Oc2: return "ssda903-oc2";
    case SourceFormat::Ssda903Oc3: return "ssda903-oc3";
    case SourceFormat::Ssda903Ad1: return "ssda903-ad1";
    case SourceFormat::Ssda903PlacedAdoption: return "ssda903-placed-adoption";
    case SourceFormat::Ssda903PrevPerm: return "ssda903-prev-perm";
    case SourceFormat::Ssda903SwEpisodes: return "ssda903-sw-episodes";
    case SourceFormat::Mapped: return "mapped";
    case SourceFormat::Unrecognised: break;
  }
  return "unrecognised";
}

const std::vector<CanonicalColumn>& CanonicalLayout(DatasetKind kind) {
  static const std::vector<CanonicalColumn> kCp = WithChild({
      {"plan_start", Role::Start, ColumnType::Date, {}},
      {"plan_end", Role::End, ColumnType::Date, {}},
      {"initial_category", Role::Category, ColumnType::Category, codes::kAbuse},
      {"latest_category", Role::Category, ColumnType::Category, codes::kAbuse},
      {"previous_plans", Role::Count, ColumnType::Int, {}},
  });
  static const std::vector<CanonicalColumn> kLac = WithChild({
      {"period_start", Role::None, ColumnType::Date, {}},
      {"episode_start", Role::Start, ColumnType::Date, {}},
      {"episode_end", Role::End, ColumnType::Date, {}},
      {"legal_status", Role::Category, ColumnType::Category, codes::kLegalStatus},
      {"category_of_need", Role::Category, ColumnType::Category, codes::kCategoryOfNeed},
      {"placement_type", Role::Category, ColumnType::Category, codes::kPlacement},
      {"placement_provider", Role::Category, ColumnType::Category, codes::kProvider},
      {"reason_new_episode", Role::Category, ColumnType::Category, codes::kReasonNew},
      {"reason_ceased", Role::Category, ColumnType::Category, codes::kReasonCeased},
  });
  static const std::vector<CanonicalColumn> kCme = WithChild({
      {"referral_date", Role::Start, ColumnType::Date, {}},
      {"resolved_date", Role::End, ColumnType::Date, {}},
      {"year_group", Role::Count, ColumnType::Int, {}},
      {"reason", Role::Category, ColumnType::Category, {}},
      {"outcome", Role::Category, ColumnType::Category, {}},
  });
  static const std::vector<CanonicalColumn> kMissing = WithChild({
      {"missing_start", Role::Start, ColumnType::Date, {}},
      {"missing_end", Role::End, ColumnType::Date, {}},
      {"missing_type", Role::Category, ColumnType::Category, codes::kMissingType},
      {"looked_after", Role::Category, ColumnType::Bool, {}},
      {"return_interview_offered", Role::Category, ColumnType::Bool, {}},
      {"return_interview_accepted", Role::Category, ColumnType::Bool, {}},
      {"return_interview_within_72h", Role::Category, ColumnType::Bool, {}},
      {"cse_concern", Role::Category, ColumnType::Bool, {}},
  });
  // Referrals as the CIN census records them: the referral, its source, whether it led to
  // no further action, and the CIN episode's closure.
  static const std::vector<CanonicalColumn> kReferrals = WithChild({
      {"referral_date", Role::Start, ColumnType::Date, {}},
      {"closure_date", Role::End, ColumnType::Date, {}},
      {"referral_source", Role::Category, ColumnType::Category, codes::kReferralSource},
      {"primary_need", Role::Category, ColumnType::Category, codes::kCategoryOfNeed},
      {"nfa", Role::Category, ColumnType::Bool, {}},
      {"closure_reason", Role::Category, ColumnType::Category, codes::kClosureReason},
  });
  // One row per assessment; referral_date is the referral it follows (the clock for initial
  // and single assessments starts there, for core assessments at assessment_start).
  static const std::vector<CanonicalColumn> kAssessments = WithChild({
      {"referral_date", Role::None, ColumnType::Date, {}},
      {"assessment_start", Role::Start, ColumnType::Date, {}},
      {"assessment_end", Role::End, ColumnType::Date, {}},
      {"assessment_type", Role::Category, ColumnType::Category, codes::kAssessmentType},
  });
  // Factors identified at assessment, one row per factor: "children with factor X" is
  // distinct children among its rows, "factors per child" rows over distinct children.
  static const std::vector<CanonicalColumn> kFactors = WithChild({
      {"assessment_start", Role::Start, ColumnType::Date, {}},
      {"assessment_end", Role::End, ColumnType::Date, {}},
      {"factor", Role::Category, ColumnType::Category, codes::kAssessmentFactor},
  });
  // One row per child adopted (SSDA903 AD1/PlacedAdoption dates): the decision that the
  // child should be placed for adoption, the placement, the adoption order.
  static const std::vector<CanonicalColumn> kAdoptions = WithChild({
      {"decision_date", Role::Start, ColumnType::Date, {}},
      {"placed_date", Role::None, ColumnType::Date, {}},
      {"adoption_date", Role::End, ColumnType::Date, {}},
  });
  // Every category of abuse a plan records, one row each (a plan under neglect and
  // emotional abuse is two rows): "plans including neglect" is rows with category NEG,
  // "children with category X" distinct children, "categories per child" rows over children.
  static const std::vector<CanonicalColumn> kCpCategories = WithChild({
      {"plan_start", Role::Start, ColumnType::Date, {}},
      {"plan_end", Role::End, ColumnType::Date, {}},
      {"category", Role::Category, ColumnType::Category, codes::kAbuse},
  });
  // One row per section 47 enquiry (CIN census Section47): the strategy discussion that
  // started it, and the initial child protection conference it led to (blank when none was
  // held or needed). DfE times the conference from the enquiry's start: 15 working days.
  static const std::vector<CanonicalColumn> kS47 = WithChild({
      {"s47_start", Role::Start, ColumnType::Date, {}},
      {"icpc_date", Role::End, ColumnType::Date, {}},
      {"icpc_not_required", Role::Category, ColumnType::Bool, {}},
  });
  // One row per child protection review conference (CIN census CPPreviewDate), with the
  // start of the plan it reviews (the initial conference's date): due dates run from it.
  static const std::vector<CanonicalColumn> kCpReviews = WithChild({
      {"plan_start", Role::None, ColumnType::Date, {}},
      {"review_date", Role::Start, ColumnType::Date, {}},
  });
  // One row per looked-after child's review (SSDA903 reviews), with the start of the
  // continuous period of care it is in: the first review is due from it.
  static const std::vector<CanonicalColumn> kLacReviews = WithChild({
      {"period_start", Role::None, ColumnType::Date, {}},
      {"review_date", Role::Start, ColumnType::Date, {}},
  });
  static const std::vector<CanonicalColumn> kPopulation = {
      {"year", Role::None, ColumnType::Int, {}},
      {"ward", Role::Ward, ColumnType::Category, {}},
      {"age", Role::Age, ColumnType::Int, {}},
      {"sex", Role::Sex, ColumnType::Category, {"M", "F"}},
      {"population", Role::Count, ColumnType::Int, {}},
  };
  static const std::vector<CanonicalColumn> kNone;
  switch (kind) {
    case DatasetKind::CpPlans: return kCp;
    case DatasetKind::LacEpisodes: return kLac;
    case DatasetKind::CmeReferrals: return kCme;
    case DatasetKind::MissingEpisodes: return kMissing;
    case DatasetKind::Referrals: return kReferrals;
    case DatasetKind::Assessments: return kAssessments;
    case DatasetKind::AssessmentFactors: return kFactors;
    case DatasetKind::Adoptions: return kAdoptions;
    case DatasetKind::CpCategories: return kCpCategories;
    case DatasetKind::S47Enquiries: return kS47;
    case DatasetKind::CpReviews: return kCpReviews;
    case DatasetKind::LacReviews: return kLacReviews;
    case DatasetKind::Population: return kPopulation;
    default: return kNone;
  }
}

const std::vector<CanonicalColumn>& DerivedLayout(DatasetKind kind) {
  static const std::vector<CanonicalColumn> kReferrals = {
      {"re_referral", Role::Category, ColumnType::Bool, {}},
  };
  static const std::vector<CanonicalColumn> kAssessments = {
      {"working_days", Role::Count, ColumnType::Int, {}},
      {"within_timescale", Role::Category, ColumnType::Bool, {}},
  };
  static const std::vector<CanonicalColumn> kAdoptions = {
      {"placed_within_12_months", Role::Category, ColumnType::Bool, {}},
  };
  // dataset/placements.hpp: placements as DfE counts them (NI 62, NI 63).
  static const std::vector<CanonicalColumn> kLac = {
      {"new_placement", Role::Category, ColumnType::Bool, {}},
      {"placement_start", Role::None, ColumnType::Date, {}},
      {"placement_end", Role::None, ColumnType::Date, {}},
      {"stable_placement_start", Role::None, ColumnType::Date, {}},
  };
  static const std::vector<CanonicalColumn> kS47 = {
      {"icpc_working_days", Role::Count, ColumnType::Int, {}},
      {"icpc_within_15_days", Role::Category, ColumnType::Bool, {}},
  };
  // Reviews: their place in the plan's (or period of care's) sequence, the last day they
  // were due on, and whether they were held by then.
  static const std::vector<CanonicalColumn> kReviews = {
      {"review_number", Role::Count, ColumnType::Int, {}},
      {"due_date", Role::None, ColumnType::Date, {}},
      {"on_time", Role::Category, ColumnType::Bool, {}},
  };
  static const std::vector<CanonicalColumn> kNone;
  switch (kind) {
    case DatasetKind::S47Enquiries: return kS47;
    case DatasetKind::CpReviews:
    case DatasetKind::LacReviews: return kReviews;
    case DatasetKind::LacEpisodes: return kLac;
    case DatasetKind::Referrals: return kReferrals;
    case DatasetKind::Assessments: return kAssessments;
    case DatasetKind::Adoptions: return kAdoptions;
    default: return kNone;
  }
}

const std::vector<DatasetKind>& CaseKinds() {
  static const std::vector<DatasetKind> kKinds = {DatasetKind::CpPlans,        DatasetKind::LacEpisodes,
                                                  DatasetKind::CmeReferrals,   DatasetKind::MissingEpisodes,
                                                  DatasetKind::Referrals,      DatasetKind::AssessmentFactors,
                                                  DatasetKind::Assessments,    DatasetKind::Adoptions,
                                                  DatasetKind::CpCategories,   DatasetKind::S47Enquiries,
                                                  DatasetKind::CpReviews,
                                                  DatasetKind::LacReviews,     DatasetKind::Population};
  return kKinds;
}

std::string Dataset::ColumnFor(Role role) const {
  const auto it = roles.find(role);
  return it == roles.end() || it->second.empty() ? std::string() : it->second.front();
}

size_t Dataset::UnknownCodeCount() const {
  size_t n = 0;
  for (const auto& u : unknown_codes)
    for (const auto& [code, rows] : u.counts) n += rows;
  return n;
}

std::vector<UnknownCodes> FindUnknownCodes(DatasetKind kind, const Table& table) {
  std::vector<UnknownCodes> out;
  for (const CanonicalColumn& c : CanonicalLayout(kind)) {
    const Column* column = c.codes.empty() ? nullptr : table.ColumnByName(c.name);
    if (!column || !column->dictionary()) continue;
    const StringDictionary& dict = *column->dictionary();
    std::vector<bool> unknown(dict.size(), false);
    bool any = false;
    for (uint32_t k = 0; k < dict.size(); ++k) {
      const std::string_view v = dict.Get(k);
      unknown[k] = !v.empty() && std::find(c.codes.begin(), c.codes.end(), v) == c.codes.end();
      any = any || unknown[k];
    }
    if (!any) continue;
    UnknownCodes u{c.name, {}};
    for (size_t r = 0; r < column->size(); ++r)
      if (column->IsValid(r) && unknown[column->GetCode(r)]) ++u.counts[std::string(dict.Get(column->GetCode(r)))];
    out.push_back(std::move(u));
  }
  return out;
}

std::map<Role, std::vector<std::string>> CanonicalRoles(DatasetKind kind, const Table& table) {
  std::map<Role, std::vector<std::string>> roles;
  for (const auto* layout : {&CanonicalLayout(kind), &DerivedLayout(kind)})
    for (const CanonicalColumn& c : *layout)
      if (c.role != Role::None && table.FindColumn(c.name)) roles[c.role].push_back(c.name);
  return roles;
}

}  // namespace csc
