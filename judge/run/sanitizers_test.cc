#include "judge/run/sanitizers.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

// Reports as g++ 12's libasan and libubsan print them (abridged where marked), with the judge's
// options: the harness's and the system's frames come before or around the submission's.
const char kHeapOverflow[] = R"(some output the solution printed first
=================================================================
==7==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000018 at pc 0x55 bp 0x7f sp 0x7f
READ of size 4 at 0x602000000018 thread T0
    #0 0x55d0c1 in Solution::maximumGap(std::vector<int, std::allocator<int> >&) /tmp/judge/b1/solution.cpp:13
    #1 0x55d0c2 in judge_harness::Call<int>(...) /tmp/judge/b1/judge_prelude.h:812
    #2 0x7fd0e7c45249 in __libc_start_call_main ../sysdeps/nptl/libc_start_call_main.h:58

0x602000000018 is located 0 bytes to the right of 8-byte region [0x602000000010,0x602000000018)
allocated by thread T0 here:
    #0 0x7fd0e7eb94c8 in operator new(unsigned long) ../../../../src/libsanitizer/asan/asan_new_delete.cpp:95
    #1 0x55d0c3 in judge_harness::ReadVector /tmp/judge/b1/judge_prelude.h:120

SUMMARY: AddressSanitizer: heap-buffer-overflow /tmp/judge/b1/solution.cpp:13 in Solution::maximumGap
==7==ABORTING
)";

const char kNullSegv[] =
    R"(==9==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000 (pc 0x55 bp 0x7f sp 0x7f T0)
==9==The signal is caused by a READ memory access.
==9==Hint: address points to the zero page.
    #0 0x55d0c1 in std::vector<int>::operator[](unsigned long) /usr/include/c++/12/bits/stl_vector.h:1123
    #1 0x55d0c2 in main /tmp/judge/b2/walk.cpp:21:7

AddressSanitizer can not provide additional info.
SUMMARY: AddressSanitizer: SEGV /usr/include/c++/12/bits/stl_vector.h:1123 in operator[]
)";

const char kUndefined[] =
    R"(solution.cpp:7:16: runtime error: load of null pointer of type 'volatile int'
    #0 0x55d0c1 in Solution::maximumGap(std::vector<int>&) /tmp/judge/b3/solution.cpp:7
SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior solution.cpp:7:16 in
)";

const char kUndefinedInAHeader[] =
    R"(/usr/include/c++/12/bits/stl_algo.h:1850:20: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'
    #0 0x55d0c1 in std::__insertion_sort<...> /usr/include/c++/12/bits/stl_algo.h:1850
    #1 0x55d0c2 in Solution::sortBy(std::vector<int>&) /tmp/judge/b4/solution.cpp:31
)";

const char kOutOfMemory[] =
    R"(==3==ERROR: AddressSanitizer: out of memory: allocator is trying to allocate 0x100000000 bytes
    #0 0x7fd0e7eb94c8 in operator new(unsigned long) ../../../../src/libsanitizer/asan/asan_new_delete.cpp:95
    #1 0x55d0c1 in Solution::f() /tmp/judge/b5/counting.cpp:9
SUMMARY: AddressSanitizer: out-of-memory ../../../../src/libsanitizer/asan/asan_new_delete.cpp:95 in operator new
)";

struct Case {
  const char* report;
  const char* described;
  bool out_of_memory;
};

TEST(SanitizerReport, NamesTheKindAndTheSubmissionsLine) {
  const Case cases[] = {
      {kHeapOverflow, "AddressSanitizer: heap-buffer-overflow at solution.cpp:13", false},
      {kNullSegv, "AddressSanitizer: SEGV (a null pointer) at walk.cpp:21", false},
      {kUndefined,
       "UndefinedBehaviorSanitizer: load of null pointer of type 'volatile int' at solution.cpp:7",
       false},
      {kUndefinedInAHeader,
       "UndefinedBehaviorSanitizer: signed integer overflow: 2147483647 + 1 cannot be "
       "represented in type 'int' at solution.cpp:31",
       false},
      {kOutOfMemory, "AddressSanitizer: out-of-memory at counting.cpp:9", true},
  };
  for (const Case& c : cases) {
    const std::string kept = SanitizerReportText(c.report);
    SanitizerFinding finding;
    ASSERT_TRUE(FindSanitizerReport(kept, &finding)) << c.report;
    EXPECT_EQ(finding.Describe(), c.described);
    EXPECT_EQ(finding.out_of_memory, c.out_of_memory) << c.described;
  }
}

TEST(SanitizerReport, KeepsTheReportFromItsStartAndFindsNoneInOrdinaryOutput) {
  const std::string chatty = std::string(100000, 'x') + "\n" + kUndefined;
  EXPECT_EQ(SanitizerReportText(chatty).rfind("solution.cpp:7:16: runtime error", 0), 0u);
  EXPECT_EQ(SanitizerReportText("Traceback: IndexError\nsegfault at 0\n"), "");
  SanitizerFinding finding;
  EXPECT_FALSE(FindSanitizerReport("", &finding));
  EXPECT_FALSE(FindSanitizerReport("terminate called after throwing std::bad_alloc\n", &finding));
}

TEST(SanitizerReport, ARunGetsMoreTimeTheSameMemoryAndOptionsThatMatchIt) {
  ExecutionLimits limits;
  limits.time_ms = 1000;
  limits.memory_kb = 256 * 1024;
  const ExecutionLimits sanitized = SanitizedLimits(limits);
  EXPECT_EQ(sanitized.time_ms, 1000 * kSanitizedTimeFactor);
  EXPECT_EQ(sanitized.memory_kb, limits.memory_kb);
  const auto env = SanitizerEnvironment(limits);
  ASSERT_EQ(env.size(), 2u);
  EXPECT_NE(env[0].find("max_allocation_size_mb=256:"), std::string::npos) << env[0];
  EXPECT_NE(env[0].find("detect_leaks=0"), std::string::npos) << env[0];
  EXPECT_NE(env[1].find("halt_on_error=1"), std::string::npos) << env[1];
}

}  // namespace
}  // namespace judge
