#pragma once
// The code lists a canonical column accepts, and the normaliser that turns what real
// extracts write ("a) Neglect", "N1 - Abuse or Neglect", "f) U6: Foster placement", "Male",
// SSDA903's old 1/2 sex coding) into those codes. A value that matches nothing is kept as
// written and reported as unknown, never dropped or guessed.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csc {

namespace codes {
inline const std::vector<std::string> kSex = {"M", "F", "U"};
inline const std::vector<std::string> kEthnicity = {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA",
                                                    "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB",
                                                    "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"};
inline const std::vector<std::string> kAbuse = {"NEG", "PHY", "SAB", "EMO", "MUL"};
inline const std::vector<std::string> kLegalStatus = {"C1", "C2", "D1", "E1", "J1", "J2", "J3",
                                                      "L1", "L2", "L3", "V2", "V3", "V4"};
inline const std::vector<std::string> kCategoryOfNeed = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N0"};
inline const std::vector<std::string> kPlacement = {"A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3",
                                                    "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1",
                                                    "U2", "U3", "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14"};
inline const std::vector<std::string> kProvider = {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"};
inline const std::vector<std::string> kReasonNew = {"S", "L", "P", "T", "B", "U"};
inline const std::vector<std::string> kReasonCeased = {"E11", "E12", "E2",  "E3",  "E4A", "E4B", "E13", "E41",
                                                       "E45", "E46", "E47", "E48", "E5",  "E6",  "E7",  "E8",
                                                       "E9",  "E14", "E15", "E16", "E17", "X1"};
inline const std::vector<std::string> kMissingType = {"M", "A"};
// CIN census referral sources (1A..10) and reasons for closure (RC1..RC9).
inline const std::vector<std::string> kReferralSource = {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B",
                                                         "3C", "3D", "3E", "3F", "4",  "5A", "5B", "5C",
                                                         "5D", "6",  "7",  "8",  "9",  "10"};
inline const std::vector<std::string> kClosureReason = {"RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"};
// Assessment types: initial (10 working days from referral, to 2013-14), core (35 working
// days from its start, to 2013-14), single (45 working days from referral, from 2013-14).
inline const std::vector<std::string> kAssessmentType = {"initial", "core", "single"};
// Factors identified at assessment (CIN census guide; 21-24 added from 2018-19).
inline const std::vector<std::string> kAssessmentFactor = {
    "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C", "7A",
    "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18A", "18B", "18C",
    "19A", "19B", "19C", "20", "21", "22A", "23A", "24A"};
}  // namespace codes

enum class CodeField {
  Sex,
  Ethnicity,
  Abuse,
  LegalStatus,
  CategoryOfNeed,
  Placement,
  Provider,
  ReasonNew,
  ReasonCeased,
  MissingType,
  YesNo,  // "Y"/"N" from Yes, No, Y, N, True, False
};

struct NormalisedCode {
  std::string code;    // the code, or the value as written (trimmed) when unknown
  bool known = false;  // false for unknown values; empty input is known (a null)
};

// "a) Neglect" -> "Neglect", "(b) Male" -> "Male"; other text unchanged.
std::string_view StripListPrefix(std::string_view s);
NormalisedCode NormaliseCode(CodeField field, std::string_view raw);
// The code field of a canonical column ("latest_category" -> Abuse); nullopt when uncoded.
std::optional<CodeField> CodeFieldForColumn(std::string_view canonical);

// Counts unknown codes per column while a converter runs.
class UnknownCodeTally {
 public:
  // Normalises and records an unknown value under `column`; returns the cell to store.
  std::string Take(CodeField field, std::string_view raw, const std::string& column);
  const std::map<std::string, std::map<std::string, size_t>>& counts() const { return m_counts; }

 private:
  std::map<std::string, std::map<std::string, size_t>> m_counts;
};

}  // namespace csc
