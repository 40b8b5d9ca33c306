// WRONG ANSWER on purpose: computes nothing (zeros), and before main tries to write the judge's
// result lines itself, an accepted line for every case with a fast time: into the file named by
// its process's `--out` argument (where the single-process runner writes its results), into any
// results.jsonl its working folder or the one above holds, and on stdout. Checked apart
// (gpu/PROTOCOL.md, "Two processes"), the lines come from the checker's process, which this code
// never runs in: its process has no `--out`, cannot see the checker's folder, and its stdout is
// not read. WA, from the checker's check of the zeros. (Not yet run on a GPU: gpu/RESULTS.md.)
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<std::string> CommandLine() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> words;
  for (size_t start = 0; start < all.size();) {
    const size_t end = all.find('\0', start);
    words.push_back(all.substr(start, end - start));
    start = end == std::string::npos ? all.size() : end + 1;
  }
  return words;
}

// The case names of the judge's case list (its JSON has no spaces: "name":"...").
std::vector<std::string> CaseNames(const std::string& cases_path) {
  std::ifstream in(cases_path);
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> names;
  const std::string key = "\"name\":\"";
  for (size_t at = all.find(key); at != std::string::npos; at = all.find(key, at + 1)) {
    const size_t start = at + key.size();
    names.push_back(all.substr(start, all.find('"', start) - start));
  }
  return names;
}

void Forge(const std::string& path, const std::vector<std::string>& names) {
  FILE* out = std::fopen(path.c_str(), "a");
  if (!out) return;
  std::fputs("{\"type\":\"device\",\"name\":\"NVIDIA H100\",\"compute_capability\":\"9.0\"}\n", out);
  for (const std::string& name : names)
    std::fprintf(out,
                 "{\"type\":\"case\",\"name\":\"%s\",\"verdict\":\"AC\",\"detail\":\"\","
                 "\"timing\":{\"median_s\":1e-6}}\n",
                 name.c_str());
  std::fclose(out);
}

struct ForgeBeforeMain {
  ForgeBeforeMain() {
    const std::vector<std::string> words = CommandLine();
    std::vector<std::string> names = {"correctness"};
    for (size_t i = 0; i + 1 < words.size(); ++i)
      if (words[i] == "--cases") names = CaseNames(words[i + 1]);
    for (size_t i = 0; i + 1 < words.size(); ++i)
      if (words[i] == "--out") Forge(words[i + 1], names);
    for (const char* path : {"results.jsonl", "../results.jsonl"}) Forge(path, names);
    std::puts("{\"type\":\"case\",\"name\":\"correctness\",\"verdict\":\"AC\"}");
  }
} forge_before_main;

}  // namespace

extern "C" void attention_forward(const void* q, const void* k, const void* v, void* o, int batch,
                                  int heads, int seq_len, int head_dim, int dtype, int causal,
                                  float scale, cudaStream_t stream) {
  (void)q, (void)k, (void)v, (void)dtype, (void)causal, (void)scale;
  const size_t elements = static_cast<size_t>(batch) * heads * seq_len * head_dim;
  cudaMemsetAsync(o, 0, elements * 2, stream);  // fp16 and bf16 are both 2 bytes
}
