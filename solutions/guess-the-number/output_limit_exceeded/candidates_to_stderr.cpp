// Prints the candidates still in play to stderr before each query, "which the interactor does
// not read": stderr counts towards the 1 MB output limit, and for n = 10^9 the first list alone
// is gigabytes.
#include <iostream>
#include <string>

int main() {
  long long n;
  std::cin >> n;
  long long lo = 1, hi = n;
  while (lo <= hi) {
    for (long long c = lo; c <= hi; ++c) std::cerr << c << ' ';
    std::cerr << '\n';
    const long long mid = (lo + hi) / 2;
    std::cout << "? " << mid << std::endl;
    std::string reply;
    std::cin >> reply;
    if (reply == "=") {
      std::cout << "! " << mid << std::endl;
      return 0;
    }
    if (reply == "<")
      hi = mid - 1;
    else
      lo = mid + 1;
  }
}
