// Reads typed fields out of parsed JSON objects with errors that name the field and what was
// expected, so that a malformed problem or test file is reported as
// "problems/x/problem.json: limits.time_ms: expected a positive integer".
//
// Each reader returns false and sets *err on the first problem; absent optional fields keep the
// output's default.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace judge {

// Parses a whole file as JSON. Errors: "<file>: cannot read" or "<file>: invalid JSON: <detail>".
bool ParseJsonFile(const std::filesystem::path& file, nlohmann::json* out, std::string* err);

// Whether a field must be present; an absent optional field leaves the output as it was.
enum class Presence { kRequired, kOptional };
inline constexpr Presence kRequired = Presence::kRequired;
inline constexpr Presence kOptional = Presence::kOptional;

class FieldReader {
 public:
  // `prefix` is prepended to field names in errors ("signature.params[0]").
  FieldReader(const nlohmann::json& object, std::string prefix, std::string* err)
      : object_(object), prefix_(std::move(prefix)), err_(err) {}

  // False (with *err set) if the value is not an object.
  bool IsObject();
  bool Has(const char* key) const;
  std::string FieldName(const char* key) const;

  bool String(const char* key, Presence presence, std::string* out);
  bool PositiveInt(const char* key, Presence presence, int* out);
  bool Int64(const char* key, Presence presence, long long* out);
  bool Bool(const char* key, Presence presence, bool* out);
  bool StringList(const char* key, Presence presence, std::vector<std::string>* out);
  // The raw value; kRequired only checks that it is there.
  bool Value(const char* key, Presence presence, nlohmann::json* out);
  // An object-valued field, for nested readers.
  bool Object(const char* key, Presence presence, const nlohmann::json** out);
  bool Array(const char* key, Presence presence, const nlohmann::json** out);

  // Sets *err to "<field>: expected <expected>" and returns false.
  bool Reject(const std::string& field, const std::string& expected);

 private:
  const nlohmann::json& object_;
  std::string prefix_;
  std::string* err_;
};

}  // namespace judge
