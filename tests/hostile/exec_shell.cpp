// verdict: WA
// needs: namespaces exec-once
// harm: exec of /bin/sh, which would compute the sum (AC) and leave a file and a sleeper behind.
#include <unistd.h>
#include <iostream>
int main() {
  execl("/bin/sh", "sh", "-c",
        "read a b; echo $((a+b)); touch @ROOT@/sh-ran; exec sleep 1000 @TOKEN@", (char*)nullptr);
  std::cout << 0 << "\n";  // exec was refused
}
