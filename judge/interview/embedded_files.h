// Harness sources compiled into the judge binary (see judge/interview/embed.cmake), so the judge
// needs nothing from the source tree to build a submission's harness.
#pragma once

#include <string_view>

namespace judge {

// The content of an embedded file by base name ("harness_runtime.h", "harness.py"); empty if
// unknown.
std::string_view EmbeddedFile(std::string_view name);

}  // namespace judge
