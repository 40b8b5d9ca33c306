// The sanitizers' default options for build-asan/'s binaries, judge and judge_tests (CMakeLists.txt
// links this file into them only when JUDGE_SANITIZE is set), so that a run by hand behaves as
// under ctest. ASAN_OPTIONS and UBSAN_OPTIONS in the environment still override them.

// A stack trace with every report: an error in the judge is fatal there (-fno-sanitize-recover).
extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1"; }

// quarantine_size_mb=16 (ASan's default is 256): the memory a competitive run reports is the
// program's peak resident size from wait4, and Linux counts in it the pages the program held
// before its exec, which it inherited from the judge through the sandbox's two forks. With
// 256 MB of freed blocks held back, the judge's own resident size alone exceeded the 256 MB limit
// of knapsack-01-stdio and every run there was MLE. (Without the sanitizers the judge's inherited
// pages are a few MB, below any program's own; judge/SANDBOX.md.)
extern "C" const char* __asan_default_options() {
  return "strict_string_checks=1:quarantine_size_mb=16";
}
