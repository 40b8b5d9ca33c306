#include "judge/check/json_diff.h"

#include <cctype>
#include <cmath>
#include <cstdint>

namespace judge {
namespace {

using nlohmann::json;

constexpr size_t kMaxStringChars = 60;
constexpr size_t kMaxListElements = 5;
constexpr size_t kMaxObjectMembers = 3;
constexpr int kMaxDepth = 3;
constexpr size_t kMaxShortChars = 120;
constexpr size_t kContextBefore = 20;  // of a long string, before its first difference
constexpr size_t kContextChars = 40;

// Output text of competitive programs may hold invalid UTF-8; dumping must not throw on it.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves a byte position back to the start of its UTF-8 character, so cuts never split one.
size_t CharBoundary(const std::string& s, size_t pos) {
  if (pos >= s.size()) return s.size();
  while (pos > 0 && IsUtf8Continuation(s[pos])) --pos;
  return pos;
}

// A quoted piece of `s` starting near `start`, with "..." inside the quotes where cut.
std::string QuotedWindow(const std::string& s, size_t start, size_t length) {
  start = CharBoundary(s, start);
  size_t end = CharBoundary(s, start + length);
  std::string text = Dump(json(s.substr(start, end - start)));
  if (start > 0) text.insert(1, "...");
  if (end < s.size()) text.insert(text.size() - 1, "...");
  return text;
}

void WriteShort(const json& value, int depth, std::string* out) {
  if (value.is_array() || value.is_object()) {
    bool array = value.is_array();
    out->push_back(array ? '[' : '{');
    if (!value.empty() && depth >= kMaxDepth) {
      *out += "...";
    } else {
      size_t limit = array ? kMaxListElements : kMaxObjectMembers, shown = 0;
      for (auto it = value.begin(); it != value.end(); ++it, ++shown) {
        if (shown > 0) out->push_back(',');
        if (shown == limit) {
          *out += "...";
          break;
        }
        if (!array) *out += Dump(json(it.key())) + ":";
        WriteShort(*it, depth + 1, out);
      }
    }
    out->push_back(array ? ']' : '}');
  } else if (value.is_string()) {
    *out += QuotedWindow(value.get_ref<const std::string&>(), 0, kMaxStringChars);
  } else {
    *out += Dump(value);
  }
}

// Sign and magnitude, so that int64 and uint64 values compare without overflow.
struct Integer {
  bool negative = false;
  uint64_t magnitude = 0;
  bool operator==(const Integer&) const = default;
};

Integer ToInteger(const json& number) {
  if (number.is_number_unsigned()) return {false, number.get<uint64_t>()};
  int64_t i = number.get<int64_t>();
  if (i >= 0) return {false, static_cast<uint64_t>(i)};
  return {true, static_cast<uint64_t>(-(i + 1)) + 1};
}

// The integer a float holds exactly, if it holds one that fits 64 bits.
std::optional<Integer> FloatToInteger(double f) {
  if (!std::isfinite(f) || f != std::trunc(f) || std::fabs(f) >= 18446744073709551616.0)
    return std::nullopt;
  if (f == 0) return Integer{};  // -0.0 too
  return Integer{f < 0, static_cast<uint64_t>(std::fabs(f))};
}

enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject, kOther };

Kind KindOf(const json& v) {
  if (v.is_null()) return Kind::kNull;
  if (v.is_boolean()) return Kind::kBool;
  if (v.is_number()) return Kind::kNumber;
  if (v.is_string()) return Kind::kString;
  if (v.is_array()) return Kind::kArray;
  if (v.is_object()) return Kind::kObject;
  return Kind::kOther;
}

std::string ExpectedReceived(const json& expected, const json& received) {
  return "expected " + AbbreviatedJson(expected) + ", received " + AbbreviatedJson(received);
}

// Long strings that differ late would look equal once shortened; show the place instead.
std::string StringDifference(const std::string& e, const std::string& r) {
  if (e.size() <= kMaxStringChars && r.size() <= kMaxStringChars)
    return ExpectedReceived(json(e), json(r));
  size_t i = 0;
  while (i < e.size() && i < r.size() && e[i] == r[i]) ++i;
  size_t start = i > kContextBefore ? i - kContextBefore : 0;
  return "strings differ at character " + std::to_string(i + 1) + ": expected " +
         QuotedWindow(e, start, kContextChars) + ", received " +
         QuotedWindow(r, start, kContextChars);
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string KeyPath(const std::string& key) {
  bool plain = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0]));
  for (char c : key) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  return plain ? "." + key : "[" + Dump(json(key)) + "]";
}

std::optional<JsonDifference> Walk(const json& e, const json& r, const std::string& path,
                                   const NumberComparison& compare_numbers) {
  Kind kind = KindOf(e);
  if (kind != KindOf(r))
    return JsonDifference{
        path, std::string("expected ") + JsonTypeName(e) + ", received " + DescribeValue(r)};
  switch (kind) {
    case Kind::kNumber: {
      std::optional<std::string> mismatch;
      if (compare_numbers) {
        mismatch = compare_numbers(e, r);
      } else if (!NumbersEqual(e, r)) {
        mismatch = ExpectedReceived(e, r);
      }
      if (mismatch) return JsonDifference{path, *mismatch};
      return std::nullopt;
    }
    case Kind::kString:
      if (e == r) return std::nullopt;
      return JsonDifference{
          path, StringDifference(e.get_ref<const std::string&>(), r.get_ref<const std::string&>())};
    case Kind::kArray:
      if (e.size() != r.size())
        return JsonDifference{path, "length differs: expected " + Plural(e.size(), "element") +
                                        ", received " + std::to_string(r.size())};
      for (size_t i = 0; i < e.size(); ++i) {
        auto d = Walk(e[i], r[i], path + "[" + std::to_string(i) + "]", compare_numbers);
        if (d) return d;
      }
      return std::nullopt;
    case Kind::kObject:
      for (const auto& [key, value] : e.items())
        if (!r.contains(key)) return JsonDifference{path, "missing key " + Dump(json(key))};
      for (const auto& [key, value] : r.items())
        if (!e.contains(key)) return JsonDifference{path, "unexpected key " + Dump(json(key))};
      for (const auto& [key, value] : e.items()) {
        auto d = Walk(value, r.at(key), path + KeyPath(key), compare_numbers);
        if (d) return d;
      }
      return std::nullopt;
    default:
      if (e == r) return std::nullopt;
      return JsonDifference{path, ExpectedReceived(e, r)};
  }
}

}  // namespace

std::string JsonDifference::Reason() const {
  return path.empty() ? description : "at " + path + ": " + description;
}

bool NumbersEqual(const json& a, const json& b) {
  if (a.is_number_float() && b.is_number_float()) return a.get<double>() == b.get<double>();
  if (a.is_number_float()) return FloatToInteger(a.get<double>()) == ToInteger(b);
  if (b.is_number_float()) return FloatToInteger(b.get<double>()) == ToInteger(a);
  return ToInteger(a) == ToInteger(b);
}

std::optional<JsonDifference> FirstDifference(const json& expected, const json& received,
                                              const NumberComparison& compare_numbers) {
  return Walk(expected, received, "", compare_numbers);
}

json NormalizeNumbers(const json& value) {
  if (value.is_number_float()) {
    std::optional<Integer> i = FloatToInteger(value.get<double>());
    if (!i) return value;
    if (!i->negative) return json(i->magnitude);
    if (i->magnitude <= (uint64_t{1} << 63)) return json(static_cast<int64_t>(0 - i->magnitude));
    return value;  // below INT64_MIN: no integer type holds it
  }
  if (value.is_array()) {
    json out = json::array();
    for (const json& element : value) out.push_back(NormalizeNumbers(element));
    return out;
  }
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, element] : value.items()) out[key] = NormalizeNumbers(element);
    return out;
  }
  return value;
}

std::string AbbreviatedJson(const json& value) {
  std::string out;
  WriteShort(value, 0, &out);
  if (out.size() > kMaxShortChars)
    out = out.substr(0, CharBoundary(out, kMaxShortChars - 3)) + "...";
  return out;
}

const char* JsonTypeName(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "bool";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "int";
    case json::value_t::number_float:
      return "double";
    case json::value_t::string:
      return "string";
    case json::value_t::array:
      return "list";
    case json::value_t::object:
      return "object";
    default:
      return "binary";
  }
}

std::string DescribeValue(const json& value) {
  if (value.is_null()) return "null";
  return std::string(JsonTypeName(value)) + " " + AbbreviatedJson(value);
}

}  // namespace judge
