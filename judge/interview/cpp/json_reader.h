// Reading JSON values by their C++ type. The case line is read in place, without building a
// document; errors name the column and are the judge's (InputError), never the solution's.
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake). What follows JUDGE_HARNESS_DEFINITIONS
// is compiled once with the runtime, not with every solution (harness_runtime.h).

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

// Throws InputError: "column 7: expected ',' or ']', found 'x'".
[[noreturn]] void Fail(const Cursor& c, std::string_view expected);
void SkipSpace(Cursor& c);
void Expect(Cursor& c, char ch);
// After an element of an array: true if another follows (consumes ','), false at ']'.
bool NextElement(Cursor& c);
// Consumes '[' and reports whether the array is empty (then ']' is consumed too).
bool OpenArray(Cursor& c);

// One overload per scalar of the signature vocabulary, and arrays of them.
void ReadValue(Cursor& c, int& out);
void ReadValue(Cursor& c, long long& out);
void ReadValue(Cursor& c, double& out);
void ReadValue(Cursor& c, bool& out);
void ReadValue(Cursor& c, std::string& out);
template <class T>
void ReadValue(Cursor& c, std::vector<T>& out);

template <class T>
T Read(Cursor& c) {
  T value{};
  ReadValue(c, value);
  return value;
}

template <class T>
void ReadValue(Cursor& c, std::vector<T>& out) {
  out.clear();
  if (!OpenArray(c)) return;
  do {
    out.push_back(Read<T>(c));
  } while (NextElement(c));
}

// The signature's arrays (to two dimensions) come compiled with the runtime.
#define JUDGE_HARNESS_FOR_EACH_SCALAR(X) X(int) X(long long) X(double) X(bool) X(std::string)
#define JUDGE_HARNESS_DECLARE_ARRAY_READERS(T)              \
  extern template void ReadValue(Cursor&, std::vector<T>&); \
  extern template void ReadValue(Cursor&, std::vector<std::vector<T>>&);
JUDGE_HARNESS_FOR_EACH_SCALAR(JUDGE_HARNESS_DECLARE_ARRAY_READERS)

// Skips one JSON value of any kind without building it.
void SkipValue(Cursor& c);
// The number of elements of the array at c, which stays where it is: a constructor's arguments.
size_t CountElements(Cursor c);

// An argument list, "[1, [2, 3], \"x\"]", read one argument at a time: exactly `count` of them.
class ArgumentList {
 public:
  ArgumentList(Cursor& c, size_t count);  // reads the '['
  template <class T>
  void Read(T& value) {
    Next();
    ReadValue(c_, value);
  }
  void End();  // reads the ']'

 private:
  void Next();
  [[noreturn]] void WrongCount() const;

  Cursor& c_;
  size_t count_, read_ = 0;
  bool more_;
};

// Reads an argument list: a JSON array holding exactly one value per type, in order.
template <class... Args>
std::tuple<Args...> ReadArguments(Cursor& c) {
  ArgumentList list(c, sizeof...(Args));
  std::tuple<Args...> out;
  std::apply([&](Args&... value) { (list.Read(value), ...); }, out);
  list.End();
  return out;
}

#ifdef JUDGE_HARNESS_DEFINITIONS

void Fail(const Cursor& c, std::string_view expected) {
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

void SkipSpace(Cursor& c) {
  while (c.p < c.end && (*c.p == ' ' || *c.p == '\t' || *c.p == '\r' || *c.p == '\n')) ++c.p;
}

void Expect(Cursor& c, char ch) {
  SkipSpace(c);
  if (c.p >= c.end || *c.p != ch) Fail(c, std::string("'") + ch + "'");
  ++c.p;
}

bool NextElement(Cursor& c) {
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

bool OpenArray(Cursor& c) {
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

void ReadValue(Cursor& c, int& out) { out = ReadInteger<int>(c, "int"); }

void ReadValue(Cursor& c, long long& out) { out = ReadInteger<long long>(c, "long"); }

void ReadValue(Cursor& c, double& out) {
  SkipSpace(c);
  const auto [next, error] = std::from_chars(c.p, c.end, out);
  if (error != std::errc() || next == c.p) Fail(c, "a number (double)");
  c.p = next;
}

void ReadValue(Cursor& c, bool& out) {
  SkipSpace(c);
  const std::string_view rest(c.p, c.end - c.p);
  if (rest.starts_with("true")) {
    c.p += 4;
    out = true;
  } else if (rest.starts_with("false")) {
    c.p += 5;
    out = false;
  } else {
    Fail(c, "true or false");
  }
}

void AppendUtf8(std::string& out, unsigned code) {
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

unsigned ReadHex4(Cursor& c) {
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
unsigned ReadEscapedCodePoint(Cursor& c) {
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

void ReadValue(Cursor& c, std::string& out) {
  Expect(c, '"');
  out.clear();
  for (;;) {
    const char* run = c.p;
    while (c.p < c.end && *c.p != '"' && *c.p != '\\') ++c.p;
    out.append(run, c.p);
    if (c.p >= c.end) Fail(c, "the closing '\"' of a string");
    if (*c.p++ == '"') return;
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

#define JUDGE_HARNESS_DEFINE_ARRAY_READERS(T)        \
  template void ReadValue(Cursor&, std::vector<T>&); \
  template void ReadValue(Cursor&, std::vector<std::vector<T>>&);
JUDGE_HARNESS_FOR_EACH_SCALAR(JUDGE_HARNESS_DEFINE_ARRAY_READERS)

void SkipValue(Cursor& c) {
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

size_t CountElements(Cursor c) {  // by value: only looks ahead
  size_t count = 0;
  if (OpenArray(c)) {
    do {
      ++count;
      SkipValue(c);
    } while (NextElement(c));
  }
  return count;
}

ArgumentList::ArgumentList(Cursor& c, size_t count) : c_(c), count_(count) {
  more_ = OpenArray(c_);
}

void ArgumentList::Next() {
  if (read_++ > 0) more_ = NextElement(c_);
  if (!more_) WrongCount();
}

void ArgumentList::End() {
  if (read_ > 0 && more_) more_ = NextElement(c_);
  if (more_) WrongCount();
}

void ArgumentList::WrongCount() const {
  throw InputError("column " + std::to_string(c_.p - c_.begin + 1) + ": expected " +
                   std::to_string(count_) + (count_ == 1 ? " argument" : " arguments"));
}

#endif  // JUDGE_HARNESS_DEFINITIONS

}  // namespace judge_harness
