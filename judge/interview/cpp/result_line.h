// The result line of each case on fd 3 (status, time, memory, stdout offset, output or
// message), and how an exception in flight becomes a status.
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake). What follows JUDGE_HARNESS_DEFINITIONS
// is compiled once with the runtime, not with every solution (harness_runtime.h).

namespace judge_harness {

// The result line of one case.
struct Result {
  const char* status = "ok";  // ok, exception, memory, input_error
  Usage usage;
  std::string payload;  // the output's JSON (ok) or the message (others)
};

void WriteResult(const Result& r);
// Must be called inside a catch block: turns the exception in flight into a status.
void DescribeCurrentException(Result& r);

#ifdef JUDGE_HARNESS_DEFINITIONS

void WriteAll(int fd, std::string_view data) {
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
long long StdoutOffset() {
  std::cout.flush();
  std::fflush(stdout);
  const off_t offset = lseek(1, 0, SEEK_CUR);
  return offset < 0 ? -1 : static_cast<long long>(offset);
}

void WriteResult(const Result& r) {
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

std::string Demangle(const char* name) {
  int status = 0;
  char* demangled = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  std::string out = status == 0 && demangled ? demangled : name;
  std::free(demangled);
  return out;
}

void DescribeCurrentException(Result& r) {
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

#endif  // JUDGE_HARNESS_DEFINITIONS

}  // namespace judge_harness
