#pragma once
// The DfE children in need census return (XML: Message/Children/Child with ChildIdentifiers,
// ChildCharacteristics and one CINdetails per referral) read into the canonical tables:
// referrals (one per CINdetails), assessments (one per Assessments, type "single": the
// census has collected single assessments since 2013-14; clock from the referral) and
// cp_plans (one per ChildProtectionPlans); assessment_factors, one row per AssessmentFactors;
// s47_enquiries (one per Section47: S47ActualStartDate, DateOfInitialCPC, ICPCnotRequired);
// cp_reviews (one per CPPreviewDate, with its plan's start); cp_categories (each plan's
// initial and latest category of abuse, once each). Sex: 1 male, 2 female, 0/9 unknown (GenderCurrent
// or, from 2023-24, Sex); a child with only an ExpectedPersonBirthDate is unborn (sex U,
// the expected date as dob).
//
// Nothing is dropped silently: an element the reader does not know, or knows but has no
// dataset for yet (CIN plans, the ICPC target date, disabilities, the 2025-26
// pre-proceedings block), and stray text are listed with their
// line in the report's notes, with counts; a date or number that does not parse is a cell
// warning naming its line and element, and is loaded as null.
#include <string>
#include <vector>

#include "dataset/ssda903.hpp"
#include "ingest/load_options.hpp"

namespace csc {

struct CinCensusTables {
  ConvertedTable referrals, assessments, factors, cp_plans, s47, cp_reviews, cp_categories;
  LoadReport report;  // rows_read = children; warnings and notes with lines
};

// True when the file's first non-blank byte is '<' (an XML document).
bool LooksLikeXml(const std::string& path);

// Throws LoadError (file:line:column) when the file cannot be read or is not well-formed
// XML, or its root is not <Message> with <Children>.
CinCensusTables ReadCinCensusXml(const std::string& path);
// The same over bytes in memory (fuzzing, tests); `name` stands for the path in messages.
CinCensusTables ReadCinCensusXmlBytes(const std::string& text, const std::string& name);

}  // namespace csc
