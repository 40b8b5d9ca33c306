#include "judge/problem/signature.h"

#include <array>
#include <string_view>

#include "judge/error.h"
#include "judge/json/field_reader.h"

namespace judge {
namespace {

constexpr std::array<std::string_view, 5> kScalarTypes = {"int", "long", "double", "bool",
                                                          "string"};

std::string Indexed(const std::string& field, size_t i) {
  return field + "[" + std::to_string(i) + "]";
}

bool ParseParams(const nlohmann::json& list, const std::string& field, std::vector<Param>* out,
                 std::string* err) {
  if (!list.is_array()) return Fail(field + ": expected an array of {\"name\", \"type\"}", err);
  for (size_t i = 0; i < list.size(); ++i) {
    FieldReader reader(list[i], Indexed(field, i), err);
    Param param;
    if (!reader.IsObject() || !reader.String("name", kRequired, &param.name) ||
        !reader.String("type", kRequired, &param.type))
      return false;
    if (!IsValueType(param.type))
      return reader.Reject(reader.FieldName("type"),
                           "one of int, long, double, bool, string, with [] suffixes for arrays "
                           "(got \"" +
                               param.type + "\")");
    out->push_back(param);
  }
  return true;
}

bool ParseMethod(const nlohmann::json& j, const std::string& field, bool allow_void, Method* out,
                 std::string* err) {
  FieldReader reader(j, field, err);
  const nlohmann::json* params = nullptr;
  if (!reader.IsObject() || !reader.String("name", kRequired, &out->name) ||
      !reader.Array("params", kRequired, &params) ||
      !ParseParams(*params, reader.FieldName("params"), &out->params, err) ||
      !reader.String("returns", kRequired, &out->returns))
    return false;
  if (!(IsValueType(out->returns) || (allow_void && out->returns == "void")))
    return reader.Reject(reader.FieldName("returns"), std::string("a value type") +
                                                          (allow_void ? " or void" : "") +
                                                          " (got \"" + out->returns + "\")");
  return true;
}

bool ParseFunction(FieldReader& reader, const nlohmann::json& j, Signature* out, std::string* err) {
  Method method;
  if (!ParseMethod(nlohmann::json{{"name", j["function"]},
                                  {"params", j.value("params", nlohmann::json())},
                                  {"returns", j.value("returns", nlohmann::json())}},
                   "signature", /*allow_void=*/false, &method, err)) {
    // ParseMethod names "signature.name"; the field a person wrote is "signature.function".
    if (err->rfind("signature.name", 0) == 0) err->replace(0, 14, reader.FieldName("function"));
    return false;
  }
  out->is_design = false;
  out->class_name = "Solution";
  out->methods = {method};
  return true;
}

bool ParseDesign(FieldReader& reader, Signature* out, std::string* err) {
  const nlohmann::json* constructors = nullptr;
  const nlohmann::json* methods = nullptr;
  if (!reader.String("class", kRequired, &out->class_name) ||
      !reader.Array("constructors", kRequired, &constructors) ||
      !reader.Array("methods", kRequired, &methods))
    return false;
  out->is_design = true;
  if (constructors->empty())
    return reader.Reject(reader.FieldName("constructors"), "at least one constructor");
  for (size_t i = 0; i < constructors->size(); ++i) {
    std::vector<Param> params;
    if (!ParseParams((*constructors)[i], Indexed(reader.FieldName("constructors"), i), &params,
                     err))
      return false;
    for (const auto& other : out->constructors)
      if (other.size() == params.size())
        return reader.Reject(Indexed(reader.FieldName("constructors"), i),
                             "constructors with distinct argument counts");
    out->constructors.push_back(params);
  }
  for (size_t i = 0; i < methods->size(); ++i) {
    Method method;
    if (!ParseMethod((*methods)[i], Indexed(reader.FieldName("methods"), i), /*allow_void=*/true,
                     &method, err))
      return false;
    out->methods.push_back(method);
  }
  return true;
}

}  // namespace

bool IsValueType(const std::string& type) {
  std::string_view base = type;
  while (base.size() > 2 && base.substr(base.size() - 2) == "[]") base.remove_suffix(2);
  for (std::string_view scalar : kScalarTypes)
    if (base == scalar) return true;
  return false;
}

bool ParseSignature(const nlohmann::json& j, Signature* out, std::string* err) {
  FieldReader reader(j, "signature", err);
  if (!reader.IsObject()) return false;
  *out = Signature();
  const bool is_function = reader.Has("function");
  const bool is_design = reader.Has("class");
  if (is_function == is_design)
    return reader.Reject(
        "signature",
        "exactly one of \"function\" (a Solution method) or \"class\" (a design class)");
  out->raw = j;
  return is_function ? ParseFunction(reader, j, out, err) : ParseDesign(reader, out, err);
}

}  // namespace judge
