#pragma once
// The snapshot's table of contents as JSON: the metadata around the arrays (provenance, load
// reports, recognitions, dataset descriptions, code labels), written and read back. Reading
// checks every field's presence and type and throws ManifestError saying which is wrong,
// since a resealed or hand-made file may hold anything.
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

#include "dataset/code_labels.hpp"
#include "dataset/dataset.hpp"
#include "dataset/recognise.hpp"
#include "ingest/load_options.hpp"

namespace csc::snapshot {

class ManifestError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Field access that names what is missing or mistyped.
const nlohmann::json& Field(const nlohmann::json& j, const char* key);
uint64_t Unsigned(const nlohmann::json& j, const char* key);
int64_t Signed(const nlohmann::json& j, const char* key);
std::string Text(const nlohmann::json& j, const char* key);
const nlohmann::json& Array(const nlohmann::json& j, const char* key);

nlohmann::json ToJson(const Provenance& p);
Provenance ProvenanceFromJson(const nlohmann::json& j);
nlohmann::json ToJson(const LoadReport& r);
LoadReport ReportFromJson(const nlohmann::json& j);
nlohmann::json ToJson(const Recognition& r);
Recognition RecognitionFromJson(const nlohmann::json& j);
nlohmann::json ToJson(const CodeLabels& labels);
std::shared_ptr<const CodeLabels> LabelsFromJson(const nlohmann::json& j);
// A dataset without its table and labels (the caller links those by index).
nlohmann::json ToJson(const Dataset& d);
Dataset DatasetFromJson(const nlohmann::json& j);

}  // namespace csc::snapshot
