// The report as JSON: the same data as the HTML page, plot data included (every accepted ratio,
// the growth points of both series), with raw numbers, for scripts.
#pragma once

#include <nlohmann/json.hpp>

#include "judge/report/report_model.h"

namespace judge {

nlohmann::json RenderJsonReport(const ReportModel& model);

}  // namespace judge
