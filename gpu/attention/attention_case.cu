// The attention problem's half of its checker (gpu/harness/gpu_problem.h): kRunnerProblem, which
// asks for the device's bf16 matmul rate (figures are fractions of it) and copy bandwidth (the
// physical floor), and its GpuCase. A case holds device buffers for q, k, v, o of one shape (lent
// to the runner's process when the check runs apart), fresh inputs per seed, the entry point's
// arguments, the check and the case's figures. The call itself is attention_call.cu's.
//
// Check() trusts nothing it did not compute: it first checks on the device that q, k and v still
// hold what the seed wrote (a submission that zeroes v and writes zeros is WA), then recomputes
// the GPU references from the harness's own copies of them every time (after every timed call,
// for 32 rows drawn after the call), and for cases small enough (batch * heads * seq_len^2 *
// head_dim <= 2^27) they are themselves checked against the CPU's fp64 math (attention_math.h)
// before they judge anything.
#include <cuda_runtime.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "gpu/attention/attention_inputs.h"
#include "gpu/attention/attention_math.h"
#include "gpu/attention/attention_reference.h"
#include "gpu/attention/attention_shape.h"
#include "gpu/harness/cuda_check.h"
#include "gpu/harness/device_buffer.h"
#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {
namespace {

// Up to this much work (batch * heads * seq_len^2 * head_dim, the multiply-adds of one of the two
// matmuls) the CPU recomputes both references: under half a second per check at the most.
constexpr double kCpuCheckMaxWork = 134217728.0;  // 2^27
// Rows read after every timed call: each is one thread block of the reference kernel, so the
// check costs a few microseconds, and a call that skipped a fraction f of the rows escapes it
// with probability (1 - f)^32 per call (under 4% for f = 0.1, over 20 calls under 1e-28).
constexpr size_t kSampledRows = 32;

class AttentionCase : public GpuCase {
 public:
  // Throws CudaError if the buffers cannot be had.
  AttentionCase(const AttentionShape& shape, const DeviceRates& rates)
      : shape_(shape),
        scale_(1.0f / std::sqrt(static_cast<float>(shape.head_dim))),
        elements_(AttentionElements(shape)),
        rates_(rates),
        q_(elements_ * DTypeBytes(shape.dtype), SubmissionMemory()),
        k_(elements_ * DTypeBytes(shape.dtype), SubmissionMemory()),
        v_(elements_ * DTypeBytes(shape.dtype), SubmissionMemory()),
        o_(elements_ * DTypeBytes(shape.dtype), SubmissionMemory()),
        own_q_(elements_ * DTypeBytes(shape.dtype)),
        own_k_(elements_ * DTypeBytes(shape.dtype)),
        own_v_(elements_ * DTypeBytes(shape.dtype)),
        reference_(elements_ * sizeof(float)),
        same_precision_(elements_ * sizeof(float)),
        sampled_rows_(kSampledRows * sizeof(unsigned long long)),
        sampled_reference_(kSampledRows * shape.head_dim * sizeof(float)),
        sampled_same_precision_(kSampledRows * shape.head_dim * sizeof(float)) {
    CUDA_CHECK(cudaGetDevice(&device_));
  }

  // The inputs go to the harness's own copies first, then to the buffers the submission gets:
  // the references are computed from the own copies, which the submission never has (when
  // checked apart its process maps only q, k, v and o), so inputs it changes at any moment, even
  // while a check runs, cannot bend the expected output.
  void NewInputs(uint64_t seed) override {
    seed_ = seed;
    const size_t bytes = elements_ * DTypeBytes(shape_.dtype);
    for (auto [own, lent, tensor] : {std::tuple{&own_q_, &q_, AttentionTensor::kQ},
                                     std::tuple{&own_k_, &k_, AttentionTensor::kK},
                                     std::tuple{&own_v_, &v_, AttentionTensor::kV}}) {
      Fill(*own, tensor);
      CUDA_CHECK(cudaMemcpy(lent->get(), own->get(), bytes, cudaMemcpyDeviceToDevice));
    }
    FillNaN(o_.get(), shape_.dtype, elements_);
  }

  SubmissionCall Call() const override {
    // attention_forward's arguments after the buffers (attention_call.cu reads them).
    const nlohmann::json args = {{"batch", shape_.batch},
                                 {"heads", shape_.heads},
                                 {"seq_len", shape_.seq_len},
                                 {"head_dim", shape_.head_dim},
                                 {"dtype", static_cast<int>(shape_.dtype)},
                                 {"causal", shape_.causal ? 1 : 0},
                                 {"scale", scale_}};
    return {{&q_, &k_, &v_, &o_}, {device_, device_, device_, device_}, args};
  }

  CaseCheck Check() override {
    CUDA_CHECK(cudaDeviceSynchronize());  // the runner has synchronised; this is for other callers
    CaseCheck check;
    // A submission that changed its inputs is WA however its output compares.
    if (!InputsIntact(&check.detail)) return check;
    ComputeAttentionReferences(shape_, scale_, own_q_.get(), own_k_.get(), own_v_.get(),
                               static_cast<float*>(reference_.get()),
                               static_cast<float*>(same_precision_.get()));
    const std::vector<float> got = CopyToHostAsFloat(o_.get(), shape_.dtype, elements_);
    const std::vector<float> reference =
        CopyToHostAsFloat(reference_.get(), DType::kF32, elements_);
    const std::vector<float> same =
        CopyToHostAsFloat(same_precision_.get(), DType::kF32, elements_);
    VerifyReferences(reference, same);
    const AttentionComparison comparison = CompareAttentionOutputs(shape_, got, reference, same);
    full_tolerance_ = comparison.tolerance;
    return AsCaseCheck(comparison);
  }

  CaseCheck CheckTimedCall(uint64_t sample_seed) override {
    CUDA_CHECK(cudaDeviceSynchronize());
    CaseCheck check;
    if (!InputsIntact(&check.detail)) return check;
    const std::vector<size_t> rows = SampleAttentionRows(shape_, sample_seed, kSampledRows);
    const std::vector<unsigned long long> row_indices(rows.begin(), rows.end());
    CUDA_CHECK(cudaMemcpy(sampled_rows_.get(), row_indices.data(),
                          row_indices.size() * sizeof(unsigned long long), cudaMemcpyHostToDevice));
    ComputeAttentionReferenceRows(shape_, scale_, own_q_.get(), own_k_.get(), own_v_.get(),
                                  static_cast<const unsigned long long*>(sampled_rows_.get()),
                                  rows.size(), static_cast<float*>(sampled_reference_.get()),
                                  static_cast<float*>(sampled_same_precision_.get()));
    const size_t row_elements = rows.size() * shape_.head_dim;
    std::vector<float> got;
    got.reserve(row_elements);
    const size_t row_bytes = shape_.head_dim * DTypeBytes(shape_.dtype);
    for (size_t row : rows) {
      const std::vector<float> values = CopyToHostAsFloat(
          static_cast<const char*>(o_.get()) + row * row_bytes, shape_.dtype, shape_.head_dim);
      got.insert(got.end(), values.begin(), values.end());
    }
    const std::vector<float> reference =
        CopyToHostAsFloat(sampled_reference_.get(), DType::kF32, row_elements);
    const std::vector<float> same =
        CopyToHostAsFloat(sampled_same_precision_.get(), DType::kF32, row_elements);
    return AsCaseCheck(CompareAttentionRows(shape_, rows, got, reference, same, full_tolerance_));
  }

  std::vector<Figure> Figures(double seconds) const override {
    const double tflops = seconds > 0 ? AttentionFlops(shape_) / seconds / 1e12 : 0;
    return {{"tflops", tflops},
            {"fraction_of_matmul",
             rates_.matmul_bf16_tflops > 0 ? tflops / rates_.matmul_bf16_tflops : 0}};
  }

  double FloorSeconds() const override {
    return AttentionFloorSeconds(shape_, rates_.copy_gbps, rates_.matmul_bf16_tflops);
  }

 private:
  // Whether q, k and v still hold what the seed wrote, checked on the device; false: *detail says
  // which input changed.
  bool InputsIntact(std::string* detail) {
    CUDA_CHECK(cudaDeviceSynchronize());
    const struct {
      const DeviceBuffer& buffer;
      AttentionTensor tensor;
      const char* name;
    } inputs[] = {{q_, AttentionTensor::kQ, "q"},
                  {k_, AttentionTensor::kK, "k"},
                  {v_, AttentionTensor::kV, "v"}};
    for (const auto& input : inputs) {
      const size_t changed = CountUniformMismatches(
          input.buffer.get(), shape_.dtype, elements_, AttentionTensorSeed(seed_, input.tensor),
          AttentionInputLow(input.tensor), AttentionInputHigh(input.tensor));
      if (changed > 0) {
        *detail = "the submission changed its input " + std::string(input.name) + ": " +
                  std::to_string(changed) + " of " + std::to_string(elements_) +
                  " elements differ from what the harness wrote";
        return false;
      }
    }
    return true;
  }

  static CaseCheck AsCaseCheck(const AttentionComparison& comparison) {
    CaseCheck check;
    check.ok = comparison.ok;
    check.detail = comparison.detail;
    check.max_error = comparison.max_error;
    check.tolerance = comparison.tolerance;
    return check;
  }

  void Fill(const DeviceBuffer& buffer, AttentionTensor tensor) {
    FillUniform(buffer.get(), shape_.dtype, elements_, AttentionTensorSeed(seed_, tensor),
                AttentionInputLow(tensor), AttentionInputHigh(tensor));
  }

  // The references decide verdicts, so they are checked too: a failure here is the harness's
  // fault, never the submission's, and is thrown rather than judged.
  void VerifyReferences(const std::vector<float>& reference, const std::vector<float>& same) const {
    std::string err;
    if (!AttentionReferencesFinite(shape_, reference, same, &err)) {
      throw std::logic_error("attention " + DescribeAttentionShape(shape_) + ": " + err);
    }
    const double work = static_cast<double>(shape_.batch) * shape_.heads * shape_.seq_len *
                        shape_.seq_len * shape_.head_dim;
    if (work > kCpuCheckMaxWork) return;
    const std::vector<float> q = CopyToHostAsFloat(own_q_.get(), shape_.dtype, elements_);
    const std::vector<float> k = CopyToHostAsFloat(own_k_.get(), shape_.dtype, elements_);
    const std::vector<float> v = CopyToHostAsFloat(own_v_.get(), shape_.dtype, elements_);
    // The inputs themselves must be what the seed says (FillUniform's contract).
    if (q != AttentionInputOnHost(shape_, seed_, AttentionTensor::kQ) ||
        k != AttentionInputOnHost(shape_, seed_, AttentionTensor::kK) ||
        v != AttentionInputOnHost(shape_, seed_, AttentionTensor::kV)) {
      throw std::logic_error("attention " + DescribeAttentionShape(shape_) +
                             ": the device inputs differ from counter_random.h's (a harness bug)");
    }
    if (!AttentionReferencesAgree(shape_, reference, same,
                                  AttentionReference(shape_, scale_, q, k, v),
                                  AttentionSamePrecision(shape_, scale_, q, k, v), &err)) {
      throw std::logic_error("attention " + DescribeAttentionShape(shape_) + ": " + err);
    }
  }

  const AttentionShape shape_;
  const float scale_;
  const size_t elements_;
  const DeviceRates rates_;
  uint64_t seed_ = 0;
  double full_tolerance_ = 0;           // the last full check's, the least a sampled check allows
  DeviceBuffer q_, k_, v_, o_;          // the submission's (lent to its process when checked apart)
  DeviceBuffer own_q_, own_k_, own_v_;  // the harness's copies, which the references read
  DeviceBuffer reference_, same_precision_;
  DeviceBuffer sampled_rows_, sampled_reference_, sampled_same_precision_;
  int device_ = 0;
};

std::unique_ptr<GpuCase> MakeAttentionCase(const nlohmann::json& spec, const DeviceRates& rates,
                                           std::string* err) {
  AttentionShape shape;
  if (!ParseAttentionShape(spec, &shape, err)) return nullptr;
  return std::make_unique<AttentionCase>(shape, rates);
}

}  // namespace

const GpuProblem kRunnerProblem = {/*uses_matmul_bf16_tflops=*/true, /*uses_copy_gbps=*/true,
                                   &MakeAttentionCase};

}  // namespace judge::gpu
