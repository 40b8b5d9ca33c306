// verdict: OLE
// needs:
// harm: endless output on stderr fills the disk; the file-size limit stops it.
#include <cstdio>
int main() {
  for (;;) std::fputs("flood flood flood flood flood flood flood flood\n", stderr);
}
