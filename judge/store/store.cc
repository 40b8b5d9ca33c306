#include "judge/store/store.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>

#include "judge/error.h"
#include "judge/store/store_schema.h"

namespace judge {
namespace {

constexpr char kSqliteMagic[] = "SQLite format 3";  // and a NUL: 16 bytes

// Reads the header of an existing, non-empty file and says why it is not a judge store, without
// opening it through SQLite (which could write to it: a journal, WAL mode).
bool CheckHeader(const std::filesystem::path& path, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  char header[100] = {};
  in.read(header, sizeof header);
  if (in.gcount() < static_cast<std::streamsize>(sizeof header) ||
      std::string(header, 16) != std::string(kSqliteMagic, 16))
    return Fail(
        path.string() + ": not a judge store (not an SQLite database); refusing to touch it", err);
  const auto* b = reinterpret_cast<const unsigned char*>(header + 68);
  const uint32_t app_id =
      (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
  if (app_id != kStoreApplicationId) {
    char id[16];
    std::snprintf(id, sizeof id, "0x%08X", app_id);
    return Fail(path.string() + ": not a judge store (an SQLite database of another application, " +
                    "application_id " + id + "); refusing to touch it",
                err);
  }
  return true;
}

bool QueryInt(SqliteDb& db, const std::string& sql, int64_t* out, std::string* err) {
  SqliteStatement statement;
  bool row = false;
  if (!db.Prepare(sql, &statement, err) || !statement.Step(&row, err)) return false;
  *out = row ? statement.Int(0) : 0;
  return true;
}

// PRAGMA quick_check, its statement finished before returning: a statement left open would hold
// a read snapshot, and a later BEGIN IMMEDIATE could not wait for the write lock (SQLITE_BUSY).
bool QuickCheck(SqliteDb& db, std::string* why) {
  SqliteStatement check;
  bool row = false;
  if (!db.Prepare("PRAGMA quick_check", &check, why) || !check.Step(&row, why)) return false;
  if (row && check.Text(0) == "ok") return true;
  *why = row ? check.Text(0) : "no answer to quick_check";
  return false;
}

// Makes a new, empty judge store at `path` whole or not at all: it is built under a private name
// beside it, its header (application_id, WAL mode) written into the file itself, then linked into
// place, which fails if another judge got there first (that one's store is then used). Built in
// place, the header would sit in the WAL while the creator records its first run, and every other
// judge reading the file's header would refuse it as another application's database.
bool CreateStore(const std::filesystem::path& path, std::string* err) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const std::filesystem::path staged =
      path.string() + ".new-" + std::to_string(getpid()) + "-" +
      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  {
    SqliteDb db;
    // The application_id is set before WAL mode, so that it is written into the file itself;
    // closing the only connection then checkpoints and removes the WAL.
    if (!db.Open(staged.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err) ||
        !db.Exec("PRAGMA application_id = " + std::to_string(kStoreApplicationId) +
                     "; PRAGMA journal_mode = WAL",
                 err)) {
      std::filesystem::remove(staged, ec);
      return Fail(path.string() + ": creating the store: " + *err, err);
    }
  }
  const int linked = link(staged.c_str(), path.c_str());
  const int link_errno = errno;
  std::filesystem::remove(staged, ec);
  if (linked != 0 && link_errno != EEXIST)
    return Fail(path.string() + ": creating the store: " + std::strerror(link_errno), err);
  return true;
}

SqlValue OptionalValue(const std::optional<double>& v) {
  return v ? SqlValue(*v) : SqlValue(nullptr);
}

// Columns of `runs` as SelectRuns reads them, in order.
constexpr char kRunColumns[] =
    "id, created_at, user, problem, language, source_name, source_sha256, verdict, reason, "
    "failed_test, tests_passed, tests_total, max_time_ms, max_memory_kb, cpu_model, cores, "
    "repetitions, median_ms, min_ms, max_ms, reference_median_ms, ratio, ratio_spread, "
    "instructions, counters_note, growth_exponent, growth_model, growth_confidence, "
    "reference_growth_exponent, reference_growth_model";

RunRecord ReadRun(const SqliteStatement& s) {
  RunRecord r;
  r.id = s.Int(0);
  r.created_at = s.Text(1);
  r.user = s.Text(2);
  r.problem = s.Text(3);
  r.language = s.Text(4);
  r.source_name = s.Text(5);
  r.source_sha256 = s.Text(6);
  r.verdict = s.Text(7);
  r.reason = s.Text(8);
  r.failed_test = s.Text(9);
  r.tests_passed = static_cast<int>(s.Int(10));
  r.tests_total = static_cast<int>(s.Int(11));
  r.max_time_ms = s.Real(12);
  r.max_memory_kb = s.Int(13);
  r.cpu_model = s.Text(14);
  r.cores = static_cast<int>(s.Int(15));
  if (!s.IsNull(16)) {
    TimingFigures t;
    t.repetitions = static_cast<int>(s.Int(16));
    t.median_ms = s.Real(17);
    t.min_ms = s.Real(18);
    t.max_ms = s.Real(19);
    t.reference_median_ms = s.Real(20);
    t.ratio = s.Real(21);
    t.ratio_spread = s.Real(22);
    if (!s.IsNull(23)) t.instructions = s.Int(23);
    t.counters_note = s.Text(24);
    r.timing = t;
  }
  if (!s.IsNull(25)) {
    GrowthFigures g;
    g.exponent = s.Real(25);
    g.model = s.Text(26);
    g.confidence = s.Real(27);
    g.reference_exponent = s.Real(28);
    g.reference_model = s.Text(29);
    r.growth = g;
  }
  return r;
}

}  // namespace

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::filesystem::path DefaultStorePath() {
  if (const char* env = std::getenv("JUDGE_STORE"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "judge" / "judge.db";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : "/tmp") / ".local" / "share" / "judge" /
         "judge.db";
}

std::unique_ptr<Store> Store::Open(const std::filesystem::path& path, std::string* err,
                                   int up_to_version) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (exists && !std::filesystem::is_regular_file(path, ec)) {
    *err = path.string() + ": not a judge store (not a regular file)";
    return nullptr;
  }
  if (!exists && !CreateStore(path, err)) return nullptr;
  if (std::filesystem::file_size(path, ec) > 0 && !CheckHeader(path, err)) return nullptr;

  auto store = std::unique_ptr<Store>(new Store());
  store->path_ = path;
  SqliteDb& db = store->db_;
  if (!db.Open(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err)) return nullptr;
  std::string why;
  // Another judge may hold the write lock (a migration, a run being recorded): wait for it.
  sqlite3_busy_timeout(db.handle(), 15000);
  if (!QuickCheck(db, &why)) {
    *err = path.string() + ": the judge store is corrupted (" + why + "); refusing to use it";
    return nullptr;
  }
  int64_t version = 0;
  if (!QueryInt(db, "PRAGMA user_version", &version, err)) {
    *err = path.string() + ": reading the schema version: " + *err;
    return nullptr;
  }
  if (version > kSchemaVersion) {
    *err = path.string() + ": written by a newer judge (store schema " + std::to_string(version) +
           ", this judge knows up to " + std::to_string(kSchemaVersion) + "); refusing to touch it";
    return nullptr;
  }
  if (!db.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON",
               err)) {
    *err = path.string() + ": setting WAL mode: " + *err;
    return nullptr;
  }

  // Migrate under the write lock, re-reading the version: two judges opening an old store at
  // once must not both run a migration.
  SqliteTransaction transaction(&db);
  if (!transaction.Begin(err) || !QueryInt(db, "PRAGMA user_version", &version, err)) {
    *err = path.string() + ": locking the store to migrate it: " + *err;
    return nullptr;
  }
  const auto& migrations = StoreMigrations();
  for (int64_t v = version; v < up_to_version; ++v) {
    if (!db.Exec(migrations[static_cast<size_t>(v)], err)) {
      *err =
          path.string() + ": migrating the store to schema " + std::to_string(v + 1) + ": " + *err;
      return nullptr;
    }
  }
  const int64_t target = std::max<int64_t>(version, up_to_version);
  if (!db.Exec("PRAGMA application_id = " + std::to_string(kStoreApplicationId) +
                   "; PRAGMA user_version = " + std::to_string(target),
               err) ||
      !transaction.Commit(err))
    return nullptr;
  store->schema_version_ = static_cast<int>(target);
  return store;
}

bool Store::Record(RunRecord* run, std::string* err) {
  if (schema_version_ != kSchemaVersion)
    return Fail("the store is at schema " + std::to_string(schema_version_), err);
  if (run->created_at.empty()) run->created_at = NowUtc();
  SqliteTransaction transaction(&db_);
  if (!transaction.Begin(err)) return false;
  SqliteStatement insert;
  const auto& t = run->timing;
  const auto& g = run->growth;
  std::string placeholders;
  for (int i = 1; i <= 29; ++i) placeholders += ", ?" + std::to_string(i);
  if (!db_.Prepare(
          std::string("INSERT INTO runs (") + kRunColumns + ") VALUES (NULL" + placeholders + ")",
          &insert, err))
    return false;
  const std::vector<SqlValue> values = {
      run->created_at,
      run->user,
      run->problem,
      run->language,
      run->source_name,
      run->source_sha256,
      run->verdict,
      run->reason,
      run->failed_test,
      int64_t{run->tests_passed},
      int64_t{run->tests_total},
      run->max_time_ms,
      run->max_memory_kb,
      run->cpu_model,
      int64_t{run->cores},
      t ? SqlValue(int64_t{t->repetitions}) : SqlValue(nullptr),
      OptionalValue(t ? std::optional(t->median_ms) : std::nullopt),
      OptionalValue(t ? std::optional(t->min_ms) : std::nullopt),
      OptionalValue(t ? std::optional(t->max_ms) : std::nullopt),
      OptionalValue(t ? std::optional(t->reference_median_ms) : std::nullopt),
      OptionalValue(t ? std::optional(t->ratio) : std::nullopt),
      OptionalValue(t ? std::optional(t->ratio_spread) : std::nullopt),
      t && t->instructions ? SqlValue(*t->instructions) : SqlValue(nullptr),
      t ? SqlValue(t->counters_note) : SqlValue(nullptr),
      OptionalValue(g ? std::optional(g->exponent) : std::nullopt),
      g ? SqlValue(g->model) : SqlValue(nullptr),
      OptionalValue(g ? std::optional(g->confidence) : std::nullopt),
      OptionalValue(g ? std::optional(g->reference_exponent) : std::nullopt),
      g ? SqlValue(g->reference_model) : SqlValue(nullptr),
  };
  if (!insert.Run(values, err)) return false;
  run->id = db_.LastInsertId();

  SqliteStatement test;
  if (!db_.Prepare("INSERT INTO run_tests (run_id, ordinal, name, verdict, time_ms, memory_kb) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                   &test, err))
    return false;
  for (size_t i = 0; i < run->tests.size(); ++i) {
    const auto& r = run->tests[i];
    if (!test.Run({run->id, static_cast<int64_t>(i), r.name, r.verdict, r.time_ms, r.memory_kb},
                  err))
      return false;
  }
  if (g) {
    SqliteStatement point;
    if (!db_.Prepare("INSERT INTO growth_points (run_id, of_reference, size, time_ms) VALUES (?1, "
                     "?2, ?3, ?4)",
                     &point, err))
      return false;
    for (const auto* points : {&g->points, &g->reference_points})
      for (const auto& p : *points)
        if (!point.Run({run->id, int64_t{points == &g->reference_points}, p.size, p.time_ms}, err))
          return false;
  }
  return transaction.Commit(err);
}

bool Store::SelectRuns(const std::string& where_and_order, const std::vector<SqlValue>& params,
                       std::vector<RunRecord>* out, std::string* err) {
  out->clear();
  SqliteStatement select;
  if (!db_.Prepare(std::string("SELECT ") + kRunColumns + " FROM runs " + where_and_order, &select,
                   err) ||
      !select.Bind(params, err))
    return false;
  return select.ForEachRow(err, [&](const SqliteStatement& s) { out->push_back(ReadRun(s)); });
}

bool Store::Leaderboard(const std::string& problem, std::vector<RunRecord>* out, std::string* err) {
  // The best run per user: the lowest ratio, the earliest among equals.
  return SelectRuns(
      "WHERE id IN (SELECT (SELECT id FROM runs b WHERE b.problem = a.problem AND b.user = a.user "
      "AND b.verdict = 'AC' AND b.ratio IS NOT NULL ORDER BY b.ratio, b.id LIMIT 1) "
      "FROM runs a WHERE a.problem = ?1 AND a.verdict = 'AC' AND a.ratio IS NOT NULL GROUP BY "
      "a.user) "
      "ORDER BY ratio, id",
      {problem}, out, err);
}

bool Store::AcceptedRatios(const std::string& problem, std::vector<double>* out, std::string* err) {
  out->clear();
  SqliteStatement select;
  if (!db_.Prepare(
          "SELECT ratio FROM runs WHERE problem = ?1 AND verdict = 'AC' AND ratio IS NOT NULL",
          &select, err) ||
      !select.Bind({problem}, err))
    return false;
  return select.ForEachRow(err, [&](const SqliteStatement& s) { out->push_back(s.Real(0)); });
}

bool Store::History(const std::string& user, const std::string& problem, int limit,
                    std::vector<RunRecord>* out, std::string* err) {
  return SelectRuns("WHERE user = ?1 AND (?2 = '' OR problem = ?2) ORDER BY id DESC LIMIT ?3",
                    {user, problem, int64_t{limit > 0 ? limit : -1}}, out, err);
}

bool Store::Load(int64_t id, RunRecord* out, std::string* err) {
  std::vector<RunRecord> runs;
  if (!SelectRuns("WHERE id = ?1", {id}, &runs, err)) return false;
  if (runs.empty()) return Fail("no run " + std::to_string(id) + " in the store", err);
  *out = std::move(runs[0]);
  SqliteStatement tests;
  if (!db_.Prepare("SELECT name, verdict, time_ms, memory_kb FROM run_tests WHERE run_id = ?1 "
                   "ORDER BY ordinal",
                   &tests, err) ||
      !tests.Bind({id}, err))
    return false;
  if (!tests.ForEachRow(err, [&](const SqliteStatement& s) {
        out->tests.push_back({s.Text(0), s.Text(1), s.Real(2), s.Int(3)});
      }))
    return false;
  if (!out->growth) return true;
  SqliteStatement points;
  if (!db_.Prepare(
          "SELECT of_reference, size, time_ms FROM growth_points WHERE run_id = ?1 ORDER BY rowid",
          &points, err) ||
      !points.Bind({id}, err))
    return false;
  return points.ForEachRow(err, [&](const SqliteStatement& s) {
    (s.Int(0) ? out->growth->reference_points : out->growth->points)
        .push_back({s.Int(1), s.Real(2)});
  });
}

bool Store::Problems(std::vector<std::string>* out, std::string* err) {
  out->clear();
  SqliteStatement select;
  if (!db_.Prepare("SELECT DISTINCT problem FROM runs ORDER BY problem", &select, err))
    return false;
  return select.ForEachRow(err, [&](const SqliteStatement& s) { out->push_back(s.Text(0)); });
}

bool Store::Attempts(const std::string& user, std::vector<ProblemAttempts>* out, std::string* err) {
  out->clear();
  SqliteStatement select;
  if (!db_.Prepare("SELECT problem, verdict, COUNT(*), MAX(id), MAX(created_at) FROM runs "
                   "WHERE user = ?1 GROUP BY problem, verdict ORDER BY problem",
                   &select, err) ||
      !select.Bind({user}, err))
    return false;
  int64_t newest_id = 0;  // of the problem being gathered
  return select.ForEachRow(err, [&](const SqliteStatement& s) {
    if (out->empty() || out->back().problem != s.Text(0)) {
      out->push_back({.problem = s.Text(0)});
      newest_id = 0;
    }
    ProblemAttempts& attempts = out->back();
    const std::string verdict = s.Text(1);
    const int count = static_cast<int>(s.Int(2));
    attempts.runs += count;
    attempts.verdicts[verdict] = count;
    if (verdict == "AC") attempts.accepted = count;
    if (s.Int(3) > newest_id) {
      newest_id = s.Int(3);
      attempts.last_verdict = verdict;
    }
    attempts.last_run_at = std::max(attempts.last_run_at, s.Text(4));
  });
}

const char* ProblemAttempts::status() const {
  if (solved()) return "solved";
  return runs > 0 ? "attempted" : "not tried";
}

bool Store::BestGrowthRun(const std::string& user, const std::string& problem, RunRecord* out,
                          bool* found, std::string* err) {
  std::vector<RunRecord> runs;
  if (!SelectRuns(
          "WHERE user = ?1 AND problem = ?2 AND verdict = 'AC' AND growth_exponent IS NOT NULL "
          "AND EXISTS (SELECT 1 FROM growth_points p WHERE p.run_id = runs.id) "
          "ORDER BY ratio IS NULL, ratio, id LIMIT 1",
          {user, problem}, &runs, err))
    return false;
  *found = !runs.empty();
  return !*found || Load(runs[0].id, out, err);
}

double FasterThanPercent(double ratio, const std::vector<double>& ratios) {
  if (ratios.empty()) return 0;
  size_t slower = 0;
  for (double r : ratios) slower += r > ratio;
  return 100.0 * static_cast<double>(slower) / static_cast<double>(ratios.size());
}

}  // namespace judge
