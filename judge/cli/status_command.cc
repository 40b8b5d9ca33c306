// judge status ID [--wait] [--json]: a queued submission's state (queued, running, judged,
// refused, failed) and, once judged, the judgement as `judge run` prints it, with the worker
// that judged it and its CPU. --wait waits for the job to finish (woken by the worker's NOTIFY,
// reconnecting if the server restarts). Exit code: as `judge run` once judged (0 accepted, 1
// not); 2 refused or failed; 4 still queued or running.
#include <chrono>
#include <cstdio>
#include <thread>

#include "judge/cli/commands.h"
#include "judge/cli/judgement_printer.h"
#include "judge/queue/job_queue.h"

namespace judge::cli {
namespace {

struct StatusOptions {
  int64_t id = 0;
  bool wait = false;
  bool json = false;
};

bool Finished(const QueuedJob& job) { return job.state != "queued" && job.state != "running"; }

// Reads the job, and with --wait until it has finished; false (printed) on an error.
bool ReadJob(const Context& context, const StatusOptions& options, QueuedJob* job) {
  std::string err;
  if (!JobQueue::CheckLocation(StoreLocation(context), &err)) {
    PrintError("--store: " + err);
    return false;
  }
  for (bool said_away = false;;) {
    auto store = Store::Open(StoreLocation(context), &err);
    if (store) {
      JobQueue queue(store.get());
      if (options.wait && !queue.Listen(&err)) store.reset();
      // Waits on this connection while it lasts; a lost one is opened again.
      while (store) {
        if (!queue.Get(options.id, job, &err)) {
          if (err.rfind("no job", 0) != 0) break;  // the connection, not the id
          PrintError(err);
          return false;
        }
        if (!options.wait || Finished(*job)) return true;
        if (!queue.Wait(1000, &err)) break;
      }
    }
    if (!options.wait) {
      PrintError("--store: " + err);
      return false;
    }
    if (!said_away) std::fprintf(stderr, "judge: waiting for the store (%s)\n", err.c_str());
    said_away = true;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

int RunStatus(const Context& context, const StatusOptions& options) {
  QueuedJob job;
  if (!ReadJob(context, options, &job)) return kExitUsage;
  Judgement judgement;
  const bool judged = job.state == "judged";
  if (judged) {
    try {
      judgement = nlohmann::json::parse(job.judgement).get<Judgement>();
    } catch (const nlohmann::json::exception& e) {
      return PrintError("job " + std::to_string(job.id) + ": its stored judgement does not read (" +
                        e.what() + ")");
    }
  }
  const int exit_code = !Finished(job)                            ? kExitNotJudgedYet
                        : !judged                                 ? kExitUsage
                        : judgement.verdict == Verdict::kAccepted ? kExitAccepted
                                                                  : kExitNotAccepted;
  if (options.json) {
    nlohmann::json j = {{"id", job.id},
                        {"state", job.state},
                        {"reason", job.reason},
                        {"problem", job.problem},
                        {"user", job.user},
                        {"source", job.source_name},
                        {"language", job.language},
                        {"attempts", job.attempts},
                        {"worker", job.worker},
                        {"worker_cpu", job.worker_cpu},
                        {"created_at", job.created_at},
                        {"finished_at", job.finished_at}};
    if (judged) {
      j["judgement"] = nlohmann::json::parse(job.judgement);
      j["run_id"] = job.run_id;
    }
    std::printf("%s\n", j.dump(2).c_str());
    return exit_code;
  }
  const Terminal term(stdout);
  if (judged) {
    PrintJudgement(judgement, term, stdout);
    std::printf("%s\n", term.Paint("Job " + std::to_string(job.id) + ": judged by " + job.worker +
                                       " (" + job.worker_cpu + ") as run " +
                                       std::to_string(job.run_id) + " of " + job.user,
                                   Color::kDim)
                            .c_str());
  } else {
    std::printf("Job %lld: %s", static_cast<long long>(job.id), job.state.c_str());
    if (!job.worker.empty()) std::printf(" (%s, claim %d)", job.worker.c_str(), job.attempts);
    if (!job.reason.empty()) std::printf(": %s", job.reason.c_str());
    std::printf("\n");
  }
  return exit_code;
}

}  // namespace

void SetupStatusCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<StatusOptions>();
  command->add_option("id", options->id, "The job id `judge submit` printed")->required();
  command->add_flag("--wait", options->wait, "Wait until the job is judged, refused or failed");
  command->add_flag("--json", options->json, "Print one JSON object");
  command->callback([context, options] { context->exit_code = RunStatus(*context, *options); });
}

}  // namespace judge::cli
