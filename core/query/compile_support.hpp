#pragma once
// Pieces of query compilation shared by compile_query.cpp and the link/population builders:
// name resolution with aliases, predicate construction, ethnicity groups.
#include <string>
#include <string_view>
#include <vector>

#include "query/compiled_query.hpp"

namespace csc::detail {

std::string Lower(std::string_view s);
// "a, b, c" (sorted, at most 30 shown, then "... and N more").
std::string ListValid(std::vector<std::string> values);
std::string Describe(const Filter& f);  // "latest_category in (NEG,PHY)"

// Fills empty roles with the first canonical name the table has.
EventColumns ResolveRoles(const Table& table, const EventColumns& given);
// A column by name: exact, case-insensitive, a role name (child, start, end, dob, sex, ward,
// ethnicity), or "latest_<name>" (so 'category' finds latest_category). Throws QueryError.
size_t ResolveColumnIndex(const Table& table, const std::string& table_name, const EventColumns& roles,
                          const std::string& column, const std::string& part);
const Column& ResolveColumn(const Table& table, const std::string& table_name, const EventColumns& roles,
                            const std::string& column, const std::string& part);
std::string ResolvedName(const Table& table, const EventColumns& roles, const std::string& column);
const Column& RoleColumn(const Table& table, const std::string& table_name, const std::string& column,
                         const std::string& role_title, const std::string& role_name);
const Column* OptionalRoleColumn(const Table& table, const std::string& column);

RowPredicate CompilePredicate(const Column& col, const Filter& f, const std::string& part);

std::vector<std::string> EthnicityGroupLabels();  // White .. Not obtained, Unknown (last)
uint32_t EthnicityGroupOf(std::string_view code);

LinkIndex BuildLinkIndex(const CompiledQuery& cq, const Table& other, const Link& link, const std::string& part);
void LoadPopulation(CompiledQuery& cq, const Catalog& catalog);

}  // namespace csc::detail
