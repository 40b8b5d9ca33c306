// The textbook search: ask the middle until "=", confirming the last candidate with a query
// too. That is exactly as many queries as n has binary digits: the limit, not one more.
#include <iostream>
#include <string>

int main() {
  long long n;
  std::cin >> n;
  long long lo = 1, hi = n;
  while (lo <= hi) {
    const long long mid = (lo + hi) / 2;
    std::cout << "? " << mid << '\n';
    std::cout.flush();  // '\n' alone would leave the line in the buffer
    std::string reply;
    std::cin >> reply;
    if (reply == "=") {
      std::cout << "! " << mid << '\n';
      std::cout.flush();
      return 0;
    }
    if (reply == "<") {
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
}
