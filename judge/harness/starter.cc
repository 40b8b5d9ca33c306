#include "judge/harness/starter.h"

#include <algorithm>

#include "judge/harness/cpp_harness.h"

namespace judge {
namespace {

// LeetCode passes arrays by reference and scalars (strings included) by value.
std::string CppParams(const std::vector<Param>& params) {
  std::string out;
  for (size_t i = 0; i < params.size(); ++i) {
    const bool is_array = params[i].type.ends_with("[]");
    out += (i > 0 ? ", " : "") + CppType(params[i].type, /*qualified=*/false) +
           (is_array ? "& " : " ") + params[i].name;
  }
  return out;
}

std::string CppBody() { return " {\n        // TODO\n    }\n"; }

std::string CppStarter(const Signature& sig) {
  std::string out = "class " + sig.class_name + " {\npublic:\n";
  bool first = true;
  const auto separate = [&] {
    if (!first) out += "\n";  // a blank line between members, as LeetCode lays them out
    first = false;
  };
  for (const auto& params : sig.constructors) {
    separate();
    out += "    " + sig.class_name + "(" + CppParams(params) + ")" + CppBody();
  }
  for (const Method& method : sig.methods) {
    separate();
    const std::string returns =
        method.returns == "void" ? "void" : CppType(method.returns, /*qualified=*/false);
    out += "    " + returns + " " + method.name + "(" + CppParams(method.params) + ")" + CppBody();
  }
  return out + "};\n";
}

std::string PythonType(const std::string& type) {
  if (type.ends_with("[]")) return "List[" + PythonType(type.substr(0, type.size() - 2)) + "]";
  if (type == "int" || type == "long") return "int";
  if (type == "double") return "float";
  if (type == "bool") return "bool";
  if (type == "string") return "str";
  return "None";  // "void"
}

// Python has one __init__ for every constructor: parameters past the shortest constructor's
// count default to None.
std::string PythonInit(const std::vector<std::vector<Param>>& constructors) {
  size_t shortest = constructors.empty() ? 0 : constructors[0].size();
  std::vector<Param> longest;
  for (const auto& params : constructors) {
    shortest = std::min(shortest, params.size());
    if (params.size() > longest.size()) longest = params;
  }
  std::string out = "    def __init__(self";
  for (size_t i = 0; i < longest.size(); ++i) {
    out += ", " + longest[i].name + ": ";
    out += i < shortest ? PythonType(longest[i].type)
                        : "Optional[" + PythonType(longest[i].type) + "] = None";
  }
  return out + "):\n        pass\n";
}

std::string PythonStarter(const Signature& sig) {
  std::string out = "class " + sig.class_name + ":\n";
  bool first = true;
  const auto separate = [&] {
    if (!first || sig.is_design) out += "\n";  // LeetCode opens a design class with a blank line
    first = false;
  };
  if (sig.is_design) {
    separate();
    out += PythonInit(sig.constructors);
  }
  for (const Method& method : sig.methods) {
    separate();
    out += "    def " + method.name + "(self";
    for (const Param& param : method.params)
      out += ", " + param.name + ": " + PythonType(param.type);
    out += ") -> " + PythonType(method.returns) + ":\n        pass\n";
  }
  return out;
}

}  // namespace

std::string StarterSource(const Signature& sig, std::string_view language) {
  if (language == "cpp") return CppStarter(sig);
  if (language == "python") return PythonStarter(sig);
  return "";
}

}  // namespace judge
