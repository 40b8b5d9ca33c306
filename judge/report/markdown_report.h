// The report as Markdown: the same leaderboards as tables, for a README, an issue or a terminal;
// the plots stay in report.html, which each problem links to.
#pragma once

#include <string>
#include <string_view>

#include "judge/report/report_model.h"

namespace judge {

std::string RenderMarkdownReport(const ReportModel& model);

// Backslash-escapes what Markdown would read as markup or table structure (| * _ ` < > [ ] ~ &),
// and turns line breaks into spaces so a cell stays one cell.
std::string EscapeMarkdown(std::string_view text);

}  // namespace judge
