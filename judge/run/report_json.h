// The JSON form of a judge report, as printed by `judge run --json`: one object with at least
// "verdict" (a code from verdict.h) and "tests" (each with name, verdict, time_ms, memory_kb).
#pragma once

#include <nlohmann/json.hpp>

#include "judge/run/judge.h"

namespace judge {

nlohmann::json ReportToJson(const JudgeReport& report);

// A JSON value as compact text of at most `max_chars`, cut in the middle of long arrays.
std::string ShortJson(const nlohmann::json& value, size_t max_chars);

}  // namespace judge
