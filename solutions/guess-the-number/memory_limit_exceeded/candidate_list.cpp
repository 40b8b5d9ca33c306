// Keeps the candidates as a list and erases half of it after each reply: for n = 10^9 the list
// alone is 4 GB, far past the 256 MB limit, before the first query.
#include <iostream>
#include <string>
#include <vector>

int main() {
  long long n;
  std::cin >> n;
  std::vector<int> candidates(static_cast<size_t>(n));
  for (size_t i = 0; i < candidates.size(); ++i) candidates[i] = static_cast<int>(i + 1);
  size_t lo = 0, hi = candidates.size();  // [lo, hi)
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    std::cout << "? " << candidates[mid] << std::endl;
    std::string reply;
    std::cin >> reply;
    if (reply == "=") {
      std::cout << "! " << candidates[mid] << std::endl;
      return 0;
    }
    if (reply == "<")
      hi = mid;
    else
      lo = mid + 1;
  }
}
