#include "judge/gpu/harness_symbols.h"

#include <gtest/gtest.h>

namespace judge::gpu {
namespace {

// Abridged from a real runner's map (ld -Map --cref --no-demangle), paths shortened.
std::string Map(const std::string& rows) {
  return "Archive member included to satisfy reference by file (symbol)\n\n"
         "...\n\nCross Reference Table\n\n"
         "Symbol                                            File\n" +
         rows;
}

const char kFairRows[] =
    "attention_forward                                 /b/x/tmpxft_01-11_sub.o\n"
    "                                                  /gpu/libattention_runner.a(case.cu.o)\n"
    "clock_gettime@@GLIBC_2.17                         /lib/x86_64-linux-gnu/libc.so.6\n"
    "                                                  "
    "/usr/lib/gcc/x86_64-linux-gnu/12/libstdc++.so\n"
    "cudaEventElapsedTime                              "
    "/cuda/lib/libcudart_static.a(cudart_static.o)\n"
    "                                                  /gpu/libgpu_harness.a(device_timing.cu.o)\n"
    "_ZN12_GLOBAL__N_18BlockMaxEfPf                    /b/x/tmpxft_01-11_sub.o\n"
    "_ZNKSt5ctypeIcE8do_widenEc                        /b/x/tmpxft_01-11_sub.o\n"
    "_ZNKSt5ctypeIcE8do_widenEc@@GLIBCXX_3.4           "
    "/usr/lib/gcc/x86_64-linux-gnu/12/libstdc++.so\n"
    "_Z25a_very_long_kernel_name_that_is_longer_than_the_column_Pfi\n"
    "                                                  /b/x/tmpxft_01-11_sub.o\n";

TEST(HarnessSymbolsTest, AFairSubmissionReplacesNothing) {
  EXPECT_EQ(FindHarnessCollision(Map(kFairRows), "/b/x", "attention_forward"), "");
}

TEST(HarnessSymbolsTest, ReplacingWhatTheHarnessCallsIsRefused) {
  const std::string rows =
      std::string(kFairRows) +
      "_ZN5judge3gpu11FillUniformEPvNS0_5DTypeEmmff       /b/x/tmpxft_01-11_sub.o\n"
      "                                                  /gpu/runner_main.o\n";
  const std::string refusal = FindHarnessCollision(Map(rows), "/b/x", "attention_forward");
  EXPECT_NE(refusal.find("judge::gpu::FillUniform(void*, judge::gpu::DType"), std::string::npos)
      << refusal;
  EXPECT_NE(refusal.find("runner_main.o"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("may define only attention_forward"), std::string::npos) << refusal;
}

// The runner that only calls the submission (call_main.o) links none of the harness's input
// code, so nothing there refers to FillUniform: still refused, by its namespace.
TEST(HarnessSymbolsTest, DefiningANameOfTheHarnesssNamespaceIsRefusedEvenUnused) {
  const std::string rows =
      std::string(kFairRows) +
      "_ZN5judge3gpu11FillUniformEPvNS0_5DTypeEmmff       /b/x/tmpxft_01-11_sub.o\n";
  const std::string refusal = FindHarnessCollision(Map(rows), "/b/x", "attention_forward");
  EXPECT_NE(refusal.find("judge::gpu::FillUniform(void*"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("a name of the judge's harness"), std::string::npos) << refusal;
}

TEST(HarnessSymbolsTest, ReplacingAStaticLibrarysFunctionIsRefused) {
  const std::string rows =
      std::string(kFairRows) +
      "clock_gettime                                     /b/x/tmpxft_01-11_sub.o\n"
      "                                                  "
      "/cuda/lib/libcudart_static.a(cudart_static.o)\n";
  const std::string refusal = FindHarnessCollision(Map(rows), "/b/x", "attention_forward");
  EXPECT_NE(refusal.find("`clock_gettime`"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("libcudart_static.a(cudart_static.o)"), std::string::npos) << refusal;
}

TEST(HarnessSymbolsTest, ReplacingASharedLibrarysCFunctionIsRefused) {
  // Nothing links against it by that exact name, yet libstdc++'s clock reads it at run time.
  const std::string rows =
      std::string(kFairRows) +
      "clock_gettime                                     /b/x/tmpxft_01-11_sub.o\n";
  const std::string refusal = FindHarnessCollision(Map(rows), "/b/x", "attention_forward");
  EXPECT_NE(refusal.find("`clock_gettime`"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("libc.so.6"), std::string::npos) << refusal;
}

TEST(HarnessSymbolsTest, AMapWithoutATableIsRefusedRatherThanTrusted) {
  EXPECT_NE(FindHarnessCollision("no table here", "/b/x", "attention_forward"), "");
}

}  // namespace
}  // namespace judge::gpu
