#include "judge/cli/terminal.h"

#include <unistd.h>

#include <cstdlib>

namespace judge::cli {

Terminal::Terminal(FILE* stream) {
  tty_ = isatty(fileno(stream));
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  color_ = tty_ && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
}

std::string Terminal::Paint(const std::string& text, Color color) const {
  if (!color_) return text;
  const char* code = "";
  switch (color) {
    case Color::kGreen:
      code = "\033[32m";
      break;
    case Color::kRed:
      code = "\033[31m";
      break;
    case Color::kYellow:
      code = "\033[33m";
      break;
    case Color::kBlue:
      code = "\033[34m";
      break;
    case Color::kBold:
      code = "\033[1m";
      break;
    case Color::kDim:
      code = "\033[2m";
      break;
  }
  return code + text + "\033[0m";
}

}  // namespace judge::cli
