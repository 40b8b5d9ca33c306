// Whole and partial file reads: a prefix is the file up to the limit, flagged when cut, also
// across the reader's chunks.
#include "judge/files/files.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(ReadFilePrefix, ReadsUpToTheLimitAndSaysWhenItCut) {
  TempDir temp;
  const auto file = temp.path() / "out";
  std::string err;
  std::string text(200000, 'x');  // several of the reader's chunks
  text[150000] = 'y';
  ASSERT_TRUE(WriteFileAtomic(file, text, &err)) << err;
  bool truncated = true;
  EXPECT_EQ(ReadFilePrefix(file, 1 << 20, &truncated), text);
  EXPECT_FALSE(truncated);
  EXPECT_EQ(ReadFilePrefix(file, text.size(), &truncated), text);
  EXPECT_FALSE(truncated);
  const std::string head = ReadFilePrefix(file, 150001, &truncated);
  EXPECT_TRUE(truncated);
  EXPECT_EQ(head.size(), 150001u);
  EXPECT_EQ(head.back(), 'y');
  EXPECT_EQ(ReadFilePrefix(temp.path() / "missing", 10, &truncated), "");
  EXPECT_FALSE(truncated);
}

}  // namespace
}  // namespace judge
