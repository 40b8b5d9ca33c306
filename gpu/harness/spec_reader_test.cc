// The spec reader every GPU problem reads its cases with: what it accepts at the edges, and the
// one form of its errors (the problems' own tests check their messages field by field).
#include "gpu/harness/spec_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace judge::gpu {
namespace {

using nlohmann::json;

// A toy case: {"n": 1..10, "big": >= 0 up to 2^64 - 1, "d": 32 or 64, "t": fp16|bf16, "b": bool}.
struct Toy {
  int n = 0;
  uint64_t big = 0;
  int d = 0;
  DType t = DType::kF32;
  bool b = false;
};

bool ReadToy(const json& spec, Toy* toy, std::string* err) {
  SpecReader reader(spec, err);
  return reader.HasOnlyFields("a toy case", {"n", "big", "d", "t", "b"}) &&
         reader.Integer("n", 1, 10, "an integer from 1 to 10", &toy->n) &&
         reader.Integer("big", 0, UINT64_MAX, "an integer >= 0", &toy->big) &&
         reader.IntegerIn("d", {32, 64}, &toy->d) &&
         reader.ElementType("t", {DType::kF16, DType::kBF16}, &toy->t) &&
         reader.Boolean("b", &toy->b);
}

json ValidToy() {
  return {{"name", "ignored"}, {"n", 10},     {"big", UINT64_MAX},
          {"d", 64},           {"t", "bf16"}, {"b", true}};
}

// ValidToy with `field` set to `value`, or removed when `value` is null.
json ValidToyWith(const char* field, const json& value) {
  json spec = ValidToy();
  if (value.is_null())
    spec.erase(field);
  else
    spec[field] = value;
  return spec;
}

TEST(SpecReader, ReadsEveryKindOfFieldAtItsEdges) {
  Toy toy;
  std::string err;
  ASSERT_TRUE(ReadToy(ValidToy(), &toy, &err)) << err;
  EXPECT_EQ(toy.n, 10);
  EXPECT_EQ(toy.big, UINT64_MAX);
  EXPECT_EQ(toy.d, 64);
  EXPECT_EQ(toy.t, DType::kBF16);
  EXPECT_TRUE(toy.b);
}

TEST(SpecReader, StatesEveryErrorInOneForm) {
  struct Case {
    const char* field;
    json value;  // null: remove the field
    std::string error;
  };
  const Case cases[] = {
      {"n", 11, "n: an integer from 1 to 10 (got 11)"},
      {"n", 0, "n: an integer from 1 to 10 (got 0)"},
      {"n", -1, "n: an integer from 1 to 10 (got -1)"},
      {"n", 2.0, "n: an integer from 1 to 10 (got 2.0)"},
      {"n", "2", "n: an integer from 1 to 10 (got \"2\")"},
      {"n", nullptr, "n: an integer from 1 to 10 (missing)"},
      {"big", INT64_MIN, "big: an integer >= 0 (got -9223372036854775808)"},
      {"d", 48, "d: 32 or 64 (got 48)"},
      {"d", nullptr, "d: 32 or 64 (missing)"},
      {"t", "fp32", "t: \"fp16\" or \"bf16\" (got \"fp32\")"},
      // Long values are cut to 40 characters, so that an error stays one line.
      {"t", std::string(60, 'x'),
       "t: \"fp16\" or \"bf16\" (got \"" + std::string(36, 'x') + "...)"},
      {"b", 1, "b: true or false (got 1)"},
      {"b", nullptr, "b: true or false (missing)"},
      {"extra", 1, "extra: not a field of a toy case (expected n, big, d, t, b)"},
  };
  for (const Case& c : cases) {
    Toy toy;
    std::string err;
    EXPECT_FALSE(ReadToy(ValidToyWith(c.field, c.value), &toy, &err))
        << c.field << " = " << c.value;
    EXPECT_EQ(err, c.error);
  }
  Toy toy;
  std::string err;
  EXPECT_FALSE(ReadToy(json::array({1, 2}), &toy, &err));
  EXPECT_EQ(err, "spec: an object with n, big, d, t and b (got [1,2])");
  const json valid = ValidToy();
  SpecReader reader(valid, &err);
  EXPECT_FALSE(reader.Reject("n * d", "at most 100", "640"));
  EXPECT_EQ(err, "n * d: at most 100 (got 640)");
}

TEST(SpecReader, ListsThreeOrMoreChoicesAsOneOf) {
  DType type;
  std::string err;
  const json spec = {{"t", "fp64"}};
  SpecReader reader(spec, &err);
  EXPECT_FALSE(reader.ElementType("t", {DType::kF32, DType::kF16, DType::kBF16}, &type));
  EXPECT_EQ(err, "t: one of \"fp32\", \"fp16\", \"bf16\" (got \"fp64\")");
}

}  // namespace
}  // namespace judge::gpu
