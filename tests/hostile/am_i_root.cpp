// verdict: WA
// needs: namespaces
// harm: running as root (the judge is root here); the right sum only if it is.
#include <unistd.h>
#include <iostream>
int main() {
  long long a, b;
  std::cin >> a >> b;
  std::cout << (geteuid() == 0 || getuid() == 0 ? a + b : 0) << "\n";
}
