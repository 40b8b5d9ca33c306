#include "judge/store/store.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>

#include "judge/error.h"
#include "judge/store/pg_backend.h"
#include "judge/store/sqlite_backend.h"

namespace judge {
namespace {

SqlValue OptionalValue(const std::optional<double>& v) {
  return v ? SqlValue(*v) : SqlValue(nullptr);
}

// Columns of `runs` as SelectRuns reads them, in order ("user" quoted: PostgreSQL reserves it).
constexpr char kRunColumns[] =
    "id, created_at, \"user\", problem, language, source_name, source_sha256, verdict, reason, "
    "failed_test, tests_passed, tests_total, max_time_ms, max_memory_kb, cpu_model, cores, "
    "repetitions, median_ms, min_ms, max_ms, reference_median_ms, ratio, ratio_spread, "
    "instructions, counters_note, growth_exponent, growth_model, growth_confidence, "
    "reference_growth_exponent, reference_growth_model";

RunRecord ReadRun(const SqlRow& s) {
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

constexpr char kGpuRunColumns[] =
    "device_name, compute_capability, driver_version, matmul_tflops, copy_gbps, score_figure, "
    "score, ceiling_fraction, size_axis, reference_name, reference_score, runner_isolated, "
    "checked_apart";
constexpr char kGpuCaseColumns[] =
    "name, case_group, verdict, detail, timed, median_ms, spread, figure_value, ceiling_fraction, "
    "size";

GpuRunFigures ReadGpuRun(const SqlRow& s) {
  GpuRunFigures g;
  g.device_name = s.Text(0);
  g.compute_capability = s.Text(1);
  g.driver_version = static_cast<int>(s.Int(2));
  g.matmul_tflops = s.Real(3);
  g.copy_gbps = s.Real(4);
  g.score_figure = s.Text(5);
  g.score = s.Real(6);
  g.ceiling_fraction = s.Real(7);
  g.size_axis = s.Text(8);
  g.reference_name = s.Text(9);
  g.reference_score = s.Real(10);
  g.runner_isolated = s.Int(11) != 0;
  g.checked_apart = s.Int(12) != 0;
  return g;
}

GpuCaseFigures ReadGpuCase(const SqlRow& s) {
  GpuCaseFigures c;
  c.name = s.Text(0);
  c.group = s.Text(1);
  c.verdict = s.Text(2);
  c.detail = s.Text(3);
  c.timed = s.Int(4) != 0;
  c.median_ms = s.Real(5);
  c.spread = s.Real(6);
  c.figure_value = s.Real(7);
  c.ceiling_fraction = s.Real(8);
  c.size = s.Real(9);
  return c;
}

// "?2, ?3, ..., ?N": parameters first..last.
std::string Placeholders(int first, int last) {
  std::string out;
  for (int i = first; i <= last; ++i) out += (i > first ? ", ?" : "?") + std::to_string(i);
  return out;
}

bool RecordGpuFigures(StoreBackend& backend, int64_t run_id, const GpuRunFigures& g,
                      std::string* err) {
  if (!backend.Query(
          std::string("INSERT INTO gpu_runs (run_id, ") + kGpuRunColumns + ") VALUES (" +
              Placeholders(1, 14) + ")",
          {run_id, g.device_name, g.compute_capability, int64_t{g.driver_version}, g.matmul_tflops,
           g.copy_gbps, g.score_figure, g.score, g.ceiling_fraction, g.size_axis, g.reference_name,
           g.reference_score, int64_t{g.runner_isolated}, int64_t{g.checked_apart}},
          nullptr, err))
    return false;
  for (size_t i = 0; i < g.cases.size(); ++i) {
    const GpuCaseFigures& c = g.cases[i];
    if (!backend.Query(
            std::string("INSERT INTO gpu_cases (run_id, ordinal, ") + kGpuCaseColumns +
                ") VALUES (" + Placeholders(1, 12) + ")",
            {run_id, static_cast<int64_t>(i), c.name, c.group, c.verdict, c.detail,
             int64_t{c.timed}, c.median_ms, c.spread, c.figure_value, c.ceiling_fraction, c.size},
            nullptr, err))
      return false;
  }
  return true;
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

std::unique_ptr<Store> Store::Open(const std::string& location, std::string* err,
                                   int up_to_version) {
  auto store = std::unique_ptr<Store>(new Store());
  store->location_ = MaskedLocation(location);
  if (IsPostgresLocation(location))
    store->backend_ = PgBackend::Open(location, up_to_version, err);
  else
    store->backend_ = OpenSqliteBackend(location, up_to_version, err);
  if (!store->backend_) return nullptr;
  return store;
}

bool Store::Record(RunRecord* run, std::string* err, const InTransaction& in_same_transaction) {
  if (schema_version() != kSchemaVersion)
    return Fail("the store is at schema " + std::to_string(schema_version()), err);
  if (run->created_at.empty()) run->created_at = NowUtc();
  StoreTransaction transaction(backend_.get());
  if (!transaction.Begin(err)) return false;
  const auto& t = run->timing;
  const auto& g = run->growth;
  const std::string placeholders = Placeholders(1, 29);
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
  // Every column but the id, which the engine assigns and RETURNING gives back.
  const char* columns = kRunColumns + std::strlen("id, ");
  if (!backend_->Query(
          std::string("INSERT INTO runs (") + columns + ") VALUES (" + placeholders +
              ") RETURNING id",
          values, [&](const SqlRow& row) { run->id = row.Int(0); }, err))
    return false;
  for (size_t i = 0; i < run->tests.size(); ++i) {
    const auto& r = run->tests[i];
    if (!backend_->Query(
            "INSERT INTO run_tests (run_id, ordinal, name, verdict, time_ms, "
            "memory_kb) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            {run->id, static_cast<int64_t>(i), r.name, r.verdict, r.time_ms, r.memory_kb}, nullptr,
            err))
      return false;
  }
  if (g)
    for (const auto* points : {&g->points, &g->reference_points})
      for (const auto& p : *points)
        if (!backend_->Query("INSERT INTO growth_points (run_id, of_reference, size, time_ms) "
                             "VALUES (?1, ?2, ?3, ?4)",
                             {run->id, int64_t{points == &g->reference_points}, p.size, p.time_ms},
                             nullptr, err))
          return false;
  if (run->gpu && !RecordGpuFigures(*backend_, run->id, *run->gpu, err)) return false;
  if (in_same_transaction && !in_same_transaction(*backend_, run->id, err)) return false;
  return transaction.Commit(err);
}

bool Store::SelectRuns(const std::string& where_and_order, const std::vector<SqlValue>& params,
                       std::vector<RunRecord>* out, std::string* err) {
  out->clear();
  if (!backend_->Query(
          std::string("SELECT ") + kRunColumns + " FROM runs " + where_and_order, params,
          [&](const SqlRow& s) { out->push_back(ReadRun(s)); }, err))
    return false;
  // A GPU run's device and score, which every list of runs shows (its cases: Load).
  for (RunRecord& run : *out)
    if (!backend_->Query(
            std::string("SELECT ") + kGpuRunColumns + " FROM gpu_runs WHERE run_id = ?1", {run.id},
            [&](const SqlRow& s) { run.gpu = ReadGpuRun(s); }, err))
      return false;
  return true;
}

bool Store::Leaderboard(const std::string& problem, std::vector<RunRecord>* out, std::string* err) {
  // The best run per user: the lowest ratio, the earliest among equals.
  return SelectRuns(
      "WHERE id IN (SELECT (SELECT id FROM runs b WHERE b.problem = ?1 AND b.\"user\" = "
      "a.\"user\" AND b.verdict = 'AC' AND b.ratio IS NOT NULL ORDER BY b.ratio, b.id LIMIT 1) "
      "FROM runs a WHERE a.problem = ?1 AND a.verdict = 'AC' AND a.ratio IS NOT NULL GROUP BY "
      "a.\"user\") "
      "ORDER BY ratio, id",
      {problem}, out, err);
}

bool Store::AcceptedRatios(const std::string& problem, std::vector<double>* out, std::string* err) {
  out->clear();
  return backend_->Query(
      "SELECT ratio FROM runs WHERE problem = ?1 AND verdict = 'AC' AND ratio IS NOT NULL",
      {problem}, [&](const SqlRow& s) { out->push_back(s.Real(0)); }, err);
}

bool Store::History(const std::string& user, const std::string& problem, int limit,
                    std::vector<RunRecord>* out, std::string* err) {
  // The limit is written into the SQL: the engines disagree on a LIMIT that means none.
  return SelectRuns("WHERE \"user\" = ?1 AND (?2 = '' OR problem = ?2) ORDER BY id DESC" +
                        (limit > 0 ? " LIMIT " + std::to_string(limit) : std::string()),
                    {user, problem}, out, err);
}

bool Store::Load(int64_t id, RunRecord* out, std::string* err) {
  std::vector<RunRecord> runs;
  if (!SelectRuns("WHERE id = ?1", {id}, &runs, err)) return false;
  if (runs.empty()) return Fail("no run " + std::to_string(id) + " in the store", err);
  *out = std::move(runs[0]);
  if (!backend_->Query(
          "SELECT name, verdict, time_ms, memory_kb FROM run_tests WHERE run_id = ?1 ORDER BY "
          "ordinal",
          {id},
          [&](const SqlRow& s) {
            out->tests.push_back({s.Text(0), s.Text(1), s.Real(2), s.Int(3)});
          },
          err))
    return false;
  if (out->gpu &&
      !backend_->Query(
          std::string("SELECT ") + kGpuCaseColumns +
              " FROM gpu_cases WHERE run_id = ?1 ORDER BY ordinal",
          {id}, [&](const SqlRow& s) { out->gpu->cases.push_back(ReadGpuCase(s)); }, err))
    return false;
  if (!out->growth) return true;
  return backend_->Query(
      "SELECT of_reference, size, time_ms FROM growth_points WHERE run_id = ?1 ORDER BY rowid",
      {id},
      [&](const SqlRow& s) {
        (s.Int(0) ? out->growth->reference_points : out->growth->points)
            .push_back({s.Int(1), s.Real(2)});
      },
      err);
}

bool Store::Problems(std::vector<std::string>* out, std::string* err) {
  out->clear();
  return backend_->Query(
      "SELECT DISTINCT problem FROM runs ORDER BY problem", {},
      [&](const SqlRow& s) { out->push_back(s.Text(0)); }, err);
}

bool Store::Attempts(const std::string& user, std::vector<ProblemAttempts>* out, std::string* err) {
  out->clear();
  int64_t newest_id = 0;  // of the problem being gathered
  return backend_->Query(
      "SELECT problem, verdict, COUNT(*), MAX(id), MAX(created_at) FROM runs "
      "WHERE \"user\" = ?1 GROUP BY problem, verdict ORDER BY problem",
      {user},
      [&](const SqlRow& s) {
        if (out->empty() || out->back().problem != s.Text(0)) {
          out->emplace_back();
          out->back().problem = s.Text(0);
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
      },
      err);
}

const char* ProblemAttempts::status() const {
  if (solved()) return "solved";
  return runs > 0 ? "attempted" : "not tried";
}

bool Store::BestGrowthRun(const std::string& user, const std::string& problem, RunRecord* out,
                          bool* found, std::string* err) {
  std::vector<RunRecord> runs;
  if (!SelectRuns(
          "WHERE \"user\" = ?1 AND problem = ?2 AND verdict = 'AC' AND growth_exponent IS NOT NULL "
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
