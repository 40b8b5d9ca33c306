// verdict: OLE
// needs: namespaces
// harm: filling the disk: the project folder and its own folder are out of reach, and the
// private /tmp stops at the file-size limit (SIGXFSZ).
#include <cstdio>
#include <vector>
int main() {
  std::vector<char> block(1 << 20, 'x');
  for (const char* path : {"@ROOT@/big", "big", "/tmp/@TOKEN@"}) {
    FILE* f = std::fopen(path, "w");
    if (!f) continue;
    for (int i = 0; i < (1 << 14); ++i)
      if (std::fwrite(block.data(), 1, block.size(), f) != block.size()) break;
    std::fclose(f);
  }
}
