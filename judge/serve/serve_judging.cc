#include "judge/serve/serve_judging.h"

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/json/short_json.h"
#include "judge/run/judge.h"
#include "judge/store/record_run.h"
#include "judge/store/store.h"
#include "judge/store/store_location.h"
#include "judge/testset/test_loader.h"
#include "judge/timing/submission_timing.h"

namespace judge {
namespace {

constexpr char kCustomGroup[] = "custom";

nlohmann::json Error(const std::string& message) {
  return {{"type", "error"}, {"message", message}};
}

// Run's groups: the sample groups (IsSampleGroup); a problem with none runs its first group.
bool SampleGroups(const Workspace& workspace, const Problem& problem, std::vector<std::string>* out,
                  std::string* err) {
  std::vector<TestGroup> groups;
  if (!ListTestGroups(workspace.testcases() / problem.slug, &groups, err)) return false;
  for (const auto& group : groups)
    if (IsSampleGroup(group.name)) out->push_back(group.name);
  if (out->empty() && !groups.empty()) out->push_back(groups.front().name);
  return true;
}

// The person's own input as a test whose answer the reference computes (and the answers cache
// keeps, by the input), as a generated case's is.
bool CustomTest(const Problem& problem, const nlohmann::json& input, TestCase* out,
                std::string* err) {
  if (IsInteractive(problem))
    return Fail("custom input: an interactive problem's input is what its interactor says", err);
  if (!ValidateInput(problem, input, err)) return Fail("custom input: " + *err, err);
  out->name = std::string(kCustomGroup) + "/your-input";
  out->group = kCustomGroup;
  out->input = input;
  out->generated = true;
  out->show_values = true;
  out->generator_key = "custom input\n" + input.dump();
  return true;
}

}  // namespace

nlohmann::json JudgeServeJob(const ServeJudging& setup, const JobRequest& request,
                             const JudgingQueue::Emit& emit,
                             const JudgingQueue::Cancelled& cancelled) {
  Problem problem;
  std::string err;
  if (request.slug.find('/') != std::string::npos || request.slug.rfind('.', 0) == 0 ||
      !LoadProblem(setup.workspace.problems() / request.slug, &problem, &err))
    return Error("no problem \"" + request.slug + "\"");
  if (problem.style == Style::kGpu)
    return Error(problem.slug + " is a GPU problem: judge it with `judge gpu run` on a machine " +
                 "with a GPU");
  const LanguageInfo* language = FindLanguage(request.language);
  if (!language) return Error("unknown language \"" + request.language + "\"");
  if (!CanJudge(*language, problem, &err)) return Error(err);

  JudgeOptions options;
  options.language = language->name;
  const bool custom = !request.submit && !request.custom_input.is_null();
  if (custom) {
    TestCase test;
    if (!CustomTest(problem, request.custom_input, &test, &err)) return Error(err);
    options.extra_tests.push_back(std::move(test));
    options.only_groups = {kCustomGroup};
  } else if (!request.submit) {
    options.all_tests = true;
    if (!SampleGroups(setup.workspace, problem, &options.only_groups, &err)) return Error(err);
  }
  options.on_test = [&](const TestResult& result) {
    nlohmann::json event = result;
    event["type"] = "test";
    // Your own input's answer is shown even when it matches, as LeetCode shows it.
    if (custom) {
      event["expected"] = ShortJson(result.expected, kShownValueChars);
      event["received"] = ShortJson(result.received, kShownValueChars);
      event["input"] = ShortJson(result.input, kShownValueChars);
    }
    emit(event);
  };
  options.cancelled = cancelled;

  const TempDir folder;  // the source's, removed when the job ends
  if (!folder.ok())
    return Error("cannot make a folder for the source in " + TemporaryFolder().string());
  const auto source = folder.path() / ("solution" + language->extensions.front());
  if (!WriteFileAtomic(source, request.source, &err)) return Error(err);
  const std::unique_ptr<Sandbox> sandbox = setup.make_sandbox();
  Judgement judgement;
  if (!JudgeSubmission(setup.workspace, problem, source, options, *sandbox, &judgement, &err))
    return Error(err);

  nlohmann::json done = {{"type", "done"}, {"judgement", judgement}};
  SubmissionTiming timing;
  const bool timed = request.submit && request.bench && judgement.verdict == Verdict::kAccepted;
  if (timed) {
    emit({{"type", "timing"}});
    if (!TimeSubmission(setup.workspace, problem, judgement, {}, *sandbox, &timing, &err))
      return Error(err);
    done["bench"] = timing;
  }
  if (request.submit && !setup.store.empty()) {
    RunRecord record = MakeRunRecord(judgement, timed ? &timing : nullptr, request.user);
    auto store = Store::Open(setup.store, &err);
    if (!store || !store->Record(&record, &err))
      return Error(MaskedLocation(setup.store) + ": " + err);
    done["run_id"] = record.id;
  }
  return done;
}

}  // namespace judge
