// The report as one self-contained HTML page: inline CSS and inline SVG plots, no script, no
// network, no file beside it, so it can be mailed, archived or opened from anywhere. Every piece
// of text that came from the store is escaped.
#pragma once

#include <string>

#include "judge/report/report_model.h"

namespace judge {

std::string RenderHtmlReport(const ReportModel& model);

}  // namespace judge
