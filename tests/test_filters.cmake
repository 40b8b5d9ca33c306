# How ctest runs judge_tests' cases, in build/ and in build-asan/ (CMakeLists.txt), as gtest filters
# (names joined by ':').
#
# JUDGE_SERIAL_TESTS: the tests whose verdicts rest on measured times (CPU seconds of a busy loop,
# a fitted growth exponent, a harness's speed). ctest runs each alone (RUN_SERIAL): with -j 2 a
# neighbour (a fuzz target, the sanitized tree's end-to-end tests) took CPU from them and
# CpuLimitEndsABusyLoop counted 0.89 s of its 1 s, the quadratic's growth fitted 1.41 > 1.4.
set(JUDGE_SERIAL_TESTS
    "LocalSandboxTest.CpuLimitEndsABusyLoop:LocalSandboxTest.CpuTimeOfARunKilledAtTheWallLimitIsCounted:HarnessRuntime.ReadsAMillionIntegersFast:StoreCliTest.ATimedAcceptedRunIsRankedAndListed:StoreCliTest.TheGrowthOfAQuadraticSubmissionIsToldFromALinearOne")

# JUDGE_SANITIZED_LEFT_OUT: tests build-asan/ does not run because they are about the judge's own
# speed, which the sanitizers change; each named with its reason above it. None today: the timing
# tests time the submissions, which the sanitizers do not instrument, and all 445 pass there
# (2026-12-01).
set(JUDGE_SANITIZED_LEFT_OUT "")
