// Counts down to zero one step at a time: 10^12 steps for the large case.
#include <iostream>
int main() {
  long long n;
  std::cin >> n;
  volatile long long m = n < 0 ? -n : n;
  bool even = true;
  while (m > 0) {
    m = m - 1;
    even = !even;
  }
  std::cout << (even ? "even" : "odd") << "\n";
}
