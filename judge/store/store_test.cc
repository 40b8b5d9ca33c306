// The store keeps every run whatever happens around it: concurrent writers, a writer killed
// mid-write, files or databases that are not stores, old schemas. StoreTest runs on both engines
// (an SQLite file; a PostgreSQL server the test starts itself); SqliteStoreTest and PgStoreTest
// hold what only one engine has.
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
#include "judge/store/pg_connection.h"
#include "judge/store/store_schema.h"
#include "judge/store/temporary_pg_server.h"

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
std::string RawSqliteQuery(const std::filesystem::path& path, const std::string& sql) {
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

// The same with libpq; empty on an error.
std::string RawPgQuery(const std::string& url, const std::string& sql) {
  PgConnection db;
  std::string result, err;
  if (db.Connect(url, &err))
    db.Query(
        sql, {}, [&](const SqlRow& row) { result = row.IsNull(0) ? "" : row.Text(0); }, &err);
  return result;
}

class StoreFixture : public ::testing::Test {
 protected:
  // "sqlite": a file under a temporary folder; "postgresql": an empty database on a server of
  // this test's own.
  void UseEngine(const std::string& engine) {
    if (engine == "sqlite") {
      location_ = path_.string();
      return;
    }
    std::string err;
    ASSERT_TRUE(server_.Start(&err)) << err;
    ASSERT_TRUE(server_.CreateDatabase("store", &location_, &err)) << err;
  }
  bool postgres() const { return IsPostgresLocation(location_); }
  std::string RawQuery(const std::string& sql) {
    return postgres() ? RawPgQuery(location_, sql) : RawSqliteQuery(path_, sql);
  }
  std::unique_ptr<Store> Open() {
    std::string err;
    auto store = Store::Open(location_, &err);
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
        auto store = Store::Open(location_, &err);
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
  TemporaryPgServer server_;
  std::string location_;
};

class StoreTest : public StoreFixture, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override { UseEngine(GetParam()); }
};
INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

class SqliteStoreTest : public StoreFixture {
 protected:
  void SetUp() override { UseEngine("sqlite"); }
};

class PgStoreTest : public StoreFixture {
 protected:
  void SetUp() override { UseEngine("postgresql"); }
};

TEST_P(StoreTest, RecordsARunWithItsTestsTimingAndGrowth) {
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
  if (!postgres()) {
    EXPECT_EQ(RawQuery("PRAGMA journal_mode"), "wal");
  }
}

TEST_P(StoreTest, LeaderboardKeepsEachUsersBestAcceptedTimedRun) {
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

TEST_P(StoreTest, AttemptsCountEveryRunTimedOrNotPerProblem) {
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

TEST_P(StoreTest, MigratesAnOldStoreAndKeepsItsRuns) {
  std::string err;
  {
    auto old = Store::Open(location_, &err, 1);
    ASSERT_TRUE(old) << err;
    EXPECT_EQ(old->schema_version(), 1);
  }
  // A run written by a judge of schema 1, which had no growth columns.
  const std::string insert =
      "INSERT INTO runs (created_at, \"user\", problem, language, source_name, source_sha256, "
      "verdict, "
      "reason, "
      "failed_test, tests_passed, tests_total, max_time_ms, max_memory_kb, cpu_model, cores, "
      "repetitions, "
      "median_ms, min_ms, max_ms, reference_median_ms, ratio, ratio_spread) VALUES "
      "('2026-01-01T00:00:00Z', "
      "'old', 'maximum-gap', 'cpp', 'a.cpp', 'x', 'AC', '', '', 1, 1, 1, 1, 'cpu', 1, 3, 5, 4, 6, "
      "5, 1.0, 1.1) "
      "RETURNING id";
  ASSERT_EQ(RawQuery(insert), "1");
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

// A GPU run (`judge gpu run`): its device, rates, score and cases, on H100 and H200.
RunRecord MakeGpuRun(const std::string& user, const std::string& device, double score,
                     double ratio) {
  RunRecord run = MakeRun(user, "AC", ratio, 0);
  run.problem = "attention";
  run.language = "cuda";
  GpuRunFigures g;
  g.device_name = device;
  g.compute_capability = "9.0";
  g.driver_version = 13000;
  g.matmul_tflops = 700;
  g.copy_gbps = 3100;
  g.score_figure = "tflops";
  g.score = score;
  g.ceiling_fraction = score / 700;
  g.size_axis = "sequence length";
  g.reference_name = "3_flash_tiled.cu";
  g.reference_score = score * ratio;
  for (int s : {512, 1024})
    g.cases.push_back({"b8-s" + std::to_string(s), "benchmark", "AC", "", true, 1.5, 0.02, score,
                       score / 700, static_cast<double>(s)});
  g.cases.push_back({"b1-s7", "correctness", "AC", "", false, 0, 0, 0, 0, 7});
  run.gpu = g;
  return run;
}

TEST_P(StoreTest, RecordsAGpuRunWithItsDeviceFiguresAndCases) {
  auto store = Open();
  std::string err;
  RunRecord cpu = MakeRun("ada", "AC", 1.0);
  RunRecord h100 = MakeGpuRun("ada", "NVIDIA H100 80GB HBM3", 210, 0.8);
  RunRecord h200 = MakeGpuRun("bob", "NVIDIA H200", 260, 1.1);
  h200.gpu->runner_isolated = false;  // judged by a plain child: its figures are its own word
  h200.gpu->checked_apart = false;    // and by the runner itself: its results too
  for (RunRecord* run : {&cpu, &h100, &h200}) ASSERT_TRUE(store->Record(run, &err)) << err;

  RunRecord back;
  ASSERT_TRUE(store->Load(h100.id, &back, &err)) << err;
  ASSERT_TRUE(back.gpu);
  EXPECT_EQ(back.language, "cuda");
  EXPECT_EQ(back.gpu->device_name, "NVIDIA H100 80GB HBM3");
  EXPECT_EQ(back.gpu->compute_capability, "9.0");
  EXPECT_EQ(back.gpu->driver_version, 13000);
  EXPECT_DOUBLE_EQ(back.gpu->matmul_tflops, 700);
  EXPECT_DOUBLE_EQ(back.gpu->copy_gbps, 3100);
  EXPECT_EQ(back.gpu->score_figure, "tflops");
  EXPECT_DOUBLE_EQ(back.gpu->score, 210);
  EXPECT_DOUBLE_EQ(back.gpu->ceiling_fraction, 0.3);
  EXPECT_EQ(back.gpu->reference_name, "3_flash_tiled.cu");
  EXPECT_DOUBLE_EQ(back.gpu->reference_score, 168);
  EXPECT_TRUE(back.gpu->runner_isolated);
  EXPECT_TRUE(back.gpu->checked_apart);
  EXPECT_EQ(GpuDeviceLabel(*back.gpu), "NVIDIA H100 80GB HBM3");
  ASSERT_EQ(back.gpu->cases.size(), 3u);
  EXPECT_EQ(back.gpu->cases[1].name, "b8-s1024");
  EXPECT_TRUE(back.gpu->cases[1].timed);
  EXPECT_DOUBLE_EQ(back.gpu->cases[1].size, 1024);
  EXPECT_DOUBLE_EQ(back.gpu->cases[1].spread, 0.02);
  EXPECT_FALSE(back.gpu->cases[2].timed);
  ASSERT_TRUE(store->Load(h200.id, &back, &err)) << err;
  ASSERT_TRUE(back.gpu);
  EXPECT_FALSE(back.gpu->runner_isolated);
  EXPECT_FALSE(back.gpu->checked_apart);
  EXPECT_EQ(GpuDeviceLabel(*back.gpu), "NVIDIA H200 (not isolated, checked in the runner)");
  ASSERT_TRUE(store->Load(cpu.id, &back, &err)) << err;
  EXPECT_FALSE(back.gpu) << "a CPU run has no GPU figures";

  // The leaderboard ranks the two devices' entries by their ratio, not their TFLOP/s.
  std::vector<RunRecord> board;
  ASSERT_TRUE(store->Leaderboard("attention", &board, &err)) << err;
  ASSERT_EQ(board.size(), 2u);
  EXPECT_EQ(board[0].user, "ada");
  ASSERT_TRUE(board[0].gpu) << "lists carry the device and score";
  EXPECT_EQ(board[0].gpu->device_name, "NVIDIA H100 80GB HBM3");
  EXPECT_TRUE(board[0].gpu->cases.empty()) << "cases are Load's";
  EXPECT_EQ(board[1].user, "bob");
  std::vector<RunRecord> history;
  ASSERT_TRUE(store->History("ada", "", 0, &history, &err)) << err;
  ASSERT_EQ(history.size(), 2u);
  EXPECT_TRUE(history[0].gpu);
  EXPECT_FALSE(history[1].gpu);
}

TEST_P(StoreTest, MigratesAStoreOfSchema3AndRecordsGpuRunsIntoIt) {
  std::string err;
  {
    auto old = Store::Open(location_, &err, 3);
    ASSERT_TRUE(old) << err;
    EXPECT_EQ(old->schema_version(), 3);
  }
  // A CPU run written by a judge of schema 3, which knew no GPU tables.
  ASSERT_EQ(
      RawQuery("INSERT INTO runs (created_at, \"user\", problem, language, source_name, "
               "source_sha256, verdict, reason, failed_test, tests_passed, tests_total, "
               "max_time_ms, max_memory_kb, cpu_model, cores, repetitions, median_ms, min_ms, "
               "max_ms, reference_median_ms, ratio, ratio_spread) VALUES "
               "('2026-01-01T00:00:00Z', 'old', 'maximum-gap', 'cpp', 'a.cpp', 'x', 'AC', "
               "'', '', 1, 1, 1, 1, 'cpu', 1, 3, 5, 4, 6, 5, 1.0, 1.1) RETURNING id"),
      "1");
  auto store = Open();
  EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
  RunRecord old_run;
  ASSERT_TRUE(store->Load(1, &old_run, &err)) << err;
  EXPECT_EQ(old_run.user, "old");
  EXPECT_FALSE(old_run.gpu);
  RunRecord run = MakeGpuRun("new", "NVIDIA H100", 200, 1.0);
  ASSERT_TRUE(store->Record(&run, &err)) << err;
  EXPECT_EQ(RawQuery("SELECT COUNT(*) FROM gpu_cases"), "3");
  EXPECT_EQ(RawQuery("SELECT device_name FROM gpu_runs"), "NVIDIA H100");
}

// Schema 5 keeps whether a GPU run was checked apart; a run recorded before, at schema 4, was
// checked by its runner, and reads back so.
TEST_P(StoreTest, MigratesAStoreOfSchema4AndItsGpuRunsWereCheckedInTheRunner) {
  std::string err;
  {
    auto old = Store::Open(location_, &err, 4);
    ASSERT_TRUE(old) << err;
    EXPECT_EQ(old->schema_version(), 4);
  }
  // A GPU run written by a judge of schema 4, which had no checked_apart column.
  ASSERT_EQ(RawQuery("INSERT INTO runs (created_at, \"user\", problem, language, source_name, "
                     "source_sha256, verdict, reason, failed_test, tests_passed, tests_total, "
                     "max_time_ms, max_memory_kb, cpu_model, cores) VALUES "
                     "('2026-01-01T00:00:00Z', 'old', 'attention', 'cuda', 'a.cu', 'x', 'AC', "
                     "'', '', 0, 0, 0, 0, 'cpu', 1) RETURNING id"),
            "1");
  ASSERT_EQ(RawQuery("INSERT INTO gpu_runs (run_id, device_name, compute_capability, "
                     "driver_version, matmul_tflops, copy_gbps, score_figure, score, "
                     "ceiling_fraction, size_axis, reference_name, reference_score, "
                     "runner_isolated) VALUES (1, 'NVIDIA H100', '9.0', 13000, 700, 3100, "
                     "'tflops', 200, 0.3, 'sequence length', '', 0, 1) RETURNING run_id"),
            "1");
  auto store = Open();
  EXPECT_EQ(store->schema_version(), 5);
  RunRecord old_run;
  ASSERT_TRUE(store->Load(1, &old_run, &err)) << err;
  ASSERT_TRUE(old_run.gpu);
  EXPECT_TRUE(old_run.gpu->runner_isolated);
  EXPECT_FALSE(old_run.gpu->checked_apart);
  EXPECT_EQ(GpuDeviceLabel(*old_run.gpu), "NVIDIA H100 (checked in the runner)");
  RunRecord run = MakeGpuRun("new", "NVIDIA H200", 200, 1.0);
  ASSERT_TRUE(store->Record(&run, &err)) << err;
  RunRecord back;
  ASSERT_TRUE(store->Load(run.id, &back, &err)) << err;
  ASSERT_TRUE(back.gpu);
  EXPECT_TRUE(back.gpu->checked_apart);
  EXPECT_EQ(GpuDeviceLabel(*back.gpu), "NVIDIA H200");
}

TEST_F(SqliteStoreTest, RefusesFilesThatAreNotJudgeStoresAndLeavesThemUntouched) {
  std::filesystem::create_directories(path_.parent_path());
  const auto text_file = temp_.path() / "notes.txt";
  std::ofstream(text_file) << "my precious notes, not a database\n";
  const auto foreign = temp_.path() / "other.db";
  ASSERT_EQ(RawSqliteQuery(foreign, "CREATE TABLE t (x); SELECT 1"), "");
  ASSERT_EQ(RawSqliteQuery(foreign, "INSERT INTO t VALUES (1) RETURNING x"), "1");
  const auto newer = temp_.path() / "newer.db";
  std::string ignored;
  ASSERT_TRUE(Store::Open(newer, &ignored)) << ignored;
  RawSqliteQuery(newer, "PRAGMA user_version = 99");

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

TEST_F(SqliteStoreTest, RefusesACorruptedStoreAndLeavesItUntouched) {
  {
    auto store = Open();
    std::string err;
    for (int i = 0; i < 200; ++i) {
      RunRecord run = MakeRun("u" + std::to_string(i), "AC", 1.0, 20);
      ASSERT_TRUE(store->Record(&run, &err)) << err;
    }
  }
  RawSqliteQuery(path_, "PRAGMA wal_checkpoint(TRUNCATE)");
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
TEST_P(StoreTest, ASecondJudgeOpensAStoreTheFirstJustCreatedAndIsWriting) {
  auto first = Open();
  ASSERT_TRUE(first);
  std::string err;
  RunRecord run = MakeRun("ada", "AC", 1.0);
  ASSERT_TRUE(first->Record(&run, &err)) << err;
  auto second = Store::Open(location_, &err);
  ASSERT_TRUE(second) << err;
  std::vector<RunRecord> history;
  ASSERT_TRUE(second->History("ada", "", 0, &history, &err)) << err;
  EXPECT_EQ(history.size(), 1u);
  RunRecord more = MakeRun("bob", "WA", std::nullopt);
  EXPECT_TRUE(second->Record(&more, &err)) << err;
}

// Judges started at the same moment on a store that does not exist yet: one creates it, every
// one of them opens it and records.
TEST_P(StoreTest, JudgesCreatingTheStoreAtTheSameMomentAllUseIt) {
  constexpr int kJudges = 6;
  RecordFromChildren(kJudges, 1);
  EXPECT_EQ(RawQuery("SELECT COUNT(*) FROM runs"), std::to_string(kJudges));
  if (postgres()) return;
  EXPECT_EQ(RawQuery("PRAGMA integrity_check"), "ok");
  // Nothing of the creation is left beside the store.
  for (const auto& entry : std::filesystem::directory_iterator(path_.parent_path())) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "judge.db" || name == "judge.db-wal" || name == "judge.db-shm") << name;
  }
}

// Each child process opens the store itself and records its runs; none may be lost.
TEST_P(StoreTest, EightConcurrentWritersLoseNoRecord) {
  { Open(); }
  constexpr int kWriters = 8, kRunsEach = 25;
  RecordFromChildren(kWriters, kRunsEach);
  EXPECT_EQ(RawQuery("SELECT COUNT(*) FROM runs"), std::to_string(kWriters * kRunsEach));
  EXPECT_EQ(RawQuery("SELECT COUNT(*) FROM run_tests"), std::to_string(kWriters * kRunsEach * 3));
  if (!postgres()) {
    EXPECT_EQ(RawQuery("PRAGMA integrity_check"), "ok");
  }
}

TEST_P(StoreTest, AWriterKilledMidWriteLeavesAConsistentStore) {
  { Open(); }
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string err;
    auto store = Store::Open(location_, &err);
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
  if (!postgres()) {
    EXPECT_EQ(RawQuery("PRAGMA integrity_check"), "ok");
  }
  const int runs = std::stoi(RawQuery("SELECT COUNT(*) FROM runs"));
  EXPECT_GT(runs, 0);
  // Every committed run is whole, and none is missing before the last one.
  EXPECT_EQ(RawQuery("SELECT COUNT(*) FROM run_tests"), std::to_string(runs * 200));
  EXPECT_EQ(RawQuery("SELECT MAX(id) FROM runs"), std::to_string(runs));
}

TEST_F(PgStoreTest, RefusesADatabaseOfAnotherApplicationOrANewerJudgeAndLeavesItUntouched) {
  std::string err, other;
  ASSERT_TRUE(server_.CreateDatabase("other", &other, &err)) << err;
  RawPgQuery(other, "CREATE TABLE notes (line TEXT)");
  RawPgQuery(other, "INSERT INTO notes VALUES ('mine')");
  EXPECT_FALSE(Store::Open(other, &err));
  EXPECT_NE(err.find("another application"), std::string::npos) << err;
  EXPECT_NE(err.find(other), std::string::npos) << err;
  EXPECT_EQ(RawPgQuery(other,
                       "SELECT string_agg(tablename, ',') FROM pg_tables WHERE "
                       "schemaname = 'public'"),
            "notes");
  EXPECT_EQ(RawPgQuery(other, "SELECT line FROM notes"), "mine");

  { Open(); }
  RawQuery("UPDATE judge_store SET schema_version = 99");
  EXPECT_FALSE(Store::Open(location_, &err));
  EXPECT_NE(err.find("newer judge"), std::string::npos) << err;
  EXPECT_EQ(RawQuery("SELECT schema_version FROM judge_store"), "99");
}

TEST(StoreSchemaTest, BothEnginesHaveEveryMigration) {
  EXPECT_EQ(SqliteStoreMigrations().size(), static_cast<size_t>(kStoreSchemaVersion));
  EXPECT_EQ(PgStoreMigrations().size(), static_cast<size_t>(kStoreSchemaVersion));
}

TEST(PgStoreLocationTest, AServerThatCannotBeReachedIsNamedWithItsPasswordMasked) {
  std::string err;
  const auto store = Store::Open("postgresql://ann:secret@127.0.0.1:1/judge", &err);
  EXPECT_FALSE(store);
  EXPECT_EQ(err.rfind("postgresql://ann:***@127.0.0.1:1/judge: ", 0), 0u) << err;
  EXPECT_EQ(err.find("secret"), std::string::npos) << err;
  EXPECT_EQ(err.find('\n'), std::string::npos) << err;
}

}  // namespace
}  // namespace judge
