// The leaderboard's columns as people read them ("1.23", "12.4 ms", "7.6 MB", "83%", "O(n)"),
// shared by the HTML and Markdown reports so the two tables always agree. Unescaped text: each
// format escapes it its own way. (CSV and JSON keep the raw numbers.)
#pragma once

#include <array>
#include <string>

#include "judge/report/report_model.h"

namespace judge {

constexpr size_t kLeaderboardColumns = 9;

// A GPU problem's table has the same shape (numbers in columns 0 and 3-6) with its own columns:
// rank, user, device, ratio, figure ("412 TFLOP/s", "381 GB/s busbw"), of ceiling (the
// geometric mean of the cases' fractions of the device's measured ceiling), faster than, source,
// when. `gpu`: ProblemReport::gpu.
const std::array<std::string, kLeaderboardColumns>& LeaderboardHeaders(bool gpu = false);
std::array<std::string, kLeaderboardColumns> LeaderboardCells(const LeaderboardRow& row);

// "412 TFLOP/s", "381 GB/s busbw": a GPU score with its unit.
std::string GpuFigureText(const std::string& figure, double value);
// "TFLOP/s", "GB/s busbw"; the figure's name when it is not one of the problems'.
std::string GpuFigureUnit(const std::string& figure);

// The user's attempts at a problem in one line: "solved: 1 of 4 runs accepted (AC 1, TLE 1,
// WA 2), last WA", "attempted: 3 runs, none accepted (WA 3), last WA", "not tried".
std::string AttemptsText(const ProblemAttempts& attempts);
// "AC 1, TLE 1, WA 2", or "-" with no runs.
std::string VerdictCounts(const ProblemAttempts& attempts);

// "O(n log n)", or "-" when the run has no growth figure.
std::string GrowthCell(const RunRecord& run);

}  // namespace judge
