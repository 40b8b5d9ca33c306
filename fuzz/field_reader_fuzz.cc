// judge/json/: ParseJsonFile's parse of any file the judge reads, then FieldReader, which every
// problem, test and checker reader is built on: each typed read of each member the object has,
// and of one it lacks, required and optional; and ShortJson of the value at a few lengths.
//
// Seeds: fuzz/corpus/field_reader/, one JSON file each.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "judge/files/files.h"
#include "judge/json/field_reader.h"
#include "judge/json/short_json.h"

namespace {

// Every reader on `key`; each either reads or refuses with a reason.
void ReadEveryWay(judge::FieldReader& reader, const char* key, judge::Presence presence,
                  std::string* err) {
  std::string text;
  int positive = 0;
  long long integer = 0;
  std::vector<std::string> list;
  nlohmann::json value;
  const nlohmann::json* nested = nullptr;
  const auto expect_reason = [&](bool ok) {
    if (!ok && err->empty()) std::abort();
    err->clear();
  };
  expect_reason(reader.String(key, presence, &text));
  expect_reason(reader.PositiveInt(key, presence, &positive));
  expect_reason(reader.Int64(key, presence, &integer));
  expect_reason(reader.StringList(key, presence, &list));
  expect_reason(reader.Value(key, presence, &value));
  expect_reason(reader.Object(key, presence, &nested));
  expect_reason(reader.Array(key, presence, &nested));
  if (nested) {
    judge::FieldReader inner(*nested, reader.FieldName(key), err);
    expect_reason(inner.IsObject());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const judge::TempDir dir;
  const auto file = dir.path() / "fuzzed.json";
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  nlohmann::json j;
  std::string err;
  if (!judge::ParseJsonFile(file, &j, &err)) {
    if (err.empty()) std::abort();
    return 0;
  }
  for (size_t max_chars : {0, 1, 8, 80}) (void)judge::ShortJson(j, max_chars);
  judge::FieldReader reader(j, "fuzzed", &err);
  if (!reader.IsObject()) return 0;
  err.clear();
  for (const auto& [key, value] : j.items()) {
    ReadEveryWay(reader, key.c_str(), judge::kRequired, &err);
    ReadEveryWay(reader, key.c_str(), judge::kOptional, &err);
  }
  ReadEveryWay(reader, "no such member", judge::kRequired, &err);
  ReadEveryWay(reader, "no such member", judge::kOptional, &err);
  return 0;
}
