#include "judge/cli/exit_status.h"

#include <cstdio>

namespace judge::cli {

int PrintError(const std::string& message) {
  std::fprintf(stderr, "judge: %s\n", message.c_str());
  return kExitUsage;
}

}  // namespace judge::cli
