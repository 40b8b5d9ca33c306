// What the judge reads from a GPU problem's figures: which one is the main one (the score's), and
// where a case sits on the axis it is plotted against (the sequence length of an attention case,
// the bytes of one rank's buffer for an allreduce case; the report draws each version's main
// figure against it). Each is a column of the problem's row in gpu_problem_table.cc.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace judge::gpu {

// "tflops", "busbw_gbps": the figure a submission is scored by. The runner's figures come back
// as a JSON object, in name order, so the first one is not the main one.
std::string GpuMainFigure(const std::string& slug);

// "sequence length", "bytes per rank"; "" for a problem without one.
std::string GpuSizeAxis(const std::string& slug);

// The case's value on that axis; 0 when the problem has none or the spec does not parse.
double GpuCaseSize(const std::string& slug, const nlohmann::json& spec);

}  // namespace judge::gpu
