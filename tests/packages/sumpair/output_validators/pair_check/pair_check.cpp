// Output validator in the problem package convention: pair_check INPUT ANSWER FEEDBACK_DIR
// [nonnegative] < output. Accepts (exit 42) two integers that add up to the input's n, both
// non-negative when given "nonnegative"; rejects (exit 43) anything else, saying why in
// FEEDBACK_DIR/judgemessage.txt.
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

static int Verdict(const char* feedback_dir, int code, const std::string& message) {
  std::ofstream(std::string(feedback_dir) + "/judgemessage.txt") << message << "\n";
  return code;
}

int main(int argc, char** argv) {
  if (argc < 4) return 1;
  const bool nonnegative = argc > 4 && std::strcmp(argv[4], "nonnegative") == 0;
  long long n = 0, a = 0, b = 0;
  std::ifstream(argv[1]) >> n;
  if (!(std::cin >> a >> b)) return Verdict(argv[3], 43, "expected two integers");
  std::string extra;
  if (std::cin >> extra) return Verdict(argv[3], 43, "more than two integers");
  if (nonnegative && (a < 0 || b < 0))
    return Verdict(argv[3], 43, "a negative number: " + std::to_string(a < 0 ? a : b));
  if (a + b != n)
    return Verdict(argv[3], 43,
                   std::to_string(a) + " + " + std::to_string(b) + " is not " + std::to_string(n));
  return Verdict(argv[3], 42, "ok");
}
