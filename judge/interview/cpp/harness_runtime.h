// The runtime of every generated C++ harness (see judge/interview/PROTOCOL.md): a typed JSON reader
// and writer, the per-call limits and measurements, and the loop that runs each case of a
// function or design problem in one process and writes one result line per case to fd 3. Its
// parts, one file per role, follow in the order they build on each other.
//
// The judge embeds this file in its binary and writes it into judge_prelude.h after
// `#include <bits/stdc++.h>` and `using namespace std;`, then precompiles that header, so the
// generated harness only adds the solution and a short main. Everything here lives in
// namespace judge_harness: a solution may define any global name (`read`, `Node`, `Cursor`).
// Single-threaded, like the harness.
//
// Each part declares its functions and defines them after `#ifdef JUDGE_HARNESS_DEFINITIONS`;
// the readers and writers of the signature's types are declared `extern template`. The judge
// compiles those definitions once per compiler and flags, with the macro defined, into an
// object that every interview program links (cpp_harness.h: CppRuntimeUnit), so a solution's
// compile generates code only for the solution and its class's operations. A program that
// includes this header directly defines the macro in one of its files.
//
// Include guards rather than #pragma once: this text is the tail of the header that g++
// precompiles as a main file, where #pragma once draws a warning.
#ifndef JUDGE_HARNESS_RUNTIME_H_
#define JUDGE_HARNESS_RUNTIME_H_

#include <cxxabi.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <limits>
#include <memory>
#include <new>
#include <ranges>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

// The parts, in the order they build on each other (not sorted).
// clang-format off
#include "judge/interview/cpp/json_reader.h"
#include "judge/interview/cpp/json_writer.h"
#include "judge/interview/cpp/heap_meter.h"
#include "judge/interview/cpp/meter.h"
#include "judge/interview/cpp/result_line.h"
#include "judge/interview/cpp/operations.h"
#include "judge/interview/cpp/command_line.h"
#include "judge/interview/cpp/case_loop.h"
// clang-format on

#endif  // JUDGE_HARNESS_RUNTIME_H_
