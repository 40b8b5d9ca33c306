// Device memory that two processes map: the checker makes it (cuMemCreate with POSIX file
// descriptor handles), lends it to the runner as a descriptor (call_channel.h), and the runner
// maps the same physical memory into its own context (gpu/PROTOCOL.md, "Two processes"). The
// driver's virtual memory API is reached through cudart's driver entry points, so that nothing
// links libcuda, which only a machine with the driver has. Pure C++; errors throw CudaError.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace judge::gpu {

struct SharedMapping {
  void* ptr = nullptr;
  size_t mapped_bytes = 0;        // the size rounded up to the allocation granularity
  unsigned long long handle = 0;  // the driver's allocation handle
  bool empty() const { return ptr == nullptr; }
};

// Whether every visible device can lend its memory here, tried end to end in this process: the
// device says it can (an old driver or a virtualised GPU may not), then allocate, export, import
// and map again, a byte written through one mapping read through the other; false + why for the
// first device that cannot. gpu_probe tries it before any submission runs, in the sandbox the
// checker and the runner get, so that the fallback to a single process is decided by trusted code
// alone; the checker tries it again before any case.
bool MemoryLendingWorks(std::string* why);

// At least `bytes` on `device`, mapped read-write for it.
SharedMapping AllocateSharedMemory(size_t bytes, int device);
// A new descriptor for the allocation; the caller closes it (after sending it).
int ExportSharedMemory(const SharedMapping& mapping);
// The runner's side: maps the allocation `fd` names, read-write for `device` and for each of
// `peers` that can reach it. `bytes` is the checker's mapped_bytes (a whole number of granules);
// the descriptor stays the caller's.
SharedMapping ImportSharedMemory(int fd, size_t bytes, int device, const std::vector<int>& peers);
// Unmaps and releases; never throws (destructors call it).
void ReleaseSharedMemory(SharedMapping* mapping);

}  // namespace judge::gpu
