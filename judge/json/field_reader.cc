#include "judge/json/field_reader.h"

#include "judge/error.h"
#include "judge/files/files.h"

namespace judge {

bool ParseJsonFile(const std::filesystem::path& file, nlohmann::json* out, std::string* err) {
  std::string text;
  if (!ReadFile(file, &text, err)) return false;
  try {
    *out = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e309
    std::string detail = e.what();
    // nlohmann prefixes "[json.exception.parse_error.101] "; the rest is what a person needs.
    if (auto pos = detail.find("] "); pos != std::string::npos) detail = detail.substr(pos + 2);
    return Fail(file.string() + ": invalid JSON: " + detail, err);
  }
  return true;
}

bool FieldReader::IsObject() {
  if (object_.is_object()) return true;
  *err_ = (prefix_.empty() ? std::string("top level") : prefix_) + ": expected an object";
  return false;
}

bool FieldReader::Has(const char* key) const {
  return object_.is_object() && object_.contains(key);
}

std::string FieldReader::FieldName(const char* key) const {
  return prefix_.empty() ? std::string(key) : prefix_ + "." + key;
}

bool FieldReader::Reject(const std::string& field, const std::string& expected) {
  *err_ = field + ": expected " + expected;
  return false;
}

bool FieldReader::String(const char* key, Presence presence, std::string* out) {
  if (!Has(key)) return presence == kRequired ? Reject(FieldName(key), "a string (missing)") : true;
  const auto& v = object_.at(key);
  if (!v.is_string()) return Reject(FieldName(key), "a string");
  *out = v.get<std::string>();
  return true;
}

bool FieldReader::Bool(const char* key, Presence presence, bool* out) {
  if (!Has(key))
    return presence == kRequired ? Reject(FieldName(key), "true or false (missing)") : true;
  const auto& v = object_.at(key);
  if (!v.is_boolean()) return Reject(FieldName(key), "true or false");
  *out = v.get<bool>();
  return true;
}

bool FieldReader::PositiveInt(const char* key, Presence presence, int* out) {
  if (!Has(key))
    return presence == kRequired ? Reject(FieldName(key), "a positive integer (missing)") : true;
  const auto& v = object_.at(key);
  if (!v.is_number_integer() || v.get<long long>() <= 0 || v.get<long long>() > INT32_MAX)
    return Reject(FieldName(key), "a positive integer");
  *out = v.get<int>();
  return true;
}

bool FieldReader::Int64(const char* key, Presence presence, long long* out) {
  if (!Has(key))
    return presence == kRequired ? Reject(FieldName(key), "an integer (missing)") : true;
  const auto& v = object_.at(key);
  if (!v.is_number_integer()) return Reject(FieldName(key), "an integer");
  if (v.is_number_unsigned() && v.get<unsigned long long>() > INT64_MAX)
    return Reject(FieldName(key), "an integer below 2^63");
  *out = v.get<long long>();
  return true;
}

bool FieldReader::StringList(const char* key, Presence presence, std::vector<std::string>* out) {
  if (!Has(key))
    return presence == kRequired ? Reject(FieldName(key), "an array of strings (missing)") : true;
  const auto& v = object_.at(key);
  if (!v.is_array()) return Reject(FieldName(key), "an array of strings");
  out->clear();
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      return Reject(FieldName(key) + "[" + std::to_string(i) + "]", "a string");
    out->push_back(v[i].get<std::string>());
  }
  return true;
}

bool FieldReader::Value(const char* key, Presence presence, nlohmann::json* out) {
  if (!Has(key)) return presence == kRequired ? Reject(FieldName(key), "a value (missing)") : true;
  *out = object_.at(key);
  return true;
}

bool FieldReader::Object(const char* key, Presence presence, const nlohmann::json** out) {
  if (!Has(key))
    return presence == kRequired ? Reject(FieldName(key), "an object (missing)") : true;
  const auto& v = object_.at(key);
  if (!v.is_object()) return Reject(FieldName(key), "an object");
  *out = &v;
  return true;
}

bool FieldReader::Array(const char* key, Presence presence, const nlohmann::json** out) {
  if (!Has(key)) return presence == kRequired ? Reject(FieldName(key), "an array (missing)") : true;
  const auto& v = object_.at(key);
  if (!v.is_array()) return Reject(FieldName(key), "an array");
  *out = &v;
  return true;
}

}  // namespace judge
