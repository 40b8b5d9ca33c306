// One number as text, printf-style ("%.2f"): the reports, the CLI and the growth fit's messages.
#pragma once

#include <cstdio>
#include <string>

namespace judge {

inline std::string FormatNumber(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

}  // namespace judge
