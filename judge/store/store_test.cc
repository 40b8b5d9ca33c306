// The store keeps every run whatever happens around it: concurrent writers, a writer killed
// mid-write, files that are not stores, old schemas.
#include "judge/store/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "judge/files/files.h"
#include "judge/store/store_schema.h"

namespace judge {
namespace {

RunRecord MakeRun(const std::string& user, const std::string& verdict, std::optional<double> ratio,
                  int tests = 3) {
  RunRecord run;
  run.user = user;
  run.problem = "maximum-gap";
  run.language = "cpp";
  run.source_name = "s.cpp";
  run.source_sha256 = "abc";
  run.verdict = verdict;
  run.tests_total = tests;
  run.tests_passed = tests;
  run.cpu_model = "test cpu";
  run.cores = 2;
  for (int i = 0; i < tests; ++i)
    run.tests.push_back({"t" + std::to_string(i), "AC", 1.5 * i, 100 * i});
  if (ratio) {
    TimingFigures timing;
    timing.repetitions = 5;
    timing.median_ms = 10 * *ratio;
    timing.reference_median_ms = 10;
    timing.ratio = *ratio;
    timing.ratio_spread = 1.02;
    timing.counters_note = "none";
    run.timing = timing;
  }
  return run;
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs one SQL statement with the plain C API, outside the Store, and returns its first column.
std::string RawQuery(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  std::string result;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
    result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

class StoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> Open() {
    std::string err;
    auto store = Store::Open(path_, &err);
    EXPECT_TRUE(store) << err;
    return store;
  }
  // Forks `writers` processes that each open the store themselves (creating it if it is not
  // there) and record `runs_each` runs, and expects every one of them to succeed.
  void RecordFromChildren(int writers, int runs_each) {
    std::vector<pid_t> children;
    for (int w = 0; w < writers; ++w) {
      const pid_t pid = fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) {
        std::string err;
        auto store = Store::Open(path_, &err);
        int ok = store ? 0 : 1;
        for (int i = 0; store && i < runs_each; ++i) {
          RunRecord run = MakeRun("writer" + std::to_string(w), "AC", 1.0 + i);
          ok |= store->Record(&run, &err) ? 0 : 1;
        }
        if (ok)
          std::fprintf(stderr, "writer %d (%s): %s\n", w, store ? "record" : "open", err.c_str());
        _exit(ok);
      }
      children.push_back(pid);
    }
    for (pid_t pid : children) {
      int status = 0;
      ASSERT_EQ(waitpid(pid, &status, 0), pid);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
  }

  TempDir temp_;
  std::filesystem::path path_ = temp_.path() / "data" / "judge.db";
};

TEST_F(StoreTest, RecordsARunWithItsTestsTimingAndGrowth) {
  auto store = Open();
  RunRecord run = MakeRun("ada", "AC", 0.9);
  GrowthFigures growth;
  growth.exponent = 1.02;
  growth.model = "n";
  growth.confidence = 0.7;
  growth.reference_model = "n";
  growth.points = {{1000, 0.5}, {2000, 1.0}};
  growth.reference_points = {{1000, 0.4}};
  run.growth = growth;
  std::string err;
  ASSERT_TRUE(store->Record(&run, &err)) << err;
  EXPECT_EQ(run.id, 1);
  EXPECT_FALSE(run.created_at.empty());

  RunRecord back;
  ASSERT_TRUE(store->Load(run.id, &back, &err)) << err;
  EXPECT_EQ(back.user, "ada");
  EXPECT_EQ(back.verdict, "AC");
  ASSERT_EQ(back.tests.size(), 3u);
  EXPECT_EQ(back.tests[2].name, "t2");
  EXPECT_DOUBLE_EQ(back.tests[2].time_ms, 3.0);
  ASSERT_TRUE(back.timing);
  EXPECT_DOUBLE_EQ(back.timing->ratio, 0.9);
  EXPECT_FALSE(back.timing->instructions);
  ASSERT_TRUE(back.growth);
  EXPECT_EQ(back.growth->model, "n");
  EXPECT_EQ(back.growth->points.size(), 2u);
  EXPECT_EQ(back.growth->reference_points.size(), 1u);
  EXPECT_EQ(RawQuery(path_, "PRAGMA journal_mode"), "wal");
}

TEST_F(StoreTest, LeaderboardKeepsEachUsersBestAcceptedTimedRun) {
  auto store = Open();
  std::string err;
  for (auto run : {MakeRun("ada", "AC", 1.2), MakeRun("ada", "AC", 0.8), MakeRun("bob", "AC", 1.0),
                   MakeRun("bob", "WA", std::nullopt), MakeRun("cy", "AC", std::nullopt),
                   MakeRun("dee", "TLE", 0.1)})
    ASSERT_TRUE(store->Record(&run, &err)) << err;
  std::vector<RunRecord> board;
  ASSERT_TRUE(store->Leaderboard("maximum-gap", &board, &err)) << err;
  ASSERT_EQ(board.size(), 2u);  // cy was never timed; dee was not accepted
  EXPECT_EQ(board[0].user, "ada");
  EXPECT_DOUBLE_EQ(board[0].timing->ratio, 0.8);
  EXPECT_EQ(board[1].user, "bob");
  std::vector<double> ratios;
  ASSERT_TRUE(store->AcceptedRatios("maximum-gap", &ratios, &err)) << err;
  EXPECT_EQ(ratios.size(), 3u);
  EXPECT_NEAR(FasterThanPercent(0.8, ratios), 200.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(FasterThanPercent(1.2, ratios), 0);

  std::vector<RunRecord> history;
  ASSERT_TRUE(store->History("bob", "", 0, &history, &err)) << err;
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].verdict, "WA");  // newest first
  ASSERT_TRUE(store->History("ada", "", 1, &history, &err)) << err;
  EXPECT_EQ(history.size(), 1u);
}

TEST_F(StoreTest, AttemptsCountEveryRunTimedOrNotPerProblem) {
  auto store = Open();
  std::string err;
  RunRecord other_problem = MakeRun("bob", "RE", std::nullopt);
  other_problem.problem = "heapq";
  // bob: WA, TLE, AC untimed, WA on maximum-gap (the WA newest); RE on heapq. ada: one AC.
  for (auto run : {MakeRun("bob", "WA", std::nullopt), MakeRun("bob", "TLE", std::nullopt),
                   MakeRun("bob", "AC", std::nullopt), MakeRun("ada", "AC", 1.0), other_problem,
                   MakeRun("bob", "WA", std::nullopt)})
    ASSERT_TRUE(store->Record(&run, &err)) << err;
  std::vector<ProblemAttempts> attempts;
  ASSERT_TRUE(store->Attempts("bob", &attempts, &err)) << err;
  ASSERT_EQ(attempts.size(), 2u);
  EXPECT_EQ(attempts[0].problem, "heapq");
  EXPECT_EQ(attempts[0].runs, 1);
  EXPECT_STREQ(attempts[0].status(), "attempted");
  EXPECT_EQ(attempts[0].last_verdict, "RE");
  EXPECT_EQ(attempts[1].problem, "maximum-gap");
  EXPECT_EQ(attempts[1].runs, 4);
  EXPECT_EQ(attempts[1].accepted, 1);
  EXPECT_STREQ(attempts[1].status(), "solved");
  EXPECT_EQ(attempts[1].last_verdict, "WA");
  EXPECT_EQ(attempts[1].verdicts, (std::map<std::string, int>{{"AC", 1}, {"TLE", 1}, {"WA", 2}}));
  EXPECT_FALSE(attempts[1].last_run_at.empty());
  ASSERT_TRUE(store->Attempts("nobody", &attempts, &err)) << err;
  EXPECT_TRUE(attempts.empty());
  EXPECT_STREQ(ProblemAttempts().status(), "not tried");
}

TEST_F(StoreTest, MigratesAnOldStoreAndKeepsItsRuns) {
  std::string err;
  {
    auto old = Store::Open(path_, &err, 1);
    ASSERT_TRUE(old) << err;
    EXPECT_EQ(old->schema_version(), 1);
  }
  // A run written by a judge of schema 1, which had no growth columns.
  const std::string insert =
      "INSERT INTO runs (created_at, user, problem, language, source_name, source_sha256, verdict, "
      "reason, "
      "failed_test, tests_passed, tests_total, max_time_ms, max_memory_kb, cpu_model, cores, "
      "repetitions, "
      "median_ms, min_ms, max_ms, reference_median_ms, ratio, ratio_spread) VALUES "
      "('2026-01-01T00:00:00Z', "
      "'old', 'maximum-gap', 'cpp', 'a.cpp', 'x', 'AC', '', '', 1, 1, 1, 1, 'cpu', 1, 3, 5, 4, 6, "
      "5, 1.0, 1.1) "
      "RETURNING id";
  ASSERT_EQ(RawQuery(path_, insert), "1");
  auto store = Open();
  EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
  std::vector<RunRecord> board;
  ASSERT_TRUE(store->Leaderboard("maximum-gap", &board, &err)) << err;
  ASSERT_EQ(board.size(), 1u);
  EXPECT_EQ(board[0].user, "old");
  EXPECT_FALSE(board[0].growth);
  RunRecord run = MakeRun("new", "AC", 0.5);
  EXPECT_TRUE(store->Record(&run, &err)) << err;
}

TEST_F(StoreTest, RefusesFilesThatAreNotJudgeStoresAndLeavesThemUntouched) {
  std::filesystem::create_directories(path_.parent_path());
  const auto text_file = temp_.path() / "notes.txt";
  std::ofstream(text_file) << "my precious notes, not a database\n";
  const auto foreign = temp_.path() / "other.db";
  ASSERT_EQ(RawQuery(foreign, "CREATE TABLE t (x); SELECT 1"), "");
  ASSERT_EQ(RawQuery(foreign, "INSERT INTO t VALUES (1) RETURNING x"), "1");
  const auto newer = temp_.path() / "newer.db";
  std::string ignored;
  ASSERT_TRUE(Store::Open(newer, &ignored)) << ignored;
  RawQuery(newer, "PRAGMA user_version = 99");

  for (const auto& [file, expected_error] :
       std::vector<std::pair<std::filesystem::path, std::string>>{
           {text_file, "not an SQLite database"},
           {foreign, "another application"},
           {newer, "newer judge"},
           {temp_.path(), "not a regular file"}}) {
    const std::string before = std::filesystem::is_regular_file(file) ? ReadAll(file) : "";
    std::string err;
    EXPECT_FALSE(Store::Open(file, &err)) << file;
    EXPECT_NE(err.find(expected_error), std::string::npos) << err;
    EXPECT_NE(err.find(file.string()), std::string::npos) << err;
    if (!before.empty()) {
      EXPECT_EQ(ReadAll(file), before) << file;
    }
  }
  EXPECT_FALSE(std::filesystem::exists(foreign.string() + "-wal"));
}

TEST_F(StoreTest, RefusesACorruptedStoreAndLeavesItUntouched) {
  {
    auto store = Open();
    std::string err;
    for (int i = 0; i < 200; ++i) {
      RunRecord run = MakeRun("u" + std::to_string(i), "AC", 1.0, 20);
      ASSERT_TRUE(store->Record(&run, &err)) << err;
    }
  }
  RawQuery(path_, "PRAGMA wal_checkpoint(TRUNCATE)");
  std::string bytes = ReadAll(path_);
  ASSERT_GT(bytes.size(), 8192u);
  for (size_t i = 4096 + 100; i < bytes.size(); i += 97)
    bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);  // past the header
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  std::string err;
  EXPECT_FALSE(Store::Open(path_, &err));
  EXPECT_NE(err.find("corrupted"), std::string::npos) << err;
  EXPECT_EQ(ReadAll(path_), bytes);
}

// Issue 15: a judge recording into a store it has just created kept the store's header in the WAL,
// and every other judge refused the file as "an SQLite database of another application".
TEST_F(StoreTest, ASecondJudgeOpensAStoreTheFirstJustCreatedAndIsWriting) {
  auto first = Open();
  ASSERT_TRUE(first);
  std::string err;
  RunRecord run = MakeRun("ada", "AC", 1.0);
  ASSERT_TRUE(first->Record(&run, &err)) << err;
  auto second = Store::Open(path_, &err);
  ASSERT_TRUE(second) << err;
  std::vector<RunRecord> history;
  ASSERT_TRUE(second->History("ada", "", 0, &history, &err)) << err;
  EXPECT_EQ(history.size(), 1u);
  RunRecord more = MakeRun("bob", "WA", std::nullopt);
  EXPECT_TRUE(second->Record(&more, &err)) << err;
}

// Judges started at the same moment on a store that does not exist yet: one creates it, every
// one of them opens it and records.
TEST_F(StoreTest, JudgesCreatingTheStoreAtTheSameMomentAllUseIt) {
  constexpr int kJudges = 6;
  RecordFromChildren(kJudges, 1);
  EXPECT_EQ(RawQuery(path_, "SELECT COUNT(*) FROM runs"), std::to_string(kJudges));
  EXPECT_EQ(RawQuery(path_, "PRAGMA integrity_check"), "ok");
  // Nothing of the creation is left beside the store.
  for (const auto& entry : std::filesystem::directory_iterator(path_.parent_path())) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "judge.db" || name == "judge.db-wal" || name == "judge.db-shm") << name;
  }
}

// Each child process opens the store itself and records its runs; none may be lost.
TEST_F(StoreTest, EightConcurrentWritersLoseNoRecord) {
  { Open(); }
  constexpr int kWriters = 8, kRunsEach = 25;
  RecordFromChildren(kWriters, kRunsEach);
  EXPECT_EQ(RawQuery(path_, "SELECT COUNT(*) FROM runs"), std::to_string(kWriters * kRunsEach));
  EXPECT_EQ(RawQuery(path_, "SELECT COUNT(*) FROM run_tests"),
            std::to_string(kWriters * kRunsEach * 3));
  EXPECT_EQ(RawQuery(path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(StoreTest, AWriterKilledMidWriteLeavesAConsistentStore) {
  { Open(); }
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string err;
    auto store = Store::Open(path_, &err);
    for (int i = 0; store; ++i) {
      RunRecord run =
          MakeRun("killed", "AC", 1.0, 200);  // big transactions: likely killed inside one
      store->Record(&run, &err);
    }
    _exit(1);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  auto store = Open();  // not refused
  ASSERT_TRUE(store);
  EXPECT_EQ(RawQuery(path_, "PRAGMA integrity_check"), "ok");
  const int runs = std::stoi(RawQuery(path_, "SELECT COUNT(*) FROM runs"));
  EXPECT_GT(runs, 0);
  // Every committed run is whole, and none is missing before the last one.
  EXPECT_EQ(RawQuery(path_, "SELECT COUNT(*) FROM run_tests"), std::to_string(runs * 200));
  EXPECT_EQ(RawQuery(path_, "SELECT MAX(id) FROM runs"), std::to_string(runs));
}

}  // namespace
}  // namespace judge
