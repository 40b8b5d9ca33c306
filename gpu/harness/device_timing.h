// Timing primitives for runners. Pure C++ declarations; CUDA inside device_timing.cu.
#pragma once

#include "gpu/harness/device_sync.h"

namespace judge::gpu {

// Evicts the current device's L2 by writing a buffer twice its size, so a timed run starts cold
// as it would inside a real model.
void FlushL2();

// Seconds of one call to `work`, timed with CUDA events on the legacy stream placed after a
// device-wide synchronisation on each side: work on any stream of any device is inside it.
template <typename Work>
double TimeOnce(Work&& work);

// The pieces TimeOnce is made of, for callers that want them apart.
class EventTimer {
 public:
  EventTimer();
  ~EventTimer();
  EventTimer(const EventTimer&) = delete;
  EventTimer& operator=(const EventTimer&) = delete;
  void Start();          // synchronise all devices, then record the start event
  double StopSeconds();  // synchronise all devices, record the stop event, return the elapsed time

 private:
  int device_ = 0;         // the events' device: a submission may leave another one current
  void* start_ = nullptr;  // cudaEvent_t
  void* stop_ = nullptr;
};

template <typename Work>
double TimeOnce(Work&& work) {
  EventTimer timer;
  timer.Start();
  work();
  return timer.StopSeconds();
}

}  // namespace judge::gpu
