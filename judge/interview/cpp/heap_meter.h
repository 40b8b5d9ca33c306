// The heap a sanitized program holds, counted by AddressSanitizer's allocation hooks. Under ASan
// the resident size says little about the program: shadow memory (an eighth of what it touches),
// redzones around every block and the quarantine of freed blocks come on top, and the address
// space holds terabytes of reserved shadow, so RLIMIT_AS cannot bound it either. The hooks see
// exactly the bytes the program asked for. Without ASan this part is empty.
//
// Part of the C++ harness runtime (harness_runtime.h) and of the heap report a sanitized
// competitive program carries (harness_heap_report.h). Thread-safe: the hooks run on every thread
// that allocates.

#if defined(__SANITIZE_ADDRESS__)
#include <atomic>
#include <cstddef>

extern "C" {
// Declared by <sanitizer/allocator_interface.h>, which g++ 12 does not ship; libasan has them.
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*, size_t),
                                              void (*free_hook)(const volatile void*));
size_t __sanitizer_get_allocated_size(const volatile void* pointer);
}

namespace judge_harness {

// Constant-initialized, so a hook that runs before any constructor finds them ready.
inline std::atomic<long long> heap_live_bytes{0};
inline std::atomic<long long> heap_peak_bytes{0};

inline void CountAllocation(const volatile void*, size_t size) {
  const long long now =
      heap_live_bytes.fetch_add(static_cast<long long>(size), std::memory_order_relaxed) +
      static_cast<long long>(size);
  long long peak = heap_peak_bytes.load(std::memory_order_relaxed);
  while (now > peak &&
         !heap_peak_bytes.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}

// Runs before the block is released, while its size can still be asked.
inline void CountRelease(const volatile void* pointer) {
  if (pointer == nullptr) return;
  heap_live_bytes.fetch_sub(static_cast<long long>(__sanitizer_get_allocated_size(pointer)),
                            std::memory_order_relaxed);
}

inline void InstallHeapHooks() {
  __sanitizer_install_malloc_and_free_hooks(&CountAllocation, &CountRelease);
}

// Starts a measurement: the peak from here on, above what is live now. Returns what is live.
inline long long ResetHeapPeak() {
  const long long live = heap_live_bytes.load(std::memory_order_relaxed);
  heap_peak_bytes.store(live, std::memory_order_relaxed);
  return live;
}

inline long long HeapPeakBytes() { return heap_peak_bytes.load(std::memory_order_relaxed); }

}  // namespace judge_harness
#endif  // __SANITIZE_ADDRESS__
