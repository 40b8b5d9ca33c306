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

// Whether `device` says it can lend its memory to another process this way; false + why otherwise
// (an old driver, a virtualised GPU without it).
bool DeviceCanShareMemory(int device, std::string* why);
// Whether lending works here, tried end to end in this process: allocate, export, import and map
// again, a byte written through one mapping read through the other. The checker tries it once,
// before any case, in the sandbox the runner's process gets too, so that the fallback to a
// single process is decided by trusted code alone, never by a runner that says it cannot map.
bool MemoryLendingWorks(int device, std::string* why);

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
