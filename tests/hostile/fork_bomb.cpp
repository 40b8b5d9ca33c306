// verdict: TLE
// needs: namespaces seccomp
// harm: a fork bomb takes the machine down; after it, no process of it may be left.
#include <unistd.h>
int main() {
  for (;;) fork();
}
