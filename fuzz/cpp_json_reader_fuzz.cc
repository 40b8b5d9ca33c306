// The C++ harness's reader of case lines (judge/interview/cpp/json_reader.h), which runs inside
// the submission's process on the judge's data, included here as the generated harness includes
// it. Each line of the input is read as every type of the signature vocabulary, as argument
// lists, and skipped as a constructor's arguments: each read returns a value or throws
// InputError, nothing else.
//
// And against nlohmann, which writes the case lines (judge/run/execution.cc): a line that
// nlohmann parses as a list of strings, integers or doubles, written back as the judge writes it,
// must read as the same list.
//
// Seeds: fuzz/corpus/cpp_json_reader/, case lines.
#include <nlohmann/json.hpp>

#define JUDGE_HARNESS_DEFINITIONS  // the runtime's definitions, compiled once here
#include "judge/interview/cpp/harness_runtime.h"

namespace {

using judge_harness::Cursor;
using judge_harness::InputError;

Cursor CursorOver(std::string_view line) {
  return Cursor{line.data(), line.data(), line.data() + line.size()};
}

template <class T>
void ReadWhole(std::string_view line) {
  Cursor c = CursorOver(line);
  try {
    (void)judge_harness::Read<T>(c);
    judge_harness::ExpectEndOfLine(c);
  } catch (const InputError&) {
  }
}

template <class... Args>
void ReadArgumentList(std::string_view line) {
  Cursor c = CursorOver(line);
  try {
    (void)judge_harness::ReadArguments<Args...>(c);
    judge_harness::ExpectEndOfLine(c);
  } catch (const InputError&) {
  }
}

void Skip(std::string_view line) {
  Cursor c = CursorOver(line);
  try {
    (void)judge_harness::CountElements(c);
    judge_harness::SkipValue(c);
  } catch (const InputError&) {
  }
}

// A list nlohmann holds, written as the judge writes a case line, must read back equal.
template <class T>
void ReadsAsNlohmannDoes(const nlohmann::json& list) {
  std::vector<T> want;
  try {
    want = list.get<std::vector<T>>();
  } catch (const nlohmann::json::exception&) {
    return;  // not a list of T
  }
  const std::string line = list.dump();
  Cursor c = CursorOver(line);
  std::vector<T> got;
  try {
    got = judge_harness::Read<std::vector<T>>(c);
    judge_harness::ExpectEndOfLine(c);
  } catch (const InputError& e) {
    fprintf(stderr, "the harness refuses the judge's line %s: %s\n", line.c_str(), e.what());
    abort();
  }
  if (got != want) {
    fprintf(stderr, "the harness reads the judge's line %s differently\n", line.c_str());
    abort();
  }
}

bool AllOfType(const nlohmann::json& list, bool (nlohmann::json::*is)() const noexcept) {
  return std::all_of(list.begin(), list.end(), [&](const nlohmann::json& v) { return (v.*is)(); });
}

void CompareWithNlohmann(std::string_view line) {
  const auto list = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) return;
  if (AllOfType(list, &nlohmann::json::is_string)) ReadsAsNlohmannDoes<std::string>(list);
  // Integers the judge writes as integers: unsigned ones above 2^63 are not long long.
  if (AllOfType(list, &nlohmann::json::is_number_integer) &&
      std::none_of(list.begin(), list.end(), [](const nlohmann::json& v) {
        return v.is_number_unsigned() && v.get<unsigned long long>() > LLONG_MAX;
      }))
    ReadsAsNlohmannDoes<long long>(list);
  if (AllOfType(list, &nlohmann::json::is_number_float)) ReadsAsNlohmannDoes<double>(list);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  judge_harness::ForEachLine(text, [](Cursor& c) {
    const std::string_view line(c.p, c.end - c.p);
    ReadWhole<int>(line);
    ReadWhole<long long>(line);
    ReadWhole<double>(line);
    ReadWhole<bool>(line);
    ReadWhole<std::string>(line);
    ReadWhole<std::vector<int>>(line);
    ReadWhole<std::vector<std::vector<long long>>>(line);
    ReadWhole<std::vector<double>>(line);
    ReadWhole<std::vector<bool>>(line);
    ReadWhole<std::vector<std::vector<std::string>>>(line);
    ReadArgumentList<>(line);
    ReadArgumentList<std::vector<int>, int>(line);
    ReadArgumentList<std::string, double, bool>(line);
    Skip(line);
    CompareWithNlohmann(line);
  });
  return 0;
}
