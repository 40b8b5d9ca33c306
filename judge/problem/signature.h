// The signature of an interview-style problem: what the person implements and how the harness
// calls it. Either one method of `class Solution` (LeetCode's usual shape) or a design class
// driven by a list of operations (LeetCode's design problems).
//
// Value types are named in a small language-neutral vocabulary: int, long, double, bool, string,
// and arrays of them written with a suffix: "int[]", "string[][]".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace judge {

struct Param {
  std::string name;
  std::string type;
};

struct Method {
  std::string name;
  std::vector<Param> params;
  std::string returns;  // "void" for design-class methods that return nothing
};

struct Signature {
  bool is_design = false;
  // "Solution" for function problems, the class name ("MinHeap") for design problems.
  std::string class_name = "Solution";
  // Function problems: exactly one. Design problems: every method the operations may name.
  std::vector<Method> methods;
  // Design problems only: each accepted constructor's parameters (dispatched by argument count).
  std::vector<std::vector<Param>> constructors;
  // problem.json's "signature" object as written: the Python harness reads it directly.
  nlohmann::json raw;
};

// True for a type of the vocabulary above ("int", "long[][]", ...). "void" is not a value type.
bool IsValueType(const std::string& type);

// Parses problem.json's "signature" field. On failure returns false and sets *err to a message
// naming the field ("signature.params[0].type: expected one of int, long, ...").
bool ParseSignature(const nlohmann::json& j, Signature* out, std::string* err);

}  // namespace judge
