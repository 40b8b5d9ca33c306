#include "judge/serve/judging_queue.h"

#include <gtest/gtest.h>

#include <atomic>

namespace judge {
namespace {

using namespace std::chrono_literals;

// Waits for a job's last event, watching it as a page would; returns every event.
std::vector<nlohmann::json> WaitForEnd(JudgingQueue& queue, int64_t id) {
  std::vector<nlohmann::json> all, more;
  bool finished = false;
  while (!finished) {
    if (!queue.Events(id, all.size(), 1000ms, &more, &finished)) break;
    all.insert(all.end(), more.begin(), more.end());
  }
  return all;
}

TEST(JudgingQueueTest, JudgesEveryJobAtMostWorkersAtATime) {
  std::atomic<int> running{0}, most{0};
  JudgingQueue queue(2, 60s,
                     [&](const JobRequest& request, const JudgingQueue::Emit& emit,
                         const JudgingQueue::Cancelled&) {
                       const int now = ++running;
                       int seen = most.load();
                       while (now > seen && !most.compare_exchange_weak(seen, now)) {
                       }
                       std::this_thread::sleep_for(2ms);
                       emit({{"type", "test"}, {"name", request.slug}});
                       --running;
                       return nlohmann::json{{"type", "done"}, {"slug", request.slug}};
                     });
  std::vector<int64_t> ids;
  for (int i = 0; i < 50; ++i) ids.push_back(queue.Add({"p" + std::to_string(i), "cpp", "", "u"}));
  for (int i = 0; i < 50; ++i) {
    const auto events = WaitForEnd(queue, ids[i]);
    ASSERT_EQ(events.size(), 4u) << "queued, started, test, done";
    EXPECT_EQ(events[0]["type"], "queued");
    EXPECT_EQ(events[1]["type"], "started");
    EXPECT_EQ(events[2]["name"], "p" + std::to_string(i));
    EXPECT_EQ(events[3]["slug"], "p" + std::to_string(i));
  }
  const QueueStats stats = queue.Stats();
  EXPECT_EQ(stats.finished, 50);
  EXPECT_LE(stats.peak_running, 2);
  EXPECT_LE(most.load(), 2);
  EXPECT_EQ(stats.queued, 0);
}

TEST(JudgingQueueTest, AJobNobodyWatchesIsCancelledBeforeItStarts) {
  std::atomic<int> judged{0};
  JudgingQueue queue(
      1, 50ms, [&](const JobRequest&, const JudgingQueue::Emit&, const JudgingQueue::Cancelled&) {
        ++judged;
        std::this_thread::sleep_for(200ms);  // longer than the unwatched job may wait
        return nlohmann::json{{"type", "done"}};
      });
  const int64_t first = queue.Add({"a", "cpp", "", "u"});
  const int64_t second = queue.Add({"b", "cpp", "", "u"});
  // Only the first is watched; the second's tab "closed".
  const auto events = WaitForEnd(queue, first);
  EXPECT_EQ(events.back()["type"], "done");
  // Waits without asking about the second job: asking would count as watching it.
  for (int i = 0; i < 250 && queue.Stats().finished < 2; ++i) std::this_thread::sleep_for(20ms);
  std::vector<nlohmann::json> rest;
  bool finished = false;
  ASSERT_TRUE(queue.Events(second, 0, 0ms, &rest, &finished));
  ASSERT_TRUE(finished);
  EXPECT_EQ(rest.back()["type"], "cancelled");
  EXPECT_EQ(judged.load(), 1);
  EXPECT_EQ(queue.Stats().cancelled, 1);
}

TEST(JudgingQueueTest, ARunningJobStopsWhenNobodyWatches) {
  JudgingQueue queue(
      1, 50ms,
      [&](const JobRequest&, const JudgingQueue::Emit&, const JudgingQueue::Cancelled& cancelled) {
        for (int i = 0; i < 1000 && !cancelled(); ++i) std::this_thread::sleep_for(10ms);
        return nlohmann::json{{"type", "error"}, {"message", "cancelled"}};
      });
  const int64_t id = queue.Add({"a", "cpp", "", "u"});
  std::vector<nlohmann::json> events;
  bool finished = false;
  ASSERT_TRUE(queue.Events(id, 0, 0ms, &events, &finished));  // seen once, then abandoned
  for (int i = 0; i < 100 && queue.Stats().finished == 0; ++i)
    std::this_thread::sleep_for(20ms);  // not watching: a poll would count as watching
  ASSERT_TRUE(queue.Events(id, 0, 0ms, &events, &finished));
  ASSERT_TRUE(finished) << "the job ran on, unwatched";
  EXPECT_EQ(events.back()["type"], "cancelled");
}

TEST(JudgingQueueTest, AnUnknownJobHasNoEvents) {
  JudgingQueue queue(
      1, 60s, [](const JobRequest&, const JudgingQueue::Emit&, const JudgingQueue::Cancelled&) {
        return nlohmann::json();
      });
  std::vector<nlohmann::json> events;
  bool finished = false;
  EXPECT_FALSE(queue.Events(42, 0, 0ms, &events, &finished));
}

}  // namespace
}  // namespace judge
