// The one-line reasons checkers, validators and interactors write: cut, and always valid UTF-8.
#include "judge/json/short_json.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/files.h"

namespace judge {
namespace {

TEST(FirstLineOfFileTest, TakesTheFirstLineCutAndMadeValidUtf8) {
  const TempDir dir;
  const auto file = dir.path() / "judgemessage.txt";
  auto first_line = [&](const std::string& text, size_t max_chars) {
    std::ofstream(file, std::ios::binary) << text;
    return FirstLineOfFile(file, max_chars);
  };
  EXPECT_EQ(first_line("query 11: too many\r\nsecond line\n", 100), "query 11: too many");
  EXPECT_EQ(first_line("no line end", 100), "no line end");
  EXPECT_EQ(first_line("abcdefghij\n", 4), "abcd...");
  EXPECT_EQ(first_line("bad \xff byte\n", 100), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(first_line("", 100), "");
  EXPECT_EQ(FirstLineOfFile(dir.path() / "absent.txt", 100), "");
}

}  // namespace
}  // namespace judge
