// ParseJsonFile's refusals: every malformed file is an error naming it, never an exception.
#include "judge/json/field_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/files.h"

namespace judge {
namespace {

TEST(ParseJsonFile, RefusesWhatNlohmannCannotHoldWithAMessage) {
  const TempDir dir;
  const auto file = dir.path() / "t.json";
  // Syntax (parse_error), and a number past double's range, which nlohmann reports as
  // out_of_range: found by fuzz/test_file_fuzz.cc, it ended the judge with std::terminate.
  for (const char* text : {"{\"a\": [1, 2,}", "{\"min\": -1e309}", "[1e400]"}) {
    std::ofstream(file) << text;
    nlohmann::json j;
    std::string err;
    EXPECT_FALSE(ParseJsonFile(file, &j, &err)) << text;
    EXPECT_NE(err.find("t.json: invalid JSON: "), std::string::npos) << err;
  }
}

}  // namespace
}  // namespace judge
