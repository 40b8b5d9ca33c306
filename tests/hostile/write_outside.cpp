// verdict: WA
// needs: namespaces
// harm: creating files outside its directory (the project, the machine's /tmp, its own folder)
// and deleting one (victim.txt); the right sum only if one of those worked.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <unistd.h>
int main() {
  bool harmed = false;
  harmed |= static_cast<bool>(std::ofstream("@ROOT@/pwned.txt") << "pwned");
  harmed |= static_cast<bool>(std::ofstream("pwned.txt") << "pwned");
  std::ofstream("/tmp/@TOKEN@") << "pwned";  // lands in the run's private /tmp, if anywhere
  harmed |= unlink("@ROOT@/victim.txt") == 0;
  long long a, b;
  std::cin >> a >> b;
  std::cout << (harmed ? a + b : 0) << "\n";
}
