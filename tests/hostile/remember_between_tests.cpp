// verdict: AC
// needs: namespaces
// harm: passing state from one test to the next through /tmp, which a reused box must not
// carry over: it answers right only while it finds nothing the test before it left there.
#include <fstream>
#include <iostream>
int main() {
  long long a, b;
  std::cin >> a >> b;
  const bool seen = std::ifstream("/tmp/judge-remembered").good();
  std::ofstream("/tmp/judge-remembered") << a << "\n";
  std::cout << (seen ? 0 : a + b) << "\n";
}
