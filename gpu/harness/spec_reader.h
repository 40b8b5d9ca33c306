// Reads the fields of one GPU case's JSON spec (a case object of testcases/<slug>/*.json, which
// gpu/PROTOCOL.md hands to runners without its name), so that every problem states a bad case in
// one form:
//
//   <field>: <what was expected> (got <the value>)      seq_len: an integer in [1, 16384] (got 0)
//   <field>: <what was expected> (missing)              dtype: "fp16" or "bf16" (missing)
//   <field>: not a field of <kind> (expected <fields>)  scale: not a field of an attention case ...
//
// Both sides read specs with it: the judge validates case files on machines without a GPU, and
// a runner builds its cases. Pure C++. Each method returns false and sets *err on the first
// problem, leaving its output as it was; a reader is used by one thread and must not outlive the
// spec it reads.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "gpu/harness/dtype.h"

namespace judge::gpu {

class SpecReader {
 public:
  SpecReader(const nlohmann::json& spec, std::string* err) : spec_(spec), err_(err) {}

  // The spec is an object and each of its fields is "name" (the judge's, ignored here) or one of
  // `fields`; `kind` names the case in errors: "an allreduce case".
  bool HasOnlyFields(const char* kind, std::initializer_list<const char*> fields);

  // Integer literals in [lo, hi]: 2.0 and "2" are refused, as a typo would be. Specs hold sizes,
  // so a negative number is always out of range. `expected` says the range in the error.
  bool Integer(const char* field, int lo, int hi, const std::string& expected, int* out);
  bool Integer(const char* field, uint64_t lo, uint64_t hi, const std::string& expected,
               uint64_t* out);
  // An integer literal among `allowed`; the error lists them: "64 or 128".
  bool IntegerIn(const char* field, std::initializer_list<int> allowed, int* out);
  // A dtype name (dtype.h) among `allowed`: "\"fp16\" or \"bf16\"".
  bool ElementType(const char* field, std::initializer_list<DType> allowed, DType* out);
  bool Boolean(const char* field, bool* out);

  // For checks across fields: sets *err to "<field>: <expected> (got <got>)" and returns false.
  bool Reject(const std::string& field, const std::string& expected, const std::string& got);

 private:
  // The field's value, or null (and the "(missing)" error) when it is absent.
  const nlohmann::json* Find(const char* field, const std::string& expected);
  bool RejectValue(const char* field, const std::string& expected, const nlohmann::json& value);

  const nlohmann::json& spec_;
  std::string* err_;
};

}  // namespace judge::gpu
