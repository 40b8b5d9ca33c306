// Writing values as JSON: the solution's results, and strings with invalid UTF-8 made valid so
// that the judge can always parse the line.
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake). What follows JUDGE_HARNESS_DEFINITIONS
// is compiled once with the runtime, not with every solution (harness_runtime.h).

namespace judge_harness {

// Invalid UTF-8 bytes become U+FFFD, so the judge can always parse the line.
void WriteString(std::string& out, std::string_view s);

template <class>
inline constexpr bool kAlwaysFalse = false;

template <class T>
void Write(std::string& out, const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    out += value ? "true" : "false";
  } else if constexpr (std::is_integral_v<T>) {
    char buffer[24];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
  } else if constexpr (std::is_floating_point_v<T>) {
    // JSON has no NaN or infinities; they are written as strings, which no checker accepts.
    if (std::isnan(value)) {
      out += "\"NaN\"";
    } else if (std::isinf(value)) {
      out += value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    } else {
      char buffer[40];  // shortest text that reads back to the same double
      out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, double(value)).ptr);
    }
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    WriteString(out, std::string_view(value));
  } else if constexpr (std::ranges::range<const T>) {
    out += '[';
    bool first = true;
    for (auto&& element : value) {
      if (!first) out += ',';
      first = false;
      Write(out, element);
    }
    out += ']';
  } else {
    static_assert(kAlwaysFalse<T>,
                  "judge: this return type cannot be written as JSON; return one of the "
                  "signature's types (int, long long, double, bool, string, vector of them)");
  }
}

// The signature's types (arrays to two dimensions) come compiled with the runtime.
#define JUDGE_HARNESS_DECLARE_WRITERS(T)                           \
  extern template void Write(std::string&, const T&);              \
  extern template void Write(std::string&, const std::vector<T>&); \
  extern template void Write(std::string&, const std::vector<std::vector<T>>&);
JUDGE_HARNESS_FOR_EACH_SCALAR(JUDGE_HARNESS_DECLARE_WRITERS)

// Writes a method's result as the signature's type, converting as LeetCode's driver does when
// it assigns the result to a variable of that type (int -> bool, double -> int); a result of
// another shape (vector<int> for long[]) is written as it is.
template <class Declared, class Actual>
void WriteAs(std::string& out, const Actual& value) {
  if constexpr (std::is_same_v<Declared, Actual> || !std::is_convertible_v<const Actual&, Declared>)
    Write(out, value);
  else
    Write(out, static_cast<Declared>(value));
}

#ifdef JUDGE_HARNESS_DEFINITIONS

void WriteString(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size();) {
    const unsigned char ch = s[i];
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += static_cast<char>(ch);
      ++i;
    } else if (ch < 0x20) {
      switch (ch) {
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        default:
          out += "\\u00";
          out += kHex[ch >> 4];
          out += kHex[ch & 15];
      }
      ++i;
    } else if (ch < 0x80) {
      out += static_cast<char>(ch);
      ++i;
    } else {
      // Length of a well-formed sequence starting here, or 0.
      size_t len = ch >= 0xC2 && ch <= 0xDF   ? 2
                   : ch >= 0xE0 && ch <= 0xEF ? 3
                   : ch >= 0xF0 && ch <= 0xF4 ? 4
                                              : 0;
      if (len > s.size() - i) len = 0;
      for (size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) len = 0;
      if (len >= 3) {  // reject overlong forms, surrogates and code points past U+10FFFF
        const unsigned char second = s[i + 1];
        if ((ch == 0xE0 && second < 0xA0) || (ch == 0xED && second > 0x9F) ||
            (ch == 0xF0 && second < 0x90) || (ch == 0xF4 && second > 0x8F))
          len = 0;
      }
      if (len == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(s.data() + i, len);
        i += len;
      }
    }
  }
  out += '"';
}

#define JUDGE_HARNESS_DEFINE_WRITERS(T)                     \
  template void Write(std::string&, const T&);              \
  template void Write(std::string&, const std::vector<T>&); \
  template void Write(std::string&, const std::vector<std::vector<T>>&);
JUDGE_HARNESS_FOR_EACH_SCALAR(JUDGE_HARNESS_DEFINE_WRITERS)

#endif  // JUDGE_HARNESS_DEFINITIONS

}  // namespace judge_harness
