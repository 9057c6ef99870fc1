// Code normalisation for the values real extracts carry, and recognition by header.
#include <catch2/catch.hpp>

#include "dataset/codes.hpp"
#include "dataset/recognise.hpp"

using namespace csc;

TEST_CASE("codes: list prefixes, code-and-label values and labels become codes", "[codes]") {
  CHECK(StripListPrefix("a) Neglect") == "Neglect");
  CHECK(StripListPrefix("(b) Male") == "Male");
  CHECK(StripListPrefix("C2) x") == "C2) x");  // a code, not a list marker
  CHECK(NormaliseCode(CodeField::Abuse, "a) Neglect").code == "NEG");
  CHECK(NormaliseCode(CodeField::Abuse, "Physical Abuse").code == "PHY");
  CHECK(NormaliseCode(CodeField::Abuse, "emo").code == "EMO");
  CHECK(NormaliseCode(CodeField::CategoryOfNeed, "N1 - Abuse or Neglect").code == "N1");
  CHECK(NormaliseCode(CodeField::Placement, "f) U6: Foster placement").code == "U6");
  CHECK(NormaliseCode(CodeField::Placement, "Z11 - Other").code == "Z11");  // longest code wins
  CHECK(NormaliseCode(CodeField::Placement, "Z1").code == "Z1");
  CHECK(NormaliseCode(CodeField::Ethnicity, "White - British").code == "WBRI");
  CHECK(NormaliseCode(CodeField::Ethnicity, "wbri").code == "WBRI");
  CHECK(NormaliseCode(CodeField::Sex, "1").code == "M");
  CHECK(NormaliseCode(CodeField::Sex, "2").code == "F");
  CHECK(NormaliseCode(CodeField::Sex, "U").code == "U");
  CHECK(NormaliseCode(CodeField::Sex, "Unborn").code == "U");
  CHECK(NormaliseCode(CodeField::Sex, "Female").code == "F");  // not the code F inside a word
  CHECK(NormaliseCode(CodeField::MissingType, "Missing").code == "M");
  const NormalisedCode unknown = NormaliseCode(CodeField::Abuse, " b) Domestic ");
  CHECK_FALSE(unknown.known);
  CHECK(unknown.code == "b) Domestic");
  CHECK(NormaliseCode(CodeField::Abuse, "  ").known);  // blank is a null, not an unknown code
  CHECK(NormaliseCode(CodeField::Abuse, "  ").code.empty());
}

TEST_CASE("recognise: each format by its header alone", "[codes]") {
  using V = std::vector<std::string>;
  CHECK(RecogniseHeader(V{"child_id", "sex", "dob", "plan_start", "plan_end", "latest_category"}).kind == DatasetKind::CpPlans);
  CHECK(RecogniseHeader(V{"Child_ID", "missing_start", "missing_end"}).kind == DatasetKind::MissingEpisodes);
  CHECK(RecogniseHeader(V{"year", "ward", "age", "sex", "population"}).kind == DatasetKind::Population);
  const Recognition dfe = RecogniseHeader(V{"time_period", "time_identifier", "geographic_level", "la_name", "x"});
  CHECK(dfe.format == SourceFormat::DfeTidy);
  CHECK(dfe.kind == DatasetKind::Benchmark);
  CHECK(RecogniseHeader(V{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}).format == SourceFormat::Ssda903Header);
  const Recognition episodes = RecogniseHeader(V{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"});
  CHECK(episodes.format == SourceFormat::Ssda903Episodes);
  CHECK(episodes.columns.at(1).role == Role::Start);
  CHECK(episodes.columns.at(7).canonical == "episode_end");
  CHECK(RecogniseHeader(V{"child", "dob", "missing", "mis_start", "mis_end"}).format == SourceFormat::Ssda903Missing);
  const Recognition list7 = RecogniseHeader(V{"Child Unique ID", "Gender", "Child Protection Plan Start Date",
                                               "Initial Category of Abuse", "Latest Category of Abuse"});
  CHECK(list7.format == SourceFormat::AnnexAList7);
  CHECK(list7.columns.at(2).canonical == "plan_start");
  CHECK(RecogniseHeader(V{"Child Unique ID", "Date Started to be Looked After", "Subject to Legal Status",
                          "Placement Type"}).format == SourceFormat::AnnexAList8);
  CHECK(RecogniseHeader(V{"Ref", "Gender", "Started"}).format == SourceFormat::Unrecognised);
  CHECK(NormaliseHeaderName("  Child  Unique-ID ") == "child unique id");
}
