#include <cublas_v2.h>

#include <vector>

#include "gpu/harness/cuda_check.h"
#include "gpu/harness/device_buffer.h"
#include "gpu/harness/device_rates.h"
#include "gpu/harness/device_timing.h"
#include "gpu/harness/stats.h"

namespace judge::gpu {
namespace {

constexpr int kWarmup = 3;
constexpr int kRepetitions = 10;

void CublasCheck(cublasStatus_t status, const char* what) {
  if (status != CUBLAS_STATUS_SUCCESS)
    throw CudaError(std::string(what) + ": " + cublasGetStatusName(status));
}

template <typename Work>
double MedianSeconds(Work&& work) {
  for (int i = 0; i < kWarmup; ++i) work();
  std::vector<double> seconds;
  EventTimer timer;
  for (int i = 0; i < kRepetitions; ++i) {
    timer.Start();
    work();
    seconds.push_back(timer.StopSeconds());
  }
  return Summarise(seconds).median;
}

}  // namespace

double MeasureBf16MatmulTflops() {
  constexpr int n = 8192;
  const size_t elements = static_cast<size_t>(n) * n;
  DeviceBuffer a(elements * 2), b(elements * 2), c(elements * 4);
  FillUniform(a.get(), DType::kBF16, elements, 1, -1, 1);
  FillUniform(b.get(), DType::kBF16, elements, 2, -1, 1);
  cublasHandle_t handle;
  CublasCheck(cublasCreate(&handle), "cublasCreate");
  const float alpha = 1, beta = 0;
  auto gemm = [&] {
    CublasCheck(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &alpha, a.get(),
                             CUDA_R_16BF, n, b.get(), CUDA_R_16BF, n, &beta, c.get(), CUDA_R_32F, n,
                             CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
                "cublasGemmEx");
  };
  double seconds = 0;
  try {
    seconds = MedianSeconds(gemm);
  } catch (...) {
    cublasDestroy(handle);
    throw;
  }
  cublasDestroy(handle);
  return 2.0 * n * n * n / seconds / 1e12;
}

double MeasureDeviceCopyGBps() {
  const size_t bytes = size_t{1} << 30;
  DeviceBuffer from(bytes), to(bytes);
  CUDA_CHECK(cudaMemset(from.get(), 1, bytes));
  const double seconds = MedianSeconds([&] {
    CUDA_CHECK(cudaMemcpyAsync(to.get(), from.get(), bytes, cudaMemcpyDeviceToDevice, 0));
  });
  return 2.0 * static_cast<double>(bytes) / seconds / 1e9;
}

std::vector<Figure> MeasureDeviceRates(const GpuProblem& problem, DeviceRates* rates) {
  std::vector<Figure> figures;
  if (problem.uses_matmul_bf16_tflops) {
    rates->matmul_bf16_tflops = MeasureBf16MatmulTflops();
    figures.push_back({"matmul_bf16_tflops", rates->matmul_bf16_tflops});
  }
  if (problem.uses_copy_gbps) {
    rates->copy_gbps = MeasureDeviceCopyGBps();
    figures.push_back({"copy_gbps", rates->copy_gbps});
  }
  return figures;
}

}  // namespace judge::gpu
