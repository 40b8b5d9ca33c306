#include "judge/serve/judging_queue.h"

#include <algorithm>

namespace judge {
namespace {

// Finished jobs are kept so that a page that reconnects still finds its result; past this many
// the oldest finished ones are forgotten.
constexpr size_t kKeptJobs = 1000;

}  // namespace

JudgingQueue::JudgingQueue(int workers, std::chrono::milliseconds abandon_after, Judge judge)
    : abandon_after_(abandon_after), judge_(std::move(judge)) {
  stats_.workers = std::max(1, workers);
  for (int i = 0; i < stats_.workers; ++i) workers_.emplace_back([this] { Work(); });
}

JudgingQueue::~JudgingQueue() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& worker : workers_) worker.join();
}

int64_t JudgingQueue::Add(JobRequest request) {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t id = next_id_++;
  Job& job = jobs_[id];
  job.request = std::move(request);
  job.last_watched = std::chrono::steady_clock::now();
  job.events.push_back(
      {{"type", "queued"}, {"ahead", pending_.size() + static_cast<size_t>(stats_.running)}});
  pending_.push_back(id);
  ++stats_.queued;
  work_ready_.notify_one();
  return id;
}

bool JudgingQueue::Events(int64_t id, size_t from, std::chrono::milliseconds wait,
                          std::vector<nlohmann::json>* out, bool* finished) {
  std::unique_lock<std::mutex> lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return false;
  it->second.last_watched = std::chrono::steady_clock::now();
  event_ready_.wait_for(lock, wait, [&] {
    const auto job = jobs_.find(id);
    return job == jobs_.end() || job->second.events.size() > from || job->second.finished;
  });
  it = jobs_.find(id);
  if (it == jobs_.end()) return false;
  Job& job = it->second;
  job.last_watched = std::chrono::steady_clock::now();
  out->clear();
  for (size_t i = from; i < job.events.size(); ++i) out->push_back(job.events[i]);
  *finished = job.finished;
  return true;
}

QueueStats JudgingQueue::Stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

bool JudgingQueue::Abandoned(const Job& job) const {
  return stopping_ || std::chrono::steady_clock::now() - job.last_watched > abandon_after_;
}

void JudgingQueue::Push(int64_t id, nlohmann::json event) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_[id].events.push_back(std::move(event));
  }
  event_ready_.notify_all();
}

void JudgingQueue::Finish(int64_t id, nlohmann::json last) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (last.value("type", "") == "cancelled") ++stats_.cancelled;
    Job& job = jobs_[id];
    job.events.push_back(std::move(last));
    job.finished = true;
    ++stats_.finished;
    // Forget the oldest finished jobs past kKeptJobs (ids grow, so map order is age).
    for (auto it = jobs_.begin(); jobs_.size() > kKeptJobs && it != jobs_.end();)
      it = it->second.finished ? jobs_.erase(it) : std::next(it);
  }
  event_ready_.notify_all();
}

void JudgingQueue::Work() {
  for (;;) {
    int64_t id = 0;
    JobRequest request;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
      if (stopping_) return;
      id = pending_.front();
      pending_.pop_front();
      --stats_.queued;
      Job& job = jobs_[id];
      if (Abandoned(job)) {
        lock.unlock();
        Finish(id, {{"type", "cancelled"}, {"message", "nobody was waiting for it"}});
        continue;
      }
      request = job.request;
      ++stats_.running;
      stats_.peak_running = std::max(stats_.peak_running, stats_.running);
      job.events.push_back({{"type", "started"}});
    }
    event_ready_.notify_all();
    const Emit emit = [this, id](const nlohmann::json& event) { Push(id, event); };
    const Cancelled cancelled = [this, id] {
      std::lock_guard<std::mutex> lock(mutex_);
      return Abandoned(jobs_[id]);
    };
    nlohmann::json last = judge_(request, emit, cancelled);
    if (cancelled() && last.value("type", "") != "done")
      last = {{"type", "cancelled"}, {"message", "nobody was waiting for it"}};
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --stats_.running;
    }
    Finish(id, std::move(last));
  }
}

}  // namespace judge
