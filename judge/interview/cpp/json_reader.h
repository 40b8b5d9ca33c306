// Reading JSON values by their C++ type. The case line is read in place, without building a
// document; errors name the column and are the judge's (InputError), never the solution's.
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake).

namespace judge_harness {

struct Cursor {
  const char* begin;  // start of the line, for columns in errors
  const char* p;
  const char* end;
};

// A case line the harness cannot read: the judge's error, never the solution's.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] inline void Fail(const Cursor& c, std::string_view expected) {
  std::string message = "column " + std::to_string(c.p - c.begin + 1) + ": expected ";
  message += expected;
  if (c.p >= c.end) {
    message += ", found the end of the line";
  } else {
    message += ", found '";
    message += *c.p;
    message += "'";
  }
  throw InputError(message);
}

inline void SkipSpace(Cursor& c) {
  while (c.p < c.end && (*c.p == ' ' || *c.p == '\t' || *c.p == '\r' || *c.p == '\n')) ++c.p;
}

inline void Expect(Cursor& c, char ch) {
  SkipSpace(c);
  if (c.p >= c.end || *c.p != ch) Fail(c, std::string("'") + ch + "'");
  ++c.p;
}

// After an element of an array: true if another follows (consumes ','), false at ']'.
inline bool NextElement(Cursor& c) {
  SkipSpace(c);
  if (c.p < c.end && *c.p == ',') {
    ++c.p;
    return true;
  }
  if (c.p < c.end && *c.p == ']') {
    ++c.p;
    return false;
  }
  Fail(c, "',' or ']'");
}

// Consumes '[' and reports whether the array is empty (then ']' is consumed too).
inline bool OpenArray(Cursor& c) {
  Expect(c, '[');
  SkipSpace(c);
  if (c.p < c.end && *c.p == ']') {
    ++c.p;
    return false;
  }
  return true;
}

// Integers are parsed by hand (no locale, no errno): 10^6 of them in about 35 ms, growth of
// the vector included.
template <class Int>
Int ReadInteger(Cursor& c, const char* type_name) {
  SkipSpace(c);
  const char* start = c.p;
  bool negative = false;
  if (c.p < c.end && *c.p == '-') {
    negative = true;
    ++c.p;
  }
  if (c.p >= c.end || *c.p < '0' || *c.p > '9') {
    c.p = start;
    Fail(c, std::string("an integer (") + type_name + ")");
  }
  unsigned long long magnitude = 0;
  bool overflow = false;
  while (c.p < c.end && *c.p >= '0' && *c.p <= '9') {
    const unsigned digit = *c.p - '0';
    if (magnitude > (~0ULL - digit) / 10) overflow = true;
    magnitude = magnitude * 10 + digit;
    ++c.p;
  }
  if (c.p < c.end && (*c.p == '.' || *c.p == 'e' || *c.p == 'E')) {
    c.p = start;
    Fail(c, std::string("an integer (") + type_name + "), not a number with a fraction");
  }
  using Limits = std::numeric_limits<Int>;
  const unsigned long long limit = negative ? static_cast<unsigned long long>(Limits::max()) + 1
                                            : static_cast<unsigned long long>(Limits::max());
  if (overflow || magnitude > limit) {
    c.p = start;
    throw InputError("column " + std::to_string(start - c.begin + 1) +
                     ": the number does not fit in " + type_name);
  }
  // Two's complement negation in unsigned arithmetic also handles the minimum value.
  return static_cast<Int>(negative ? 0ULL - magnitude : magnitude);
}

template <class T>
struct Reader;  // one specialisation per type of the signature vocabulary

template <class T>
T Read(Cursor& c) {
  return Reader<T>::Read(c);
}

template <>
struct Reader<int> {
  static int Read(Cursor& c) { return ReadInteger<int>(c, "int"); }
};

template <>
struct Reader<long long> {
  static long long Read(Cursor& c) { return ReadInteger<long long>(c, "long"); }
};

template <>
struct Reader<double> {
  static double Read(Cursor& c) {
    SkipSpace(c);
    double value = 0;
    const auto [next, error] = std::from_chars(c.p, c.end, value);
    if (error != std::errc() || next == c.p) Fail(c, "a number (double)");
    c.p = next;
    return value;
  }
};

template <>
struct Reader<bool> {
  static bool Read(Cursor& c) {
    SkipSpace(c);
    const std::string_view rest(c.p, c.end - c.p);
    if (rest.starts_with("true")) {
      c.p += 4;
      return true;
    }
    if (rest.starts_with("false")) {
      c.p += 5;
      return false;
    }
    Fail(c, "true or false");
  }
};

inline void AppendUtf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

inline unsigned ReadHex4(Cursor& c) {
  unsigned code = 0;
  for (int i = 0; i < 4; ++i, ++c.p) {
    if (c.p >= c.end) Fail(c, "four hex digits after \\u");
    const char ch = *c.p;
    unsigned digit;
    if (ch >= '0' && ch <= '9')
      digit = ch - '0';
    else if (ch >= 'a' && ch <= 'f')
      digit = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'F')
      digit = ch - 'A' + 10;
    else
      Fail(c, "four hex digits after \\u");
    code = code * 16 + digit;
  }
  return code;
}

// After "\u": one code point, joining a surrogate pair. A lone surrogate becomes U+FFFD.
inline unsigned ReadEscapedCodePoint(Cursor& c) {
  const unsigned code = ReadHex4(c);
  if (code < 0xD800 || code > 0xDFFF) return code;
  if (code >= 0xDC00) return 0xFFFD;
  const std::string_view rest(c.p, c.end - c.p);
  if (!rest.starts_with("\\u")) return 0xFFFD;
  Cursor low = c;
  low.p += 2;
  const unsigned second = ReadHex4(low);
  if (second < 0xDC00 || second > 0xDFFF) return 0xFFFD;
  c = low;
  return 0x10000 + ((code - 0xD800) << 10) + (second - 0xDC00);
}

template <>
struct Reader<std::string> {
  static std::string Read(Cursor& c) {
    Expect(c, '"');
    std::string out;
    for (;;) {
      const char* run = c.p;
      while (c.p < c.end && *c.p != '"' && *c.p != '\\') ++c.p;
      out.append(run, c.p);
      if (c.p >= c.end) Fail(c, "the closing '\"' of a string");
      if (*c.p++ == '"') return out;
      if (c.p >= c.end) Fail(c, "an escape after '\\'");
      switch (*c.p++) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          AppendUtf8(out, ReadEscapedCodePoint(c));
          break;
        default:
          --c.p;
          Fail(c, "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
      }
    }
  }
};

template <class T>
struct Reader<std::vector<T>> {
  static std::vector<T> Read(Cursor& c) {
    std::vector<T> out;
    if (!OpenArray(c)) return out;
    do {
      out.push_back(judge_harness::Read<T>(c));
    } while (NextElement(c));
    return out;
  }
};

// Skips one JSON value of any kind without building it: counts a constructor's arguments.
inline void SkipValue(Cursor& c) {
  SkipSpace(c);
  if (c.p >= c.end) Fail(c, "a value");
  switch (*c.p) {
    case '[':
      if (OpenArray(c)) {
        do {
          SkipValue(c);
        } while (NextElement(c));
      }
      return;
    case '{':
      ++c.p;
      SkipSpace(c);
      if (c.p < c.end && *c.p == '}') {
        ++c.p;
        return;
      }
      for (;;) {
        Read<std::string>(c);
        Expect(c, ':');
        SkipValue(c);
        SkipSpace(c);
        if (c.p < c.end && *c.p == ',') {
          ++c.p;
          continue;
        }
        Expect(c, '}');
        return;
      }
    case '"':
      Read<std::string>(c);
      return;
    default: {
      const char* start = c.p;
      while (c.p < c.end && (std::isalnum(static_cast<unsigned char>(*c.p)) || *c.p == '-' ||
                             *c.p == '+' || *c.p == '.'))
        ++c.p;
      if (c.p == start) Fail(c, "a value");
    }
  }
}

inline size_t CountElements(Cursor c) {  // by value: only looks ahead
  size_t count = 0;
  if (OpenArray(c)) {
    do {
      ++count;
      SkipValue(c);
    } while (NextElement(c));
  }
  return count;
}

// Reads an argument list: a JSON array holding exactly one value per type, in order.
template <class... Args>
std::tuple<Args...> ReadArguments(Cursor& c) {
  constexpr size_t kCount = sizeof...(Args);
  const auto wrong_count = [&] {
    throw InputError("column " + std::to_string(c.p - c.begin + 1) + ": expected " +
                     std::to_string(kCount) + (kCount == 1 ? " argument" : " arguments"));
  };
  std::tuple<Args...> out;
  bool more = OpenArray(c);
  if constexpr (kCount > 0) {
    std::apply(
        [&](auto&... arg) {
          size_t index = 0;
          const auto read_one = [&](auto& value) {
            if (index++ > 0) more = NextElement(c);
            if (!more) wrong_count();
            value = Read<std::decay_t<decltype(value)>>(c);
          };
          (read_one(arg), ...);
        },
        out);
    if (more) more = NextElement(c);
  }
  if (more) wrong_count();
  return out;
}

}  // namespace judge_harness
