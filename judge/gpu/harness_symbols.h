// Whether a submission replaces part of the runner it is linked into. A submission is linked with
// the judge's harness (the runner's main, the timing, the checks) and with libraries, so a
// function it defines could stand in for one of theirs: `main`, the harness's timing, or a
// library function the timing rests on (clock_gettime, cudaEventElapsedTime). The linker refuses
// a second strong definition of what it links statically, but an object's definition silently
// takes the place of a shared library's for the whole process. So the runner is linked with a
// cross-reference map (ld -Map --cref --no-demangle), and a submission may define only its entry
// point and names that nothing else in the runner uses or defines, and none in the harness's
// namespace `judge`.
#pragma once

#include <filesystem>
#include <string>

namespace judge::gpu {

// Reads the linker's map of a runner. `submission_dir` holds the submission's objects (nvcc
// writes them under its TMPDIR, the build folder). Returns "" when the submission replaces
// nothing, else a one-line compile error naming the first symbol it replaces and whose it is (or
// saying that the map holds no cross-reference table, which is refused rather than trusted).
std::string FindHarnessCollision(const std::string& map_text,
                                 const std::filesystem::path& submission_dir,
                                 const std::string& entry_point);

}  // namespace judge::gpu
