// Narrows the range down to one candidate without stopping at "=", then asks about that
// candidate before answering: the answer was already known, and the query is one too many
// (31 for n = 10^9, where 30 are allowed).
#include <iostream>
#include <string>

int main() {
  long long n;
  std::cin >> n;
  long long lo = 1, hi = n;
  std::string reply;
  while (lo < hi) {
    const long long mid = (lo + hi + 1) / 2;
    std::cout << "? " << mid << std::endl;
    std::cin >> reply;
    if (reply == "<") {
      hi = mid - 1;
    } else {
      lo = mid;
    }
  }
  std::cout << "? " << lo << std::endl;  // just to be sure
  std::cin >> reply;
  std::cout << "! " << lo << std::endl;
}
