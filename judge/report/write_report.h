// Writes the report's four files into a folder (created if absent): report.html, report.md,
// report.json, report.csv. Nothing else in the folder is touched; each file is written to a
// temporary sibling and renamed, so a reader never sees half a report.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "judge/report/report_model.h"

namespace judge {

// On success, `written` holds the four paths, HTML first.
bool WriteReport(const ReportModel& model, const std::filesystem::path& dir,
                 std::vector<std::filesystem::path>* written, std::string* err);

}  // namespace judge
