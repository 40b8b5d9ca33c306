// Colour and width for human output: colour only on a terminal and when NO_COLOR is unset.
#pragma once

#include <cstdio>
#include <string>

namespace judge::cli {

enum class Color { kGreen, kRed, kYellow, kBlue, kBold, kDim };

class Terminal {
 public:
  explicit Terminal(FILE* stream);
  bool is_tty() const { return tty_; }
  std::string Paint(const std::string& text, Color color) const;

 private:
  bool tty_ = false;
  bool color_ = false;
};

}  // namespace judge::cli
