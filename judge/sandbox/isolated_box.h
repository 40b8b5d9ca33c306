// Boxes, which LocalSandbox keeps for a series of runs of one spec (internal to judge/sandbox/).
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "judge/sandbox/isolated_run.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct PreparedKeeper;

// The start error of a box whose keeper died between runs (it dies with the thread that made
// it): the run did not start, and a fresh box can run it.
inline constexpr char kBoxKeeperGone[] = "sandbox: the box's keeper is gone";

// A box, as isolate calls it: one keeper, its namespaces, private root and cgroup, kept for a
// series of runs of the same spec (a competitive problem's tests, a timing run's passes), so
// that the isolation is paid for once. Each run is a fresh program, given its files as
// descriptors; before the next, every process it left is killed and its /tmp emptied. A run
// past its wall limit ends the box (Fits() is then false). One Run at a time.
class IsolatedBox {
 public:
  // Null, with *err, when the box cannot be set up.
  static std::unique_ptr<IsolatedBox> Open(const ProcessSpec& spec, const IsolatedSetup& setup,
                                           std::string* err);
  ~IsolatedBox();
  IsolatedBox(const IsolatedBox&) = delete;
  IsolatedBox& operator=(const IsolatedBox&) = delete;

  // The box is alive and was made for exactly this spec.
  bool Fits(const ProcessSpec& spec) const;
  ProcessResult Run(const ProcessSpec& spec);

 private:
  IsolatedBox() = default;
  void Close();

  ProcessSpec shape_;
  std::unique_ptr<PreparedKeeper> keeper_state_;
  pid_t keeper_ = -1;
  int socket_ = -1;
  double cpu_seconds_so_far_ = 0;  // of the box's earlier runs, as they reported it
};

}  // namespace judge
