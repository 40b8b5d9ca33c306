// The interactor of guess-the-number (statement.md), in the Kattis / ICPC convention:
//   interactor INPUT_FILE ANSWER_FILE FEEDBACK_DIR
// INPUT_FILE holds "n x": the range and the hidden number. It tells the submission n, answers
// each "? y" with "<" (x is smaller than y), ">" (x is larger) or "=", and accepts "! x" after
// at most as many queries as n has binary digits (the depth of a balanced search over 1..n).
// Exit 42 accepts; 43 rejects, with the reason as the first line of FEEDBACK_DIR/judgemessage.txt.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

namespace {

std::string feedback_dir;

[[noreturn]] void Reject(const std::string& why) {
  std::ofstream(feedback_dir + "judgemessage.txt") << why << "\n";
  std::exit(43);
}

int BinaryDigits(long long n) {
  int digits = 0;
  for (; n > 0; n /= 2) ++digits;
  return digits;
}

void Say(const std::string& line) {
  std::cout << line << std::endl;
  if (!std::cout) Reject("the submission stopped reading");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: interactor INPUT_FILE ANSWER_FILE FEEDBACK_DIR\n";
    return 2;
  }
  feedback_dir = argv[3];
  if (!feedback_dir.empty() && feedback_dir.back() != '/') feedback_dir += '/';
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows as a failed write: Say rejects
  long long n = 0, x = 0;
  if (!(std::ifstream(argv[1]) >> n >> x) || n < 1 || x < 1 || x > n) {
    std::cerr << argv[1] << ": expected \"n x\" with 1 <= x <= n\n";
    return 2;
  }
  const int allowed = BinaryDigits(n);
  Say(std::to_string(n));
  for (int queries = 0;;) {
    std::string kind;
    long long y = 0;
    if (!(std::cin >> kind)) Reject("the submission ended without answering \"! x\"");
    if (kind != "?" && kind != "!") Reject("expected \"?\" or \"!\", got \"" + kind + "\"");
    if (!(std::cin >> y)) Reject("expected a number after \"" + kind + "\"");
    if (kind == "!") {
      if (y != x) Reject("answered " + std::to_string(y) + ", the number was " + std::to_string(x));
      std::string extra;
      if (std::cin >> extra) Reject("printed \"" + extra + "\" after its answer");
      return 42;
    }
    if (++queries > allowed)
      Reject("query " + std::to_string(queries) + " (\"? " + std::to_string(y) + "\"): only " +
             std::to_string(allowed) + " are allowed for n = " + std::to_string(n));
    if (y < 1 || y > n)
      Reject("query \"? " + std::to_string(y) + "\" is outside 1.." + std::to_string(n));
    Say(x < y ? "<" : x > y ? ">" : "=");
  }
}
