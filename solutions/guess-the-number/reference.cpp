// Binary search over [lo, hi]: each query halves the candidates, and "=" ends it early; at most
// as many queries as n has binary digits.
#include <iostream>
#include <string>

int main() {
  long long n;
  std::cin >> n;
  long long lo = 1, hi = n;
  while (lo < hi) {
    const long long mid = lo + (hi - lo) / 2;
    std::cout << "? " << mid << std::endl;  // endl flushes: the interactor waits for the line
    std::string reply;
    std::cin >> reply;
    if (reply == "=") {
      lo = hi = mid;
    } else if (reply == "<") {
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  std::cout << "! " << lo << std::endl;
}
