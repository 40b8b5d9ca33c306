// How runners report CUDA failures: a CudaError carries the error's name and where it was seen,
// and becomes an RE verdict naming it ("cudaErrorIllegalAddress: an illegal memory access...").
#pragma once

#include <stdexcept>
#include <string>

namespace judge::gpu {

class CudaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace judge::gpu
