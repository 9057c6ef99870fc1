#include "generate/demo_extract.hpp"

#include <filesystem>

#include "generate/demo_adoptions.hpp"
#include "generate/demo_cme_missing.hpp"
#include "generate/demo_cp.hpp"
#include "generate/demo_formats.hpp"
#include "generate/demo_lac.hpp"
#include "generate/demo_population.hpp"
#include "generate/demo_referrals.hpp"
#include "generate/demo_reviews.hpp"
#include "util/atomic_file.hpp"

namespace csc {

namespace {

constexpr const char* kReadme = R"(# Demonstration extract: SYNTHETIC DATA

Every row in this folder is invented by `csc generate` (core/generate/, seed 2013). No row
describes a real child. The extract covers one local authority with Rotherham's 21 wards
(2004-2021), financial years 2009-10 to 2015-16, and is calibrated so that the figures
published in Rotherham's safeguarding reports (domain.md sections 4 and 5) come out
exactly when the explorer is asked the question, e.g. 334 child protection plans open at
31 March 2013 (emotional 65, neglect 148, physical 39, sexual 27, multiple 55).

- cp_plans.csv: child protection plans
- cp_categories.csv: every category of abuse each plan records, one row each (initial and
  latest; a plan under multiple categories lists the two it combines): "plans including
  neglect"
- lac_episodes.csv: looked-after episodes (SSDA903 codes; period_start = start of the
  continuous period of care)
- cme_referrals.csv: children missing education referrals
- missing_episodes.csv: missing and away episodes
- referrals.csv: referrals to children's social care (CIN census codes); the children of
  child protection plans keep their ids from referral to plan
- assessments.csv: initial and core assessments (single assessments from 2014-15), each
  with the referral date its timescale runs from
- adoptions.csv: children adopted, with the decision and placement dates (NI 61)
- s47_enquiries.csv: section 47 enquiries; those of children who went on to a plan end in
  the initial child protection conference that began it (ICPC within 15 working days)
- cp_reviews.csv: child protection review conferences of the plans in cp_plans.csv (NI 67)
- lac_reviews.csv: looked-after children's reviews of the periods of care in
  lac_episodes.csv (NI 66)
- population.csv: children aged 0-17 by mid-year, ward, single year of age and sex
- ssda903/{header,episodes,missing}_YYYY.csv: the same looked-after children as SSDA903
  returns, one per financial year ending in YYYY (open episodes repeat across years)
- annex_a/list7.csv: every child protection plan as an Ofsted Annex A List 7
- annex_a/list8.csv: children looked after on 31 March 2013 as an Annex A List 8

Layouts: docs/DATA.md. Regenerate: `csc generate --out assets/demo`.
)";

}  // namespace

std::vector<std::pair<std::string, std::string>> GenerateDemoExtract(uint64_t seed) {
  // One stream per dataset so changing one generator never shifts the others' rows.
  demo::Rng cp_rng(seed * 4 + 1), lac_rng(seed * 4 + 2), cme_rng(seed * 4 + 3), missing_rng(seed * 4 + 4);
  const auto cp = demo::GenerateCpPlans(cp_rng);
  const auto lac = demo::GenerateLacEpisodes(lac_rng);
  const auto cme = demo::GenerateCmeReferrals(cme_rng, lac);
  const auto missing = demo::GenerateMissingEpisodes(missing_rng);
  demo::Rng journey_rng(seed * 4 + 0x4A4F55524E4559ull);  // its own stream: the others keep their rows
  const auto journey = demo::GenerateReferrals(journey_rng, cp);
  demo::Rng adoption_rng(seed * 4 + 0x41444F5054ull);
  const auto adoptions = demo::GenerateAdoptions(adoption_rng);
  demo::Rng s47_rng(seed * 4 + 0x533437ull), cp_review_rng(seed * 4 + 0x4350524556ull),
      lac_review_rng(seed * 4 + 0x4C4143524556ull);
  const auto s47 = demo::GenerateS47Enquiries(s47_rng, cp, journey);
  const auto cp_reviews = demo::GenerateCpReviews(cp_review_rng, cp);
  const auto lac_reviews = demo::GenerateLacReviews(lac_review_rng, lac);
  std::vector<std::pair<std::string, std::string>> files = {
      {"README.md", kReadme},
      {"cp_plans.csv", demo::CpPlansCsv(cp)},
      {"cp_categories.csv", demo::CpCategoriesCsv(cp)},
      {"lac_episodes.csv", demo::LacEpisodesCsv(lac)},
      {"cme_referrals.csv", demo::CmeReferralsCsv(cme)},
      {"missing_episodes.csv", demo::MissingEpisodesCsv(missing)},
      {"referrals.csv", demo::ReferralsCsv(journey)},
      {"assessments.csv", demo::AssessmentsCsv(journey)},
      {"adoptions.csv", demo::AdoptionsCsv(adoptions)},
      {"s47_enquiries.csv", demo::S47EnquiriesCsv(s47)},
      {"cp_reviews.csv", demo::CpReviewsCsv(cp_reviews)},
      {"lac_reviews.csv", demo::LacReviewsCsv(lac_reviews)},
      {"population.csv", demo::PopulationCsv()}};
  for (auto& file : demo::Ssda903Files(lac, missing)) files.push_back(std::move(file));
  files.emplace_back("annex_a/list7.csv", demo::AnnexAList7Csv(cp));
  files.emplace_back("annex_a/list8.csv", demo::AnnexAList8Csv(lac));
  return files;
}

void WriteDemoExtract(const std::string& dir, uint64_t seed) {
  std::filesystem::create_directories(dir);
  for (const auto& [name, text] : GenerateDemoExtract(seed)) {
    const auto path = std::filesystem::path(dir) / name;
    std::filesystem::create_directories(path.parent_path());
    WriteFileAtomically(path.string(), text);
  }
}

}  // namespace csc
