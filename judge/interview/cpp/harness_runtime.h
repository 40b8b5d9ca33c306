// The runtime of every generated C++ harness (see judge/interview/PROTOCOL.md): a typed JSON reader
// and writer, the per-call limits and measurements, and the loop that runs each case of a
// function or design problem in one process and writes one result line per case to fd 3.
//
// The judge embeds this file in its binary and writes it into judge_prelude.h after
// `#include <bits/stdc++.h>` and `using namespace std;`, then precompiles that header, so the
// generated harness only adds the solution and a short main. Everything here lives in
// namespace judge_harness: a solution may define any global name (`read`, `Node`, `Cursor`).
// Single-threaded, like the harness.
//
// Include guards rather than #pragma once: this text is the tail of the header that g++
// precompiles as a main file, where #pragma once draws a warning.
#ifndef JUDGE_HARNESS_RUNTIME_H_
#define JUDGE_HARNESS_RUNTIME_H_

#include <cxxabi.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <limits>
#include <memory>
#include <new>
#include <ranges>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

namespace judge_harness {

// ---------------------------------------------------------------------------------------------
// Reading JSON values by their C++ type. The case line is read in place; errors name the column.

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

// ---------------------------------------------------------------------------------------------
// Writing JSON values.

// Invalid UTF-8 bytes become U+FFFD, so the judge can always parse the line.
inline void WriteString(std::string& out, std::string_view s) {
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

// ---------------------------------------------------------------------------------------------
// Limits and measurements around one call.

struct ProcMemory {
  long long rss_kb = 0, hwm_kb = 0, size_kb = 0;
};

inline ProcMemory ReadProcMemory() {
  ProcMemory m;
  const int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return m;
  char buffer[8192];
  ssize_t total = 0, got;
  while (total < ssize_t(sizeof buffer) - 1 &&
         (got = read(fd, buffer + total, sizeof buffer - 1 - total)) > 0)
    total += got;
  close(fd);
  buffer[total > 0 ? total : 0] = '\0';
  const auto field = [&](const char* name) -> long long {
    const char* at = std::strstr(buffer, name);
    return at ? std::atoll(at + std::strlen(name)) : 0;
  };
  m.rss_kb = field("VmRSS:");
  m.hwm_kb = field("VmHWM:");
  m.size_kb = field("VmSize:");
  return m;
}

// Resets the peak resident size (VmHWM) to the current one; false where the kernel refuses.
inline bool ResetPeakMemory() {
  const int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = write(fd, "5", 1) == 1;
  close(fd);
  return ok;
}

// The calling thread's CPU time. Not CLOCK_PROCESS_CPUTIME_ID: while ITIMER_PROF is armed the
// kernel answers the process clock from a group counter updated at scheduler ticks, which
// misreads a short call by up to a tick (milliseconds). The harness is one thread; a solution's
// own threads still count against ITIMER_PROF, which bounds the whole process.
inline long long CpuTimeNs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

inline void SetTimer(int which, long long ms) {
  itimerval value{};
  value.it_value.tv_sec = ms / 1000;
  value.it_value.tv_usec = (ms % 1000) * 1000;
  setitimer(which, &value, nullptr);
}

struct Usage {
  long long time_ns = 0;
  long long memory_kb = 0;
};

// Arms the limits and starts measuring in Start(); Stop() undoes both. Between them only the
// solution runs: SIGPROF (CPU time) or SIGALRM (sleeping) kill the process with their default
// action, and an allocation past RLIMIT_AS fails inside the solution.
class Meter {
 public:
  Meter(long long time_limit_ms, long long memory_limit_kb)
      : time_limit_ms_(time_limit_ms), memory_limit_kb_(memory_limit_kb) {}

  void Start() {
    // Freed memory of earlier cases goes back to the kernel, so the solution's allocations show
    // up in the resident size instead of silently reusing it.
    malloc_trim(0);
    ResetPeakMemory();  // without it the peak may predate the call: the formula still holds
    const ProcMemory before = ReadProcMemory();
    rss_before_kb_ = before.rss_kb;
    limited_memory_ = false;
    if (memory_limit_kb_ > 0 && getrlimit(RLIMIT_AS, &saved_as_) == 0) {
      rlimit limit = saved_as_;
      rlim_t wanted = rlim_t(before.size_kb + memory_limit_kb_) * 1024;
      if (limit.rlim_max != RLIM_INFINITY && wanted > limit.rlim_max) wanted = limit.rlim_max;
      limit.rlim_cur = wanted;
      limited_memory_ = setrlimit(RLIMIT_AS, &limit) == 0;
    }
    if (time_limit_ms_ > 0) {
      SetTimer(ITIMER_PROF, time_limit_ms_ + 100);
      SetTimer(ITIMER_REAL, 2 * time_limit_ms_ + 1000);
    }
    start_ns_ = CpuTimeNs();
  }

  Usage Stop() {
    Usage usage;
    usage.time_ns = CpuTimeNs() - start_ns_;
    if (time_limit_ms_ > 0) {
      SetTimer(ITIMER_PROF, 0);
      SetTimer(ITIMER_REAL, 0);
    }
    if (limited_memory_) setrlimit(RLIMIT_AS, &saved_as_);
    usage.memory_kb = std::max(0LL, ReadProcMemory().hwm_kb - rss_before_kb_);
    return usage;
  }

 private:
  long long time_limit_ms_, memory_limit_kb_;
  long long start_ns_ = 0, rss_before_kb_ = 0;
  rlimit saved_as_{};
  bool limited_memory_ = false;
};

// ---------------------------------------------------------------------------------------------
// Result lines on fd 3.

inline void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::fprintf(stderr, "judge harness: cannot write results to fd %d: %s\n", fd,
                   std::strerror(errno));
      std::_Exit(2);
    }
    data.remove_prefix(n);
  }
}

// The solution's stdout so far, flushed: the judge slices each case's debug output by it.
inline long long StdoutOffset() {
  std::cout.flush();
  std::fflush(stdout);
  const off_t offset = lseek(1, 0, SEEK_CUR);
  return offset < 0 ? -1 : static_cast<long long>(offset);
}

struct Result {
  const char* status = "ok";  // ok, exception, memory, input_error
  Usage usage;
  std::string payload;  // the output's JSON (ok) or the message (others)
};

inline void WriteResult(const Result& r) {
  std::string line = "{\"status\":\"";
  line += r.status;
  line += "\",\"time_ns\":";
  Write(line, r.usage.time_ns);
  line += ",\"memory_kb\":";
  Write(line, r.usage.memory_kb);
  line += ",\"stdout_bytes\":";
  Write(line, StdoutOffset());
  if (std::strcmp(r.status, "ok") == 0) {
    line += ",\"output\":";
    line += r.payload;
  } else {
    line += ",\"message\":";
    WriteString(line, r.payload);
  }
  line += "}\n";
  WriteAll(3, line);
}

inline std::string Demangle(const char* name) {
  int status = 0;
  char* demangled = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  std::string out = status == 0 && demangled ? demangled : name;
  std::free(demangled);
  return out;
}

// Must be called inside a catch block: turns the exception in flight into a status.
inline void DescribeCurrentException(Result& r) {
  try {
    throw;
  } catch (const std::bad_array_new_length& e) {  // a negative size, not a lack of memory
    r.status = "exception";
    r.payload = "std::bad_array_new_length: " + std::string(e.what());
  } catch (const std::bad_alloc& e) {
    r.status = "memory";
    r.payload = Demangle(typeid(e).name()) + ": " + e.what();
  } catch (const std::exception& e) {
    r.status = "exception";
    r.payload = Demangle(typeid(e).name()) + ": " + e.what();
  } catch (const char* message) {
    r.status = "exception";
    r.payload = std::string("const char*: ") + (message ? message : "");
  } catch (...) {
    r.status = "exception";
    r.payload = "unknown exception";
  }
}

// ---------------------------------------------------------------------------------------------
// Cases: parse every argument first, then run the calls under one Meter window.

template <class Class>
class Operation {  // a constructor or a method, with the arguments of each call in a case
 public:
  Operation(std::string name, size_t arity) : name_(std::move(name)), arity_(arity) {}
  virtual ~Operation() = default;
  const std::string& name() const { return name_; }
  size_t arity() const { return arity_; }
  virtual void Clear() = 0;
  virtual size_t Parse(Cursor& c) = 0;  // returns the call's index
  virtual void Reserve() = 0;           // room for every result, so Call never reallocates
  virtual void Call(std::unique_ptr<Class>& object, size_t index) = 0;
  virtual void WriteOutput(std::string& out, size_t index) = 0;

 private:
  std::string name_;
  size_t arity_;
};

template <class Class, class... Args>
class ConstructorOperation : public Operation<Class> {
 public:
  explicit ConstructorOperation(std::string class_name)
      : Operation<Class>(std::move(class_name), sizeof...(Args)) {}
  void Clear() override { calls_.clear(); }
  size_t Parse(Cursor& c) override {
    calls_.push_back(ReadArguments<Args...>(c));
    return calls_.size() - 1;
  }
  void Reserve() override {}
  void Call(std::unique_ptr<Class>& object, size_t index) override {
    object.reset(std::apply([](Args&... args) { return new Class(args...); }, calls_[index]));
  }
  void WriteOutput(std::string& out, size_t) override { out += "null"; }

 private:
  std::vector<std::tuple<Args...>> calls_;
};

// Ret is the signature's type (void: the result is null whatever the method returns).
template <class Class, class Ret, class F, class... Args>
class MethodOperation : public Operation<Class> {
  using Actual = std::invoke_result_t<F&, Class&, Args&...>;
  static_assert(std::is_void_v<Ret> || !std::is_void_v<Actual>,
                "judge: the method returns void but the signature says it returns a value");
  using Stored = std::conditional_t<std::is_void_v<Ret> || std::is_void_v<Actual>, char, Actual>;

 public:
  MethodOperation(std::string method_name, F call)
      : Operation<Class>(std::move(method_name), sizeof...(Args)), call_(std::move(call)) {}
  void Clear() override {
    calls_.clear();
    results_.clear();
  }
  size_t Parse(Cursor& c) override {
    calls_.push_back(ReadArguments<Args...>(c));
    return calls_.size() - 1;
  }
  void Reserve() override { results_.reserve(calls_.size()); }
  void Call(std::unique_ptr<Class>& object, size_t index) override {
    std::apply(
        [&](Args&... args) {
          if constexpr (std::is_void_v<Ret>)
            call_(*object, args...);
          else
            results_.push_back(call_(*object, args...));
        },
        calls_[index]);
  }
  void WriteOutput(std::string& out, size_t index) override {
    if constexpr (std::is_void_v<Ret>)
      out += "null";
    else
      WriteAs<Ret>(out, results_[index]);  // the k-th call parsed is the k-th call made
  }

 private:
  F call_;
  std::vector<std::tuple<Args...>> calls_;
  std::vector<Stored> results_;
};

struct Options {
  const char* cases_file = nullptr;
  long long time_limit_ms = 0;
  long long memory_limit_kb = 0;
};

inline long long ParseLimit(const char* text, const char* what) {
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value < 0) {
    std::fprintf(stderr, "judge harness: %s must be a non-negative integer, got '%s'\n", what,
                 text);
    std::exit(2);
  }
  return value;
}

inline std::string ReadWholeFile(const char* path) {
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::fprintf(stderr, "judge harness: cannot open %s: %s\n", path, std::strerror(errno));
    std::exit(2);
  }
  std::string data;
  char buffer[1 << 16];
  ssize_t got;
  while ((got = read(fd, buffer, sizeof buffer)) != 0) {
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      std::fprintf(stderr, "judge harness: cannot read %s: %s\n", path, std::strerror(errno));
      std::exit(2);
    }
    data.append(buffer, got);
  }
  close(fd);
  return data;
}

// The process state every run needs, whatever the parent left behind.
inline void PrepareProcess() {
  // Timers kill through the default actions; a parent may have left them ignored or blocked.
  signal(SIGPROF, SIG_DFL);
  signal(SIGALRM, SIG_DFL);
  sigset_t timers;
  sigemptyset(&timers);
  sigaddset(&timers, SIGPROF);
  sigaddset(&timers, SIGALRM);
  sigprocmask(SIG_UNBLOCK, &timers, nullptr);
  // LeetCode solutions recurse deeply (a DFS over 10^5 nodes). The main thread's stack may grow
  // up to the soft limit read at fault time, so raising it now takes effect (to roughly the
  // 128 MiB the kernel leaves below the first mapping).
  rlimit stack;
  if (getrlimit(RLIMIT_STACK, &stack) == 0 && stack.rlim_cur != RLIM_INFINITY) {
    const rlim_t wanted = rlim_t(1) << 30;
    stack.rlim_cur =
        stack.rlim_max == RLIM_INFINITY || stack.rlim_max > wanted ? wanted : stack.rlim_max;
    setrlimit(RLIMIT_STACK, &stack);
  }
  if (fcntl(3, F_GETFD) < 0) {
    std::fprintf(stderr, "judge harness: results go to fd 3, which is not open\n");
    std::exit(2);
  }
}

inline Options ParseOptions(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr,
                 "usage: %s CASES_FILE TIME_LIMIT_MS MEMORY_LIMIT_KB 3>RESULTS\n"
                 "(see judge/interview/PROTOCOL.md)\n",
                 argc > 0 ? argv[0] : "harness");
    std::exit(2);
  }
  Options options;
  options.cases_file = argv[1];
  options.time_limit_ms = ParseLimit(argv[2], "TIME_LIMIT_MS");
  options.memory_limit_kb = ParseLimit(argv[3], "MEMORY_LIMIT_KB");
  return options;
}

// Calls each line of the cases file with one case, as a Cursor over the line.
template <class Each>
void ForEachLine(const std::string& data, Each each) {
  size_t start = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    const char* line = data.data() + start;
    Cursor c{line, line, data.data() + end};
    each(c);
    start = end + 1;
  }
}

inline void ExpectEndOfLine(Cursor& c) {
  SkipSpace(c);
  if (c.p != c.end) Fail(c, "the end of the case");
}

template <class Class>
class Problem {
 public:
  explicit Problem(std::string class_name) : class_name_(std::move(class_name)) {}

  template <class... Args>
  void Constructor() {
    constructors_.push_back(std::make_unique<ConstructorOperation<Class, Args...>>(class_name_));
  }

  template <class Ret, class... Args, class F>
  void Method(std::string name, F call) {
    methods_.push_back(std::make_unique<MethodOperation<Class, Ret, F, Args...>>(std::move(name),
                                                                                 std::move(call)));
  }

  // Function problems: each line is the argument list of the one method; the output is its
  // result.
  int RunFunction(int argc, char** argv) {
    return Run(argc, argv, /*design=*/false, [&](Cursor& c, std::vector<Step>& steps) {
      static constexpr char kNoArguments[] = "[]";
      Cursor none{kNoArguments, kNoArguments, kNoArguments + 2};
      steps.push_back({constructors_.at(0).get(), constructors_[0]->Parse(none)});
      steps.push_back({methods_.at(0).get(), methods_[0]->Parse(c)});
      ExpectEndOfLine(c);
    });
  }

  // Design problems: each line is [operations, arguments]; the first operation constructs. The
  // output lists every operation's result, null for the constructor and void methods.
  int RunDesign(int argc, char** argv) {
    return Run(argc, argv, /*design=*/true,
               [&](Cursor& c, std::vector<Step>& steps) { ParseDesign(c, steps); });
  }

 private:
  struct Step {
    Operation<Class>* operation;
    size_t index;
  };

  void ParseDesign(Cursor& c, std::vector<Step>& steps) {
    Expect(c, '[');
    const std::vector<std::string> names = Read<std::vector<std::string>>(c);
    Expect(c, ',');
    if (names.empty()) throw InputError("no operations: the first must be " + class_name_);
    if (!OpenArray(c)) Fail(c, "one argument list per operation");
    for (size_t i = 0; i < names.size(); ++i) {
      if (i > 0 && !NextElement(c))
        throw InputError(std::to_string(names.size()) + " operations but " + std::to_string(i) +
                         " argument lists");
      Operation<Class>* operation = Find(names[i], i, c);
      try {
        steps.push_back({operation, operation->Parse(c)});
      } catch (const InputError& e) {
        throw InputError("operation " + std::to_string(i) + " (\"" + names[i] + "\"): " + e.what());
      }
    }
    if (NextElement(c))
      throw InputError(std::to_string(names.size()) + " operations but more argument lists");
    Expect(c, ']');
    ExpectEndOfLine(c);
  }

  Operation<Class>* Find(const std::string& name, size_t position, const Cursor& c) {
    const std::string where = "operation " + std::to_string(position) + " (\"" + name + "\")";
    if (position == 0) {
      if (name != class_name_)
        throw InputError(where + ": the first operation must be " + class_name_);
      const size_t count = CountElements(c);
      for (auto& constructor : constructors_)
        if (constructor->arity() == count) return constructor.get();
      throw InputError(where + ": no constructor takes " + std::to_string(count) + " arguments");
    }
    for (auto& method : methods_)
      if (method->name() == name) return method.get();
    throw InputError(where + ": not a method of " + class_name_);
  }

  template <class ParseCase>
  int Run(int argc, char** argv, bool design, ParseCase parse_case) {
    const Options options = ParseOptions(argc, argv);
    PrepareProcess();
    const std::string data = ReadWholeFile(options.cases_file);
    Meter meter(options.time_limit_ms, options.memory_limit_kb);
    std::vector<Step> steps;
    ForEachLine(data, [&](Cursor& c) {
      steps.clear();
      for (auto& o : constructors_) o->Clear();
      for (auto& o : methods_) o->Clear();
      Result result;
      try {
        parse_case(c, steps);
        if (RunSteps(meter, steps, result)) WriteOutputs(steps, design, result.payload);
      } catch (const InputError& e) {
        result.status = "input_error";
        result.payload = e.what();
      }
      WriteResult(result);
    });
    return 0;
  }

  // Runs a parsed case under the meter; false if the solution threw (`result` says how).
  bool RunSteps(Meter& meter, const std::vector<Step>& steps, Result& result) {
    for (auto& o : methods_) o->Reserve();
    std::unique_ptr<Class> object;
    bool ok = true;
    meter.Start();
    try {
      for (const Step& step : steps) step.operation->Call(object, step.index);
      result.usage = meter.Stop();
    } catch (...) {
      result.usage = meter.Stop();
      ok = false;
      DescribeCurrentException(result);
    }
    object.reset();  // after Stop: the solution's destructor is not charged
    return ok;
  }

  void WriteOutputs(const std::vector<Step>& steps, bool design, std::string& out) {
    if (!design) {
      steps.back().operation->WriteOutput(out, steps.back().index);
      return;
    }
    out += '[';
    for (size_t i = 0; i < steps.size(); ++i) {
      if (i > 0) out += ',';
      steps[i].operation->WriteOutput(out, steps[i].index);
    }
    out += ']';
  }

  std::string class_name_;
  std::vector<std::unique_ptr<Operation<Class>>> constructors_;
  std::vector<std::unique_ptr<Operation<Class>>> methods_;
};

}  // namespace judge_harness

#endif  // JUDGE_HARNESS_RUNTIME_H_
