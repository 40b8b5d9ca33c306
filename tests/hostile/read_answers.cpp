// verdict: WA
// needs: namespaces
// harm: reading the test answers and the README by absolute path. It prints the right sum only
// if it could open one of them, so AC would mean it saw them.
#include <fstream>
#include <iostream>
int main() {
  std::ifstream answers("@ROOT@/testcases/sum/01.json"), readme("@ROOT@/README.md");
  long long a, b;
  std::cin >> a >> b;
  std::cout << (answers.is_open() || readme.is_open() ? a + b : 0) << "\n";
}
