#include "judge/sandbox/syscall_sets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace judge {
namespace {

using Names = std::set<std::string>;

Names Of(const std::vector<const char*>& list) { return Names(list.begin(), list.end()); }

Names Minus(const Names& a, const Names& b) {
  Names out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

// The `names` in backquotes of the table row that starts with `row` in judge/SANDBOX.md, after
// its "who" column.
Names RowOfTheTable(const std::string& row) {
  std::ifstream in(std::string(JUDGE_DEFAULT_ROOT) + "/judge/SANDBOX.md");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(row, 0) != 0) continue;
    const std::string calls = line.substr(line.find('|', row.size()));
    Names names;
    static const std::regex quoted("`([a-z0-9_]+)`");
    for (std::sregex_iterator it(calls.begin(), calls.end(), quoted), end; it != end; ++it)
      names.insert((*it)[1]);
    names.erase("native");
    names.erase("python");
    return names;
  }
  ADD_FAILURE() << "no row \"" << row << "\" in judge/SANDBOX.md";
  return {};
}

TEST(SyscallSets, TheTableBelowIsTheCode) {
  const Names native = Of(AllowedSyscalls(SyscallSet::kNative));
  const Names python = Of(AllowedSyscalls(SyscallSet::kPython));
  const Names tool = Of(AllowedSyscalls(SyscallSet::kTool));
  EXPECT_EQ(RowOfTheTable("| `native` |"), native);
  EXPECT_EQ(RowOfTheTable("| `python` |"), Minus(python, native));
  EXPECT_EQ(RowOfTheTable("| `tool` |"), Minus(tool, python));
  EXPECT_EQ(RowOfTheTable("| `gpu` |"), Minus(Of(AllowedSyscalls(SyscallSet::kGpu)), native));
  EXPECT_EQ(RowOfTheTable("| refused |"), Of(RefusedSyscalls()));
}

TEST(SyscallSets, EachWidensTheOneBeforeAndNoneAllowsWhatIsRefused) {
  const Names native = Of(AllowedSyscalls(SyscallSet::kNative));
  const Names python = Of(AllowedSyscalls(SyscallSet::kPython));
  const Names tool = Of(AllowedSyscalls(SyscallSet::kTool));
  EXPECT_TRUE(Minus(native, python).empty());
  EXPECT_TRUE(Minus(python, tool).empty());
  for (const char* refused : RefusedSyscalls()) EXPECT_EQ(tool.count(refused), 0u) << refused;
  for (const char* call : {"fork", "vfork"}) {
    EXPECT_EQ(python.count(call), 0u) << call;
    EXPECT_EQ(tool.count(call), 1u) << call;
  }
  EXPECT_EQ(tool.size(), AllowedSyscalls(SyscallSet::kTool).size()) << "a name listed twice";
  // A GPU runner widens the native list and starts no process either.
  const Names gpu = Of(AllowedSyscalls(SyscallSet::kGpu));
  EXPECT_TRUE(Minus(native, gpu).empty());
  // ...and may use sockets (NCCL's bootstrap, in its own namespace), but nothing else refused.
  EXPECT_EQ(gpu.count("socket"), 1u);
  for (const char* refused : RefusedSyscalls()) {
    if (std::string(refused).rfind("socket", 0) != 0) {
      EXPECT_EQ(gpu.count(refused), 0u) << refused;
    }
  }
  for (const char* call : {"fork", "vfork"}) EXPECT_EQ(gpu.count(call), 0u) << call;
  // A checker and its runner talk over the socket the judge gives them (gpu/PROTOCOL.md): messages
  // with file descriptors attached (SCM_RIGHTS), which the filter cannot see inside.
  for (const char* call : {"sendmsg", "recvmsg", "read", "write", "close", "mmap"})
    EXPECT_EQ(gpu.count(call), 1u) << call;
  EXPECT_EQ(gpu.size(), AllowedSyscalls(SyscallSet::kGpu).size()) << "a name listed twice";
}

}  // namespace
}  // namespace judge
