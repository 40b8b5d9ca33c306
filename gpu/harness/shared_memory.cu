#include <cuda.h>
#include <cudaTypedefs.h>
#include <cuda_runtime.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "gpu/harness/cuda_check.h"
#include "gpu/harness/shared_memory.h"

namespace judge::gpu {
namespace {

// The driver functions this file uses, looked up once through cudart.
struct DriverApi {
  PFN_cuDeviceGetAttribute_v2000 device_attribute = nullptr;
  PFN_cuMemGetAllocationGranularity_v10020 granularity = nullptr;
  PFN_cuMemCreate_v10020 create = nullptr;
  PFN_cuMemRelease_v10020 release = nullptr;
  PFN_cuMemAddressReserve_v10020 reserve = nullptr;
  PFN_cuMemAddressFree_v10020 address_free = nullptr;
  PFN_cuMemMap_v10020 map = nullptr;
  PFN_cuMemUnmap_v10020 unmap = nullptr;
  PFN_cuMemSetAccess_v10020 set_access = nullptr;
  PFN_cuMemExportToShareableHandle_v10020 export_handle = nullptr;
  PFN_cuMemImportFromShareableHandle_v10020 import_handle = nullptr;
  PFN_cuGetErrorName_v6000 error_name = nullptr;
  std::string missing;  // the first function the driver did not give
};

template <typename Function>
void Look(const char* name, unsigned version, Function* out, std::string* missing) {
  void* found = nullptr;
  cudaDriverEntryPointQueryResult result{};
  if (cudaGetDriverEntryPointByVersion(name, &found, version, cudaEnableDefault, &result) !=
          cudaSuccess ||
      result != cudaDriverEntryPointSuccess || !found) {
    if (missing->empty()) *missing = name;
    return;
  }
  *out = reinterpret_cast<Function>(found);
}

const DriverApi& Driver() {
  static const DriverApi api = [] {
    DriverApi d;
    Look("cuDeviceGetAttribute", 2000, &d.device_attribute, &d.missing);
    Look("cuMemGetAllocationGranularity", 10020, &d.granularity, &d.missing);
    Look("cuMemCreate", 10020, &d.create, &d.missing);
    Look("cuMemRelease", 10020, &d.release, &d.missing);
    Look("cuMemAddressReserve", 10020, &d.reserve, &d.missing);
    Look("cuMemAddressFree", 10020, &d.address_free, &d.missing);
    Look("cuMemMap", 10020, &d.map, &d.missing);
    Look("cuMemUnmap", 10020, &d.unmap, &d.missing);
    Look("cuMemSetAccess", 10020, &d.set_access, &d.missing);
    Look("cuMemExportToShareableHandle", 10020, &d.export_handle, &d.missing);
    Look("cuMemImportFromShareableHandle", 10020, &d.import_handle, &d.missing);
    Look("cuGetErrorName", 6000, &d.error_name, &d.missing);
    return d;
  }();
  if (!api.missing.empty())
    throw CudaError("the CUDA driver does not give " + api.missing +
                    " (too old for sharing memory)");
  return api;
}

void Check(CUresult status, const char* what) {
  if (status == CUDA_SUCCESS) return;
  const char* name = nullptr;
  if (Driver().error_name) Driver().error_name(status, &name);
  throw CudaError(std::string(what) + ": " +
                  (name ? name : "CUDA driver error " + std::to_string(status)));
}

CUmemAllocationProp PropertiesOn(int device) {
  CUmemAllocationProp properties{};
  properties.type = CU_MEM_ALLOCATION_TYPE_PINNED;
  properties.location.type = CU_MEM_LOCATION_TYPE_DEVICE;
  properties.location.id = device;
  properties.requestedHandleTypes = CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR;
  return properties;
}

// The driver's memory calls want an initialised context on the device; cudart makes one on first
// use. The caller's current device is left as it was.
void EnsureContext(int device) {
  int current = 0;
  CUDA_CHECK(cudaGetDevice(&current));
  CUDA_CHECK(cudaSetDevice(device));
  CUDA_CHECK(cudaFree(nullptr));
  CUDA_CHECK(cudaSetDevice(current));
}

size_t RoundedUp(size_t bytes, int device) {
  const CUmemAllocationProp properties = PropertiesOn(device);
  size_t granularity = 0;
  Check(Driver().granularity(&granularity, &properties, CU_MEM_ALLOC_GRANULARITY_MINIMUM),
        "cuMemGetAllocationGranularity");
  const size_t at_least = bytes > 0 ? bytes : 1;
  return (at_least + granularity - 1) / granularity * granularity;
}

// Reserves an address range, maps the allocation there and opens it to `devices`. On failure,
// undoes what it did (not the allocation, which is the caller's) and throws.
void* MapFor(unsigned long long handle, size_t mapped_bytes, const std::vector<int>& devices) {
  const DriverApi& d = Driver();
  CUdeviceptr address = 0;
  Check(d.reserve(&address, mapped_bytes, 0, 0, 0), "cuMemAddressReserve");
  CUresult status = d.map(address, mapped_bytes, 0, handle, 0);
  if (status == CUDA_SUCCESS) {
    std::vector<CUmemAccessDesc> access(devices.size());
    for (size_t i = 0; i < devices.size(); ++i) {
      access[i].location.type = CU_MEM_LOCATION_TYPE_DEVICE;
      access[i].location.id = devices[i];
      access[i].flags = CU_MEM_ACCESS_FLAGS_PROT_READWRITE;
    }
    status = d.set_access(address, mapped_bytes, access.data(), access.size());
    if (status != CUDA_SUCCESS) d.unmap(address, mapped_bytes);
  }
  if (status != CUDA_SUCCESS) {
    d.address_free(address, mapped_bytes);
    Check(status, "mapping shared device memory");
  }
  return reinterpret_cast<void*>(static_cast<uintptr_t>(address));
}

// Whether `device` says it can lend its memory this way; false + why otherwise.
bool DeviceCanShareMemory(int device, std::string* why) {
  try {
    const DriverApi& d = Driver();
    int vmm = 0, posix_fd = 0;
    Check(d.device_attribute(&vmm, CU_DEVICE_ATTRIBUTE_VIRTUAL_MEMORY_MANAGEMENT_SUPPORTED, device),
          "cuDeviceGetAttribute");
    Check(d.device_attribute(
              &posix_fd, CU_DEVICE_ATTRIBUTE_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR_SUPPORTED, device),
          "cuDeviceGetAttribute");
    if (!vmm || !posix_fd) {
      *why = !vmm ? "device " + std::to_string(device) + " has no virtual memory management"
                  : "device " + std::to_string(device) +
                        " cannot export memory as a POSIX file descriptor";
      return false;
    }
    return true;
  } catch (const CudaError& e) {
    *why = e.what();
    return false;
  }
}

// The trial of MemoryLendingWorks on one device.
bool LendingWorksOn(int device, std::string* why) {
  if (!DeviceCanShareMemory(device, why)) return false;
  SharedMapping lent, taken;
  int fd = -1;
  bool same = false;
  try {
    lent = AllocateSharedMemory(1, device);
    fd = ExportSharedMemory(lent);
    taken = ImportSharedMemory(fd, lent.mapped_bytes, device, {});
    // Written through the second mapping, read through the first: one memory.
    const unsigned char pattern = 0xA5;
    unsigned char seen = 0;
    CUDA_CHECK(cudaMemset(taken.ptr, pattern, 1));
    CUDA_CHECK(cudaMemcpy(&seen, lent.ptr, 1, cudaMemcpyDeviceToHost));
    same = seen == pattern;
    if (!same) *why = "a second mapping of lent memory does not show the same bytes";
  } catch (const CudaError& e) {
    *why = e.what();
  }
  if (fd >= 0) close(fd);
  ReleaseSharedMemory(&taken);
  ReleaseSharedMemory(&lent);
  return same;
}

}  // namespace

bool MemoryLendingWorks(std::string* why) {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess) {
    *why = "no CUDA device to lend memory from";
    return false;
  }
  for (int device = 0; device < count; ++device)
    if (!LendingWorksOn(device, why)) return false;
  return true;
}

SharedMapping AllocateSharedMemory(size_t bytes, int device) {
  const DriverApi& d = Driver();
  EnsureContext(device);
  SharedMapping out;
  out.mapped_bytes = RoundedUp(bytes, device);
  const CUmemAllocationProp properties = PropertiesOn(device);
  CUmemGenericAllocationHandle handle = 0;
  Check(d.create(&handle, out.mapped_bytes, &properties, 0), "cuMemCreate");
  out.handle = handle;
  try {
    out.ptr = MapFor(handle, out.mapped_bytes, {device});
  } catch (...) {
    d.release(handle);
    throw;
  }
  return out;
}

int ExportSharedMemory(const SharedMapping& mapping) {
  int fd = -1;
  Check(Driver().export_handle(&fd, mapping.handle, CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR, 0),
        "cuMemExportToShareableHandle");
  return fd;
}

SharedMapping ImportSharedMemory(int fd, size_t bytes, int device, const std::vector<int>& peers) {
  const DriverApi& d = Driver();
  EnsureContext(device);
  SharedMapping out;
  out.mapped_bytes = RoundedUp(bytes, device);
  if (out.mapped_bytes != bytes)
    throw CudaError("a lent buffer of " + std::to_string(bytes) +
                    " bytes, not a whole number of the device's allocation granules");
  CUmemGenericAllocationHandle handle = 0;
  Check(d.import_handle(&handle, reinterpret_cast<void*>(static_cast<uintptr_t>(fd)),
                        CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR),
        "cuMemImportFromShareableHandle");
  out.handle = handle;
  std::vector<int> devices = {device};
  for (int peer : peers) {
    int can = 0;
    if (peer != device && cudaDeviceCanAccessPeer(&can, peer, device) == cudaSuccess && can)
      devices.push_back(peer);
  }
  try {
    out.ptr = MapFor(handle, out.mapped_bytes, devices);
  } catch (...) {
    d.release(handle);
    throw;
  }
  return out;
}

void ReleaseSharedMemory(SharedMapping* mapping) {
  if (mapping->empty()) return;
  try {
    const DriverApi& d = Driver();
    const auto address = static_cast<CUdeviceptr>(reinterpret_cast<uintptr_t>(mapping->ptr));
    d.unmap(address, mapping->mapped_bytes);
    d.address_free(address, mapping->mapped_bytes);
    d.release(mapping->handle);
  } catch (const CudaError&) {
    // No driver functions: nothing was mapped through them.
  }
  *mapping = SharedMapping();
}

}  // namespace judge::gpu
