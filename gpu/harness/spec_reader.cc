#include "gpu/harness/spec_reader.h"

#include <algorithm>
#include <climits>
#include <nlohmann/json.hpp>
#include <vector>

namespace judge::gpu {
namespace {

using nlohmann::json;

// The offending value as JSON text, short enough for a one-line error.
std::string Got(const json& value) {
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

// "a", "a or b", "one of a, b, c": what a field with a few allowed values expects.
std::string Choices(const std::vector<std::string>& allowed) {
  if (allowed.size() == 2) return allowed[0] + " or " + allowed[1];
  std::string out = allowed.size() > 2 ? "one of " : "";
  for (size_t i = 0; i < allowed.size(); ++i) out += (i > 0 ? ", " : "") + allowed[i];
  return out;
}

// "a, b and c"; `last` joins the final pair (", " keeps a plain list).
std::string Join(std::initializer_list<const char*> names, const char* last) {
  std::string out;
  size_t i = 0;
  for (const char* name : names) {
    if (i > 0) out += i + 1 == names.size() ? last : ", ";
    out += name;
    ++i;
  }
  return out;
}

}  // namespace

bool SpecReader::HasOnlyFields(const char* kind, std::initializer_list<const char*> fields) {
  if (!spec_.is_object())
    return Reject("spec", "an object with " + Join(fields, " and "), Got(spec_));
  for (const auto& [key, value] : spec_.items()) {
    if (key == "name") continue;
    if (std::none_of(fields.begin(), fields.end(), [&](const char* f) { return key == f; })) {
      *err_ = key + ": not a field of " + kind + " (expected " + Join(fields, ", ") + ")";
      return false;
    }
  }
  return true;
}

bool SpecReader::Integer(const char* field, uint64_t lo, uint64_t hi, const std::string& expected,
                         uint64_t* out) {
  const json* value = Find(field, expected);
  if (!value) return false;
  // JSON 3.0 is a float to nlohmann, and only integer literals are integers here.
  uint64_t read = 0;
  bool integer = false;
  if (value->is_number_unsigned()) {
    read = value->get<uint64_t>();
    integer = true;
  } else if (value->is_number_integer() && value->get<int64_t>() >= 0) {
    read = static_cast<uint64_t>(value->get<int64_t>());
    integer = true;
  }
  if (!integer || read < lo || read > hi) return RejectValue(field, expected, *value);
  *out = read;
  return true;
}

bool SpecReader::Integer(const char* field, int lo, int hi, const std::string& expected, int* out) {
  uint64_t read = 0;
  if (!Integer(field, static_cast<uint64_t>(std::max(lo, 0)), static_cast<uint64_t>(hi), expected,
               &read))
    return false;
  *out = static_cast<int>(read);
  return true;
}

bool SpecReader::IntegerIn(const char* field, std::initializer_list<int> allowed, int* out) {
  std::vector<std::string> names;
  for (int value : allowed) names.push_back(std::to_string(value));
  const std::string expected = Choices(names);
  int read = 0;
  if (!Integer(field, 0, INT_MAX, expected, &read)) return false;
  if (std::find(allowed.begin(), allowed.end(), read) == allowed.end())
    return RejectValue(field, expected, spec_.at(field));
  *out = read;
  return true;
}

bool SpecReader::ElementType(const char* field, std::initializer_list<DType> allowed, DType* out) {
  std::vector<std::string> names;
  for (DType type : allowed) names.push_back('"' + std::string(DTypeName(type)) + '"');
  const std::string expected = Choices(names);
  const json* value = Find(field, expected);
  if (!value) return false;
  DType read;
  if (!value->is_string() || !ParseDType(value->get<std::string>(), &read) ||
      std::find(allowed.begin(), allowed.end(), read) == allowed.end())
    return RejectValue(field, expected, *value);
  *out = read;
  return true;
}

bool SpecReader::Boolean(const char* field, bool* out) {
  const json* value = Find(field, "true or false");
  if (!value) return false;
  if (!value->is_boolean()) return RejectValue(field, "true or false", *value);
  *out = value->get<bool>();
  return true;
}

bool SpecReader::Reject(const std::string& field, const std::string& expected,
                        const std::string& got) {
  *err_ = field + ": " + expected + " (got " + got + ")";
  return false;
}

const json* SpecReader::Find(const char* field, const std::string& expected) {
  const auto it = spec_.find(field);
  if (it != spec_.end()) return &*it;
  *err_ = std::string(field) + ": " + expected + " (missing)";
  return nullptr;
}

bool SpecReader::RejectValue(const char* field, const std::string& expected, const json& value) {
  return Reject(field, expected, Got(value));
}

}  // namespace judge::gpu
