// The report as CSV (RFC 4180): one row per leaderboard entry of every problem, raw numbers (ms,
// KB, percent) for spreadsheets and scripts.
#pragma once

#include <string>
#include <string_view>

#include "judge/report/report_model.h"

namespace judge {

std::string RenderCsvReport(const ReportModel& model);

// Quotes a field when it holds a comma, a quote or a line break (quotes doubled). A field that
// starts with = + - @ is prefixed with ' so a spreadsheet shows it instead of running it.
std::string CsvField(std::string_view text);

}  // namespace judge
