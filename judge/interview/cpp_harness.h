// Builds the C++ program that judges an interview-style solution: the solution's source, as the
// person wrote it for LeetCode, followed by a generated main that reads each case's arguments,
// calls the method (or drives the design class) under the runtime's limits and measurements, and
// writes one result line per case to fd 3. judge/interview/PROTOCOL.md describes the program's
// command line and output; judge/interview/cpp/harness_runtime.h holds the code they share.
//
// Pure functions of their arguments; safe to call from any thread.
#pragma once

#include <string>
#include <string_view>

#include "judge/problem/signature.h"

namespace judge {

// The name of the header every generated harness includes first. The judge writes CppPrelude()
// under this name next to the harness, and may precompile it (judge_prelude.h.gch) with the same
// flags as the harness: that saves the parse of <bits/stdc++.h> on every submission.
inline constexpr std::string_view kCppPreludeName = "judge_prelude.h";

// The file name that compile errors in the generated main refer to.
inline constexpr std::string_view kCppHarnessName = "judge-harness.cpp";

// LeetCode's implicit prelude (<bits/stdc++.h>, using namespace std) and the harness runtime.
std::string CppPrelude();

// The runtime's definitions, compiled once beside the precompiled prelude (with the same
// flags, and judge_prelude.h in the include path) into kCppRuntimeObjectName, which every
// generated harness links: a submission's compile then generates code only for the solution.
std::string CppRuntimeUnit();
inline constexpr std::string_view kCppRuntimeObjectName = "harness_runtime.o";

// What a competitive program is compiled with first: <bits/stdc++.h>, and when `sanitized`
// the heap report (cpp/harness_heap_report.h), the only harness such a program gets.
std::string CppCompetitivePrelude(bool sanitized);

// The whole translation unit. `solution_name` is the name compile errors in the solution refer
// to (#line), normally the file the person wrote. A `main` in the solution (kept for local
// testing) is renamed so that it does not clash with the harness's.
std::string GenerateCppHarness(const Signature& sig, std::string_view solution_source,
                               std::string_view solution_name);

// The C++ spelling of a signature type: "int[][]" -> "std::vector<std::vector<int>>".
// `qualified` false gives LeetCode's unqualified spelling ("vector<vector<int>>").
std::string CppType(const std::string& type, bool qualified = true);

}  // namespace judge
