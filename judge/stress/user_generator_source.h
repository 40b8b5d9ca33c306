// Small cases from a person's own generator (`judge stress --gen GEN`), as online-judge-tools
// and cph users write them: a program run as `GEN SEED` that prints one input on stdout. It is
// built through the language table like a competitive solution and run in the sandbox. Its params
// are its own, so it cannot be shrunk like the problem's generators: after a failure the next
// seeds are tried, within a budget, and the shortest failing input is kept. Not thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "judge/lang/language.h"
#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/sandbox/sandbox.h"
#include "judge/stress/case_source.h"

namespace judge {

// Seeds tried after a failure (those after the failing one's), for a shorter failing input.
inline constexpr int kUserGeneratorShrinkSeeds = 100;

class UserGeneratorSource : public CaseSource {
 public:
  // Builds `generator` for a competitive `problem`; seeds count up from `seed`. Null with *err
  // when it does not build ("gen.cpp: does not compile: ...").
  static std::unique_ptr<UserGeneratorSource> Make(const Workspace& workspace,
                                                   const Problem& problem,
                                                   const std::filesystem::path& generator,
                                                   Sandbox& sandbox, uint64_t seed,
                                                   std::string* err);

  // A generator that fails (crashes, exits non-zero, runs past 10 s) is an error naming the seed.
  bool Fresh(size_t count, std::vector<SmallCase>* out, std::string* err) override;
  bool Smaller(const SmallCase& failing, std::vector<SmallCase>* batch, std::string* err) override;
  std::string ShrinkMethod() const override;

 private:
  UserGeneratorSource(const std::filesystem::path& generator, Program program, Sandbox& sandbox,
                      uint64_t seed);
  bool Generate(uint64_t seed, SmallCase* out, std::string* err);

  std::filesystem::path generator_;
  Program program_;
  Sandbox& sandbox_;
  uint64_t next_seed_;
  bool shrink_tried_ = false;
};

}  // namespace judge
