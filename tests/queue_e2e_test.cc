// The queue end to end, through the built judge binary and a PostgreSQL server the test starts
// itself: three `judge worker`s judge a batch of queued kept submissions of every verdict while
// one worker is killed (SIGKILL) in the middle of a judgement and the server is restarted once;
// every job must end judged exactly once (one run per job, none lost, none twice) with the verdict
// its folder names. Also: a worker whose copy of the problem differs refuses the job, and an
// SQLite store refuses to queue.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <thread>

#include "judge/files/files.h"
#include "judge/run/submission_corpus.h"
#include "judge/store/pg_connection.h"
#include "judge/store/temporary_pg_server.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

using testing::Quoted;
using testing::RunJudgeCli;

// The batch: maximum-gap's kept submissions and references (every verdict, C++ and Python; 29
// files), each queued kCopies times under different users: 203 jobs, the 200 (87 took
// three workers 102 s on the 2-core VM with the compile cache warm; a cold cache adds the
// compiles of 17 C++ files, plain and sanitized). Under the sanitizers, whose judge is slower,
// one copy walks the same code.
constexpr char kProblem[] = "maximum-gap";
#if defined(__SANITIZE_ADDRESS__)
constexpr int kCopies = 1;
#else
constexpr int kCopies = 7;
#endif

// Runs one query on a fresh connection (the server may have restarted since the last); false
// when the server cannot be reached right now.
bool Query(const std::string& url, const std::string& sql,
           const std::function<void(const SqlRow&)>& on_row) {
  PgConnection db;
  std::string err;
  return db.Connect(url, &err) && db.Query(sql, {}, on_row, &err);
}

int64_t Count(const std::string& url, const std::string& sql) {
  int64_t n = -1;
  Query(url, sql, [&](const SqlRow& row) { n = row.Int(0); });
  return n;
}

// `judge --store URL worker --jobs 1 --lease 5` in a child process, its output in `log`.
pid_t StartWorker(const std::string& url, const std::filesystem::path& root,
                  const std::filesystem::path& log) {
  setenv("JUDGE_CACHE_DIR", JUDGE_TEST_CACHE_DIR, 1);
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string command = std::string("exec ") + JUDGE_BINARY + " --root " + Quoted(root) +
                                " --store " + Quoted(url) + " worker --jobs 1 --lease 5 > " +
                                Quoted(log) + " 2>&1";
    execl("/bin/sh", "sh", "-c", command.c_str(), nullptr);
    _exit(127);
  }
  return pid;
}

void StopWorker(pid_t pid) {
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
}

class QueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(server_.Start(&err)) << err;
    ASSERT_TRUE(server_.CreateDatabase("contest", &url_, &err)) << err;
  }

  // Queues `file` and returns its job id (0 when refused).
  int64_t Submit(const std::filesystem::path& file, const std::string& user,
                 const std::filesystem::path& root = JUDGE_DEFAULT_ROOT) {
    const auto result = RunJudgeCli("--root " + Quoted(root) + " --store " + Quoted(url_) +
                                    " submit " + kProblem + " " + Quoted(file) + " --user " + user);
    EXPECT_EQ(result.exit_code, 0) << result.out;
    return result.exit_code == 0 ? std::stoll(result.out) : 0;
  }

  TemporaryPgServer server_;
  std::string url_;
  TempDir temp_;
};

TEST_F(QueueTest, WorkersJudgeEveryJobOnceThroughAKilledWorkerAndAServerRestart) {
  Workspace workspace{JUDGE_DEFAULT_ROOT, ""};
  Problem problem;
  std::string err;
  ASSERT_TRUE(LoadProblem(workspace.problems() / kProblem, &problem, &err)) << err;
  std::map<int64_t, std::string> expected;  // job id -> verdict code
  for (int copy = 0; copy < kCopies; ++copy)
    for (const auto& s : ListExpectedSubmissions(workspace, problem)) {
      if (!s.skip_groups.empty()) continue;  // a worker judges every group
      const int64_t id = Submit(s.file, "user" + std::to_string(copy));
      ASSERT_GT(id, 0);
      expected[id] = std::string(VerdictCode(s.expected));
    }
  ASSERT_GE(expected.size(), 20u * kCopies);

  std::vector<pid_t> workers;
  for (int i = 0; i < 3; ++i)
    workers.push_back(
        StartWorker(url_, JUDGE_DEFAULT_ROOT, temp_.path() / ("worker" + std::to_string(i))));

  // Kill a worker in the middle of a judgement: one seen holding a job is stopped (SIGSTOP), and
  // killed if it still holds it then, or let go on if it finished in between.
  pid_t killed = 0;
  int64_t killed_job = 0;
  while (!killed) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::string worker;
    Query(url_, "SELECT worker FROM jobs WHERE state = 'running' ORDER BY id LIMIT 1",
          [&](const SqlRow& row) { worker = row.Text(0); });
    if (worker.empty()) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(worker.substr(worker.rfind(':') + 1)));
    if (std::find(workers.begin(), workers.end(), pid) == workers.end()) continue;
    kill(pid, SIGSTOP);
    Query(url_, "SELECT id FROM jobs WHERE state = 'running' AND worker = '" + worker + "'",
          [&](const SqlRow& row) { killed_job = row.Int(0); });
    if (!killed_job) {
      kill(pid, SIGCONT);
      continue;
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    killed = pid;
  }
  workers.erase(std::find(workers.begin(), workers.end(), killed));

  // Restart the server once a third of the jobs are judged, while the others are being judged.
  const auto done = [&] {
    return Count(url_, "SELECT COUNT(*) FROM jobs WHERE state NOT IN ('queued', 'running')");
  };
  while (done() < static_cast<int64_t>(expected.size()) / 3)
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_LT(done(), static_cast<int64_t>(expected.size()));  // mid-run
  ASSERT_TRUE(server_.Restart(&err)) << err;

  // Every job finishes (a guard against hanging for ever, not a timing assertion).
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(15);
  while (done() != static_cast<int64_t>(expected.size()) &&
         std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  for (pid_t pid : workers) StopWorker(pid);

  std::map<int64_t, std::string> verdicts;
  ASSERT_TRUE(Query(url_,
                    "SELECT j.id, j.state, r.verdict, j.reason FROM jobs j LEFT JOIN runs r ON "
                    "r.id = j.run_id ORDER BY j.id",
                    [&](const SqlRow& row) {
                      EXPECT_EQ(row.Text(1), "judged")
                          << "job " << row.Int(0) << ": " << row.Text(3);
                      verdicts[row.Int(0)] = row.IsNull(2) ? "" : row.Text(2);
                    }));
  EXPECT_EQ(verdicts, expected);
  // Exactly once: one run per job, each job's own.
  EXPECT_EQ(Count(url_, "SELECT COUNT(*) FROM runs"), static_cast<int64_t>(expected.size()));
  EXPECT_EQ(Count(url_, "SELECT COUNT(DISTINCT run_id) FROM jobs"),
            static_cast<int64_t>(expected.size()));
  // The killed worker's job was claimed again by another, and judged by it.
  EXPECT_GE(Count(url_, "SELECT attempts FROM jobs WHERE id = " + std::to_string(killed_job)), 2);
  // Each run names the CPU that judged it.
  EXPECT_EQ(Count(url_, "SELECT COUNT(*) FROM runs WHERE cpu_model = ''"), 0);

  // `judge status` prints the judgement as `judge run` does, with its exit code.
  const auto accepted = std::find_if(expected.begin(), expected.end(),
                                     [](const auto& job) { return job.second == "AC"; });
  ASSERT_NE(accepted, expected.end());
  const auto status =
      RunJudgeCli("--store " + Quoted(url_) + " status " + std::to_string(accepted->first));
  EXPECT_EQ(status.exit_code, 0) << status.out;
  EXPECT_NE(status.out.find("Accepted"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("judged by "), std::string::npos) << status.out;
}

TEST_F(QueueTest, AWorkerWhoseProblemDiffersRefusesTheJob) {
  // The worker's root: the source tree's problem with one test file changed.
  const auto root = temp_.path() / "root";
  for (const char* folder : {"problems", "testcases"}) {
    std::filesystem::create_directories(root / folder);
    std::filesystem::copy(std::filesystem::path(JUDGE_DEFAULT_ROOT) / folder / kProblem,
                          root / folder / kProblem, std::filesystem::copy_options::recursive);
  }
  const auto samples = root / "testcases" / kProblem / "01-samples.json";
  std::string text, err;
  ASSERT_TRUE(ReadFile(samples, &text, &err)) << err;
  ASSERT_TRUE(WriteFileAtomic(samples, text + "\n", &err)) << err;

  const auto file = std::filesystem::path(JUDGE_DEFAULT_ROOT) / "solutions" / kProblem /
                    "accepted" / "sort_then_scan.py";
  const int64_t id = Submit(file, "ann");
  ASSERT_GT(id, 0);
  const pid_t worker = StartWorker(url_, root, temp_.path() / "worker.log");
  const auto status =
      RunJudgeCli("--store " + Quoted(url_) + " status " + std::to_string(id) + " --wait");
  StopWorker(worker);
  EXPECT_EQ(status.exit_code, 2) << status.out;
  EXPECT_NE(status.out.find("refused"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("the problem differs"), std::string::npos) << status.out;
  EXPECT_EQ(Count(url_, "SELECT COUNT(*) FROM runs"), 0);
}

TEST_F(QueueTest, AnSqliteStoreRefusesToQueueOrServeWorkers) {
  const auto store = temp_.path() / "judge.db";
  const auto file = std::filesystem::path(JUDGE_DEFAULT_ROOT) / "solutions" / kProblem /
                    "accepted" / "sort_then_scan.py";
  for (const std::string& command :
       {std::string("submit ") + kProblem + " " + Quoted(file), std::string("worker")}) {
    const auto result = RunJudgeCli("--store " + Quoted(store) + " " + command);
    EXPECT_EQ(result.exit_code, 2) << command << ": " << result.out;
    EXPECT_NE(result.out.find("needs a PostgreSQL store"), std::string::npos) << result.out;
  }
}

// The store's other commands take the URL too (their SQLite side: store_e2e_test.cc).
TEST_F(QueueTest, RunHistoryAndReportUseAPostgresStore) {
  const auto file = std::filesystem::path(JUDGE_DEFAULT_ROOT) / "solutions" / kProblem /
                    "accepted" / "sort_then_scan.py";
  const std::string store = " --store " + Quoted(url_);
  const auto run =
      RunJudgeCli("run " + std::string(kProblem) + " " + Quoted(file) + store + " --user ann");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("Recorded as run 1 of ann in postgresql:///contest?"), std::string::npos)
      << run.out;
  const auto history = RunJudgeCli("history --user ann" + store);
  EXPECT_EQ(history.exit_code, 0) << history.out;
  EXPECT_NE(history.out.find("sort_then_scan.py"), std::string::npos) << history.out;
  const auto report =
      RunJudgeCli("report --user ann --out " + Quoted(temp_.path() / "report") + store);
  EXPECT_EQ(report.exit_code, 0) << report.out;
  std::string json, err;
  ASSERT_TRUE(ReadFile(temp_.path() / "report" / "report.json", &json, &err)) << err;
  // ann's one run, untimed: attempted and solved, off the leaderboard.
  EXPECT_NE(json.find("\"status\": \"solved\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"store\": \"" + url_ + "\""), std::string::npos) << json;
}

}  // namespace
}  // namespace judge
