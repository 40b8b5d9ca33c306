// The allreduce problem's half of its checker (gpu/harness/gpu_problem.h): kRunnerProblem, which
// asks for the device's copy bandwidth (the single-GPU floor is a fraction of it), and its
// GpuCase: the ranks' buffers (lent to the runner's process when the check runs apart), the
// judge's inputs, the entry point's arguments, and the exact check. The call itself, with the
// ranks' streams, is allreduce_call.cu's.
//
// Placement: with at least `ranks` visible GPUs, rank r lives on device r (peer access enabled
// between every pair that supports it); otherwise every rank's buffer is a separate allocation on
// device 0, which still makes a ring move its data.
//
// The submission overwrites its inputs in place, so the check cannot compare against kept copies;
// instead the inputs are defined by formula (allreduce_inputs.h) and a kernel on each rank's
// device regenerates every rank's input, sums it and compares the rank's buffer with the sum
// exactly. NaN never equals anything, so an element left as NaN fails. For small counts the host
// repeats the comparison in plain C++ to catch a broken GPU check.
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "gpu/allreduce/allreduce_inputs.h"
#include "gpu/allreduce/allreduce_shape.h"
#include "gpu/harness/cuda_check.h"
#include "gpu/harness/device_buffer.h"
#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {
namespace {

constexpr int kThreads = 256;
constexpr size_t kMaxBlocks = 4096;  // grid-stride beyond
// Up to this many elements per rank, the host checks the GPU check.
constexpr size_t kHostCrossCheckMaxCount = 65536;

// What the comparison kernel leaves for one rank.
struct MismatchSummary {
  unsigned long long wrong;        // elements that differ from the sum, NaN included
  unsigned long long first_wrong;  // the lowest such index; ULLONG_MAX when none
  unsigned int max_error_bits;     // largest |got - want| as float bits; +inf for NaN
};

int BlocksFor(size_t count) {
  const size_t blocks = (count + kThreads - 1) / kThreads;
  if (blocks < 1) return 1;  // a launch needs one block even with nothing to do
  return static_cast<int>(blocks < kMaxBlocks ? blocks : kMaxBlocks);
}

__device__ float LoadAsFloat(const float* p, size_t i) { return p[i]; }
__device__ float LoadAsFloat(const __half* p, size_t i) { return __half2float(p[i]); }
__device__ float LoadAsFloat(const __nv_bfloat16* p, size_t i) { return __bfloat162float(p[i]); }

template <typename T>
__global__ void CompareWithExpectedSum(const T* got, size_t count, RankSeeds seeds,
                                       MismatchSummary* out) {
  unsigned long long wrong = 0, first_wrong = ULLONG_MAX;
  float max_error = 0;
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<size_t>(gridDim.x) * blockDim.x) {
    const float value = LoadAsFloat(got, i);
    const float want = ExpectedSum(seeds, i);
    if (value == want) continue;  // false for NaN, which is therefore wrong
    ++wrong;
    if (i < first_wrong) first_wrong = i;
    float error = fabsf(value - want);
    if (!(error <= INFINITY)) error = INFINITY;  // NaN
    max_error = fmaxf(max_error, error);
  }
  if (wrong == 0) return;
  atomicAdd(&out->wrong, wrong);
  atomicMin(&out->first_wrong, first_wrong);
  // Non-negative floats order as their bit patterns do.
  atomicMax(&out->max_error_bits, __float_as_uint(max_error));
}

void LaunchCompare(const void* buffer, DType type, size_t count, const RankSeeds& seeds,
                   MismatchSummary* out) {
  switch (type) {
    case DType::kF32:
      CompareWithExpectedSum<<<BlocksFor(count), kThreads>>>(static_cast<const float*>(buffer),
                                                             count, seeds, out);
      break;
    case DType::kF16:
      CompareWithExpectedSum<<<BlocksFor(count), kThreads>>>(static_cast<const __half*>(buffer),
                                                             count, seeds, out);
      break;
    case DType::kBF16:
      CompareWithExpectedSum<<<BlocksFor(count), kThreads>>>(
          static_cast<const __nv_bfloat16*>(buffer), count, seeds, out);
      break;
  }
  CUDA_CHECK(cudaGetLastError());
}

std::string FormatValue(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// Peer access lets a kernel on one GPU dereference another's buffers. Enabling it twice (a
// previous case did) is not an error here, and must not stay behind as the last CUDA error.
void EnablePeerAccess(const std::vector<int>& devices) {
  for (int from : devices) {
    for (int to : devices) {
      if (from == to) continue;
      int can = 0;
      CUDA_CHECK(cudaDeviceCanAccessPeer(&can, from, to));
      if (!can) continue;
      CUDA_CHECK(cudaSetDevice(from));
      const cudaError_t status = cudaDeviceEnablePeerAccess(to, 0);
      if (status == cudaErrorPeerAccessAlreadyEnabled) {
        cudaGetLastError();
        continue;
      }
      CUDA_CHECK(status);
    }
  }
}

class AllreduceCase : public GpuCase {
 public:
  // `copy_gbps`: the device's measured copy bandwidth (0 when not measured: no floor then).
  // Throws CudaError when allocation or stream creation fails.
  AllreduceCase(const AllreduceShape& shape, double copy_gbps)
      : shape_(shape), copy_gbps_(copy_gbps) {
    int device_count = 0;
    CUDA_CHECK(cudaGetDeviceCount(&device_count));
    separate_gpus_ = device_count >= shape.ranks;
    for (int r = 0; r < shape.ranks; ++r) devices_.push_back(separate_gpus_ ? r : 0);
    if (separate_gpus_) EnablePeerAccess(devices_);
    for (int r = 0; r < shape.ranks; ++r) {
      CUDA_CHECK(cudaSetDevice(devices_[r]));
      buffers_.emplace_back(BytesPerRank(shape), SubmissionMemory());
      summaries_.emplace_back(sizeof(MismatchSummary));
      pointers_.push_back(buffers_.back().get());
    }
    CUDA_CHECK(cudaSetDevice(devices_[0]));
  }

  ~AllreduceCase() override {
    // Free each rank's memory with its own device current.
    for (size_t r = 0; r < buffers_.size(); ++r) {
      cudaSetDevice(devices_[r]);
      buffers_[r] = DeviceBuffer();
      summaries_[r] = DeviceBuffer();
    }
    if (!devices_.empty()) cudaSetDevice(devices_[0]);
  }

  // The inputs are also the outputs: there is nothing to poison. An element the submission
  // leaves alone keeps its input, which is not the sum unless the other ranks' inputs there
  // add up to 0.
  void NewInputs(uint64_t seed) override {
    seeds_ = MakeRankSeeds(seed, shape_.ranks);
    for (int r = 0; r < shape_.ranks; ++r) {
      CUDA_CHECK(cudaSetDevice(devices_[r]));  // FillIntegers works on the current device
      FillIntegers(pointers_[r], shape_.dtype, shape_.count, seeds_.seed[r], kAllreduceInputLo,
                   kAllreduceInputHi);
    }
    CUDA_CHECK(cudaSetDevice(devices_[0]));
  }

  SubmissionCall Call() const override {
    SubmissionCall call;
    for (const DeviceBuffer& buffer : buffers_) call.buffers.push_back(&buffer);
    call.devices = devices_;
    // allreduce_sum's arguments besides the buffers and devices (allreduce_call.cu reads them).
    call.args = {{"count", shape_.count}, {"dtype", static_cast<int>(shape_.dtype)}};
    return call;
  }

  CaseCheck Check() override {
    std::vector<MismatchSummary> found = CompareOnDevices();
    CaseCheck check;
    check.tolerance = 0;
    unsigned long long total_wrong = 0;
    int worst_rank = -1;  // the first rank with a wrong element
    for (int r = 0; r < shape_.ranks; ++r) {
      total_wrong += found[r].wrong;
      unsigned int bits = found[r].max_error_bits;
      float error = 0;
      static_assert(sizeof bits == sizeof error);
      std::memcpy(&error, &bits, sizeof error);
      if (error > check.max_error) check.max_error = error;
      if (found[r].wrong > 0 && worst_rank < 0) worst_rank = r;
    }
    if (shape_.count <= kHostCrossCheckMaxCount) {
      std::string disagreement;
      if (!HostAgrees(found, &disagreement)) {
        check.ok = false;
        check.detail = "judge error, please report: " + disagreement;
        return check;
      }
    }
    if (worst_rank < 0) {
      check.ok = true;
      check.detail =
          "every element of all " + std::to_string(shape_.ranks) + " ranks equals the exact sum";
      return check;
    }
    check.ok = false;
    check.detail = DescribeMismatch(worst_rank, found[worst_rank], total_wrong);
    return check;
  }

  // The whole output after every timed call: one pass over each rank's buffer, a fraction of the
  // call's own traffic. The buffers are the inputs and the outputs at once, and the sums come
  // from the seeds, never from what the buffers hold: there are no inputs to check apart.
  CaseCheck CheckTimedCall(uint64_t) override { return Check(); }

  std::vector<Figure> Figures(double seconds) const override {
    const double algbw = AlgorithmBandwidth(static_cast<double>(BytesPerRank(shape_)), seconds);
    // busbw first: the main figure, comparable across rank counts, and the score's.
    std::vector<Figure> figures = {{"busbw_gbps", BusBandwidth(algbw, shape_.ranks)},
                                   {"algbw_gbps", algbw}};
    if (!separate_gpus_)
      figures.push_back({"fraction_of_floor", FractionOfFloor(FloorSeconds(), seconds)});
    return figures;
  }

  // The floor is a property of one memory; across GPUs the links set the pace instead.
  double FloorSeconds() const override {
    return separate_gpus_ ? 0 : SingleGpuFloorSeconds(shape_, copy_gbps_);
  }

 private:
  // Runs the comparison kernel for every rank (each on its own device), then collects.
  std::vector<MismatchSummary> CompareOnDevices() {
    const MismatchSummary none = {0, ULLONG_MAX, 0};
    for (int r = 0; r < shape_.ranks; ++r) {
      CUDA_CHECK(cudaSetDevice(devices_[r]));
      auto* summary = static_cast<MismatchSummary*>(summaries_[r].get());
      CUDA_CHECK(cudaMemcpy(summary, &none, sizeof none, cudaMemcpyHostToDevice));
      LaunchCompare(pointers_[r], shape_.dtype, shape_.count, seeds_, summary);
    }
    std::vector<MismatchSummary> found(shape_.ranks);
    for (int r = 0; r < shape_.ranks; ++r) {
      CUDA_CHECK(cudaSetDevice(devices_[r]));
      CUDA_CHECK(cudaMemcpy(&found[r], summaries_[r].get(), sizeof(MismatchSummary),
                            cudaMemcpyDeviceToHost));  // waits for the kernel
    }
    CUDA_CHECK(cudaSetDevice(devices_[0]));
    return found;
  }

  // Rank `rank`'s buffer as floats (the conversion runs on the rank's device).
  std::vector<float> CopyRank(int rank, size_t begin, size_t count) {
    CUDA_CHECK(cudaSetDevice(devices_[rank]));
    const char* base = static_cast<const char*>(pointers_[rank]);
    std::vector<float> values =
        CopyToHostAsFloat(base + begin * DTypeBytes(shape_.dtype), shape_.dtype, count);
    CUDA_CHECK(cudaSetDevice(devices_[0]));
    return values;
  }

  // The host's own count of wrong elements per rank must equal the GPU's.
  bool HostAgrees(const std::vector<MismatchSummary>& found, std::string* disagreement) {
    for (int r = 0; r < shape_.ranks; ++r) {
      const std::vector<float> values = CopyRank(r, 0, shape_.count);
      unsigned long long wrong = 0;
      for (size_t i = 0; i < shape_.count; ++i) wrong += !(values[i] == ExpectedSum(seeds_, i));
      if (wrong != found[r].wrong) {
        *disagreement = "rank " + std::to_string(r) + ": the GPU check counted " +
                        std::to_string(found[r].wrong) + " wrong elements, the host " +
                        std::to_string(wrong);
        return false;
      }
    }
    return true;
  }

  std::string DescribeMismatch(int rank, const MismatchSummary& summary,
                               unsigned long long total_wrong) {
    const size_t index = static_cast<size_t>(summary.first_wrong);
    std::string where = "rank " + std::to_string(rank) + ", element " + std::to_string(index);
    if (index >= shape_.count) return where + ": wrong (index out of range: judge error)";
    const float got = CopyRank(rank, index, 1)[0];
    const float want = ExpectedSum(seeds_, index);
    return where + ": got " + FormatValue(got) + ", want " + FormatValue(want) + " (" +
           std::to_string(summary.wrong) + " of " + std::to_string(shape_.count) +
           " elements wrong on rank " + std::to_string(rank) + ", " + std::to_string(total_wrong) +
           " on all " + std::to_string(shape_.ranks) + " ranks)";
  }

  AllreduceShape shape_;
  double copy_gbps_ = 0;
  bool separate_gpus_ = false;
  std::vector<int> devices_;
  std::vector<DeviceBuffer> buffers_;
  std::vector<DeviceBuffer> summaries_;  // one MismatchSummary per rank, on its device
  std::vector<void*> pointers_;
  RankSeeds seeds_;
};

std::unique_ptr<GpuCase> MakeAllreduceCase(const nlohmann::json& spec, const DeviceRates& rates,
                                           std::string* err) {
  AllreduceShape shape;
  if (!ParseAllreduceShape(spec, &shape, err)) return nullptr;
  return std::make_unique<AllreduceCase>(shape, rates.copy_gbps);
}

}  // namespace

const GpuProblem kRunnerProblem = {/*uses_matmul_bf16_tflops=*/false, /*uses_copy_gbps=*/true,
                                   &MakeAllreduceCase};

}  // namespace judge::gpu
