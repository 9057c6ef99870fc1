#pragma once
// The eleven Ofsted Annex A lists. Lists 7 (child protection) and 8 (looked after) become the
// canonical cp_plans and lac_episodes (annex_a.hpp); the other nine are recognised by their
// own columns (or, in a workbook, by a sheet named "List N") and kept as their own datasets
// ("annex_a_referrals", ...) with snake_case column names, list markers stripped from values
// ("a) Yes" -> "Yes"), the child columns coded as everywhere else, and the list's event
// dates also under the names the query engine looks for (start_date, end_date), so
// `csc query annex_a_referrals --period fy:2020-21 --count started` works without roles.
#include <string>
#include <string_view>
#include <vector>

#include "dataset/ssda903.hpp"

namespace csc {

// 1..11, or 0 when the header is none of Lists 1-6 and 9-11 (Lists 7 and 8 are recognised
// by recognise.cpp's field matcher).
int AnnexAOtherListOfHeader(const std::vector<std::string>& header);

// "List 7", "list7", "Annex A - List 3 Referrals" -> 7, 7, 3; 0 when the name has no list.
int AnnexAListOfSheetName(std::string_view sheet);

// "referrals" for 3; the dataset is named "annex_a_" + this.
std::string_view AnnexAListTopic(int list);

SourceFormat AnnexAListFormat(int list);
int AnnexAListNumber(SourceFormat format);  // 0 for formats that are not Annex A lists

// Lists 1-6 and 9-11 as described above.
ConvertedTable ConvertAnnexAOtherList(const Table& table, int list);

}  // namespace csc
