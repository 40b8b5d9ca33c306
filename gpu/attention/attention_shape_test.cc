// Parsing and validating attention case descriptions, and the work counted for a shape.
#include "gpu/attention/attention_shape.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace judge::gpu {
namespace {

nlohmann::json ValidSpec() {
  return {{"name", "b2-h3"}, {"batch", 2},      {"heads", 3},    {"seq_len", 257},
          {"head_dim", 128}, {"dtype", "bf16"}, {"causal", true}};
}

TEST(AttentionShapeTest, ParsesEveryFieldAndIgnoresTheName) {
  AttentionShape shape;
  std::string err;
  ASSERT_TRUE(ParseAttentionShape(ValidSpec(), &shape, &err)) << err;
  EXPECT_EQ(shape.batch, 2);
  EXPECT_EQ(shape.heads, 3);
  EXPECT_EQ(shape.seq_len, 257);
  EXPECT_EQ(shape.head_dim, 128);
  EXPECT_EQ(shape.dtype, DType::kBF16);
  EXPECT_TRUE(shape.causal);
  nlohmann::json unnamed = ValidSpec();
  unnamed.erase("name");
  unnamed["dtype"] = "fp16";
  unnamed["causal"] = false;
  ASSERT_TRUE(ParseAttentionShape(unnamed, &shape, &err)) << err;
  EXPECT_EQ(shape.dtype, DType::kF16);
  EXPECT_FALSE(shape.causal);
  EXPECT_EQ(DescribeAttentionShape(shape), "b2 h3 s257 d128 fp16");
}

TEST(AttentionShapeTest, ErrorsNameTheFieldAndWhatWasExpected) {
  struct Case {
    const char* field;
    nlohmann::json value;  // null: remove the field
    const char* message;
  };
  const Case cases[] = {
      {"seq_len", "x", "seq_len: an integer in [1, 16384] (got \"x\")"},
      {"seq_len", 0, "seq_len: an integer in [1, 16384] (got 0)"},
      {"seq_len", 16385, "seq_len: an integer in [1, 16384] (got 16385)"},
      {"seq_len", 3.0, "seq_len: an integer in [1, 16384] (got 3.0)"},
      {"batch", -1, "batch: an integer >= 1 (got -1)"},
      {"batch", 4294967296ull, "batch: an integer >= 1 (got 4294967296)"},
      {"heads", nullptr, "heads: an integer >= 1 (missing)"},
      {"head_dim", 96, "head_dim: 64 or 128 (got 96)"},
      {"head_dim", "64", "head_dim: 64 or 128 (got \"64\")"},
      {"dtype", "fp32", "dtype: \"fp16\" or \"bf16\" (got \"fp32\")"},
      {"dtype", 1, "dtype: \"fp16\" or \"bf16\" (got 1)"},
      {"dtype", nullptr, "dtype: \"fp16\" or \"bf16\" (missing)"},
      {"causal", 1, "causal: true or false (got 1)"},
      {"causal", nullptr, "causal: true or false (missing)"},
  };
  for (const Case& c : cases) {
    nlohmann::json spec = ValidSpec();
    if (c.value.is_null()) {
      spec.erase(c.field);
    } else {
      spec[c.field] = c.value;
    }
    AttentionShape shape;
    std::string err;
    EXPECT_FALSE(ParseAttentionShape(spec, &shape, &err)) << c.field << " = " << c.value;
    EXPECT_EQ(err, c.message);
    EXPECT_FALSE(ValidateAttentionSpec(spec, &err));
  }
}

TEST(AttentionShapeTest, RejectsUnknownFieldsNonObjectsAndOversizedCases) {
  std::string err;
  nlohmann::json spec = ValidSpec();
  spec["scale"] = 0.5;
  EXPECT_FALSE(ValidateAttentionSpec(spec, &err));
  EXPECT_EQ(err,
            "scale: not a field of an attention case (expected batch, heads, seq_len, head_dim, "
            "dtype, causal)");
  EXPECT_FALSE(ValidateAttentionSpec(nlohmann::json::array({1, 2}), &err));
  EXPECT_EQ(err,
            "spec: an object with batch, heads, seq_len, head_dim, dtype and causal (got [1,2])");

  // 2^28 elements per tensor is the most: 16 x 128 x 16384 x 128 = 2^32 is over it.
  spec = ValidSpec();
  spec["batch"] = 16;
  spec["heads"] = 128;
  spec["seq_len"] = 16384;
  EXPECT_FALSE(ValidateAttentionSpec(spec, &err));
  EXPECT_EQ(err,
            "batch * heads * seq_len * head_dim: at most 2^28 elements per tensor (got "
            "4294967296)");
  spec["batch"] = 1;  // 2^28 exactly
  EXPECT_TRUE(ValidateAttentionSpec(spec, &err)) << err;
}

TEST(AttentionShapeTest, CountsFlashAttentionFlopsAndTheBytesThatMustMove) {
  AttentionShape shape;
  shape.batch = 2;
  shape.heads = 3;
  shape.seq_len = 5;
  shape.head_dim = 64;
  shape.dtype = DType::kF16;
  EXPECT_EQ(AttentionElements(shape), 2u * 3 * 5 * 64);
  EXPECT_DOUBLE_EQ(AttentionFlops(shape), 4.0 * 2 * 3 * 25 * 64);
  EXPECT_DOUBLE_EQ(AttentionMinBytes(shape), 4.0 * 2 * 3 * 5 * 64 * 2);
  shape.causal = true;
  EXPECT_DOUBLE_EQ(AttentionFlops(shape), 2.0 * 2 * 3 * 25 * 64);
  EXPECT_DOUBLE_EQ(AttentionMinBytes(shape), 4.0 * 2 * 3 * 5 * 64 * 2);  // masks save no bytes
  // The benchmark's largest shape: 4 * 16 * 16384^2 * 128 = 2.2 TFLOP.
  shape = {1, 16, 16384, 128, DType::kBF16, false};
  EXPECT_NEAR(AttentionFlops(shape), 2.199e12, 1e9);
}

TEST(AttentionShapeTest, TheFloorIsTheSlowerOfMovingTheBytesAndDoingTheFlops) {
  // Long sequences are compute-bound: 2.2 TFLOP at 500 TFLOP/s is 4.4 ms, while their 268 MB at
  // 3000 GB/s take 0.09 ms.
  AttentionShape shape{1, 16, 16384, 128, DType::kBF16, false};
  EXPECT_NEAR(AttentionFloorSeconds(shape, 3000, 500), AttentionFlops(shape) / 500e12, 1e-12);
  // Short ones with a small head are bound by the copy: 8 rows of 64.
  shape = {64, 16, 8, 64, DType::kF16, false};
  EXPECT_NEAR(AttentionFloorSeconds(shape, 3000, 500), AttentionMinBytes(shape) / 3000e9, 1e-15);
  // An unmeasured rate floors nothing; none measured, no floor.
  EXPECT_NEAR(AttentionFloorSeconds(shape, 0, 500), AttentionFlops(shape) / 500e12, 1e-15);
  EXPECT_EQ(AttentionFloorSeconds(shape, 0, 0), 0);
}

#ifdef JUDGE_DEFAULT_ROOT
// The shipped case files: every case valid, names unique, the benchmark timed and 2^25 elements.
TEST(AttentionShapeTest, ShippedCaseFilesAreValid) {
  const std::filesystem::path dir =
      std::filesystem::path(JUDGE_DEFAULT_ROOT) / "testcases/attention";
  int files = 0;
  for (const char* name : {"01-correctness.json", "02-benchmark.json"}) {
    std::ifstream in(dir / name);
    ASSERT_TRUE(in) << (dir / name);
    const nlohmann::json group = nlohmann::json::parse(in);
    ++files;
    ASSERT_TRUE(group.at("cases").is_array());
    for (const nlohmann::json& spec : group["cases"]) {
      AttentionShape shape;
      std::string err;
      EXPECT_TRUE(ParseAttentionShape(spec, &shape, &err)) << spec.dump() << ": " << err;
      if (group.at("timed").get<bool>()) {
        EXPECT_EQ(AttentionElements(shape), size_t{1} << 25) << spec.dump();
      }
    }
  }
  EXPECT_EQ(files, 2);
}
#endif

}  // namespace
}  // namespace judge::gpu
