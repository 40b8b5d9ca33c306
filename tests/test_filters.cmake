# How ctest runs judge_tests' cases, in build/ and in build-asan/ (CMakeLists.txt), as gtest filters
# (names joined by ':').
#
# JUDGE_SERIAL_TESTS: the tests whose verdicts rest on measured times (CPU seconds of a busy loop,
# a fitted growth exponent, a harness's speed). ctest runs each alone (RUN_SERIAL): with -j 2 a
# neighbour (a fuzz target, the sanitized tree's end-to-end tests) took CPU from them and
# CpuLimitEndsABusyLoop counted 0.89 s of its 1 s, the quadratic's growth fitted 1.41 > 1.4.
# The queue's end-to-end test runs three workers at once on its own (tests/queue_e2e_test.cc).
set(JUDGE_SERIAL_TESTS
    "LocalSandboxTest.CpuLimitEndsABusyLoop:LocalSandboxTest.CpuTimeOfARunKilledAtTheWallLimitIsCounted:HarnessRuntime.ReadsAMillionIntegersFast:StoreCliTest.ATimedAcceptedRunIsRankedAndListed:StoreCliTest.TheGrowthOfAQuadraticSubmissionIsToldFromALinearOne:GrowthClasses/*:QueueTest.WorkersJudgeEveryJobOnceThroughAKilledWorkerAndAServerRestart")

# JUDGE_SANITIZED_LEFT_OUT: tests build-asan/ does not run, each group named with its reason
# above it. The timing tests do run there: they time the submissions, which the sanitizers do not
# instrument.
#
# The kept submissions of all but two problems: judging one more kept file walks the same code of
# the judge again with other data (and compiles it twice more, plain and sanitized, in the tree's
# own cache), which is what the main tree is for; maximum-gap (interview, C++ and Python) and
# knapsack-01-stdio (competitive, C, C++ and Python) cover every verdict and both styles here, and
# keep CI within its time.
#
# The growth table (tests/growth_classes.md): the kept submissions' own times, which the sanitized
# judge does not change, and four minutes of CI that the main tree already spends.
#
# The package round trip's verify (tests/package_e2e_test.cc): it judges knapsack-01-stdio's 22
# kept files again under another slug, two minutes the main tree spends; its export and import
# run here in KnapsackRoundTripTest.ExportWritesThePackageAndImportReadsItBack.
set(JUDGE_SANITIZED_LEFT_OUT
    "KnapsackRoundTripTest.EverySubmissionEarnsItsVerdict:GrowthClasses/*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/combination_sum*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/heapq*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/kth_largest*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/sliding_window_maximum*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/knapsack_01_accepted*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/knapsack_01_compile*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/knapsack_01_knapsack*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/knapsack_01_memory*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/knapsack_01_output*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/knapsack_01_runtime*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/knapsack_01_time*:Solutions/VerdictFolderTest.EarnsItsFoldersVerdict/knapsack_01_wrong*")
