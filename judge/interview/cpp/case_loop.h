// The case loop: Problem<Class> registers the constructors and methods the generated main names,
// then CaseLoop runs a function problem or a design problem case by case, one result line each.
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake). What follows JUDGE_HARNESS_DEFINITIONS
// is compiled once with the runtime, not with every solution (harness_runtime.h): only the
// class's own operations are compiled with the solution.

namespace judge_harness {

class CaseLoop {
 public:
  explicit CaseLoop(std::string class_name) : class_name_(std::move(class_name)) {}
  const std::string& class_name() const { return class_name_; }
  void AddConstructor(std::unique_ptr<Operation> operation) {
    constructors_.push_back(std::move(operation));
  }
  void AddMethod(std::unique_ptr<Operation> operation) { methods_.push_back(std::move(operation)); }

  // Function problems: each line is the argument list of the one method; the output is its
  // result.
  int RunFunction(int argc, char** argv);
  // Design problems: each line is [operations, arguments]; the first operation constructs. The
  // output lists every operation's result, null for the constructor and void methods.
  int RunDesign(int argc, char** argv);

 private:
  struct Step {
    Operation* operation;
    size_t index;
  };

  int Run(int argc, char** argv, bool design);
  void ParseFunction(Cursor& c, std::vector<Step>& steps);
  void ParseDesign(Cursor& c, std::vector<Step>& steps);
  Operation* Find(const std::string& name, size_t position, const Cursor& c);
  bool RunSteps(Meter& meter, const std::vector<Step>& steps, Result& result);
  void WriteOutputs(const std::vector<Step>& steps, bool design, std::string& out);

  std::string class_name_;
  std::vector<std::unique_ptr<Operation>> constructors_;
  std::vector<std::unique_ptr<Operation>> methods_;
};

template <class Class>
class Problem {
 public:
  explicit Problem(std::string class_name) : loop_(std::move(class_name)) {}

  template <class... Args>
  void Constructor() {
    loop_.AddConstructor(
        std::make_unique<ConstructorOperation<Class, Args...>>(loop_.class_name()));
  }

  template <class Ret, class... Args, class F>
  void Method(std::string name, F call) {
    loop_.AddMethod(std::make_unique<MethodOperation<Class, Ret, F, Args...>>(std::move(name),
                                                                              std::move(call)));
  }

  int RunFunction(int argc, char** argv) { return loop_.RunFunction(argc, argv); }
  int RunDesign(int argc, char** argv) { return loop_.RunDesign(argc, argv); }

 private:
  CaseLoop loop_;
};

#ifdef JUDGE_HARNESS_DEFINITIONS

int CaseLoop::RunFunction(int argc, char** argv) { return Run(argc, argv, /*design=*/false); }

int CaseLoop::RunDesign(int argc, char** argv) { return Run(argc, argv, /*design=*/true); }

void CaseLoop::ParseFunction(Cursor& c, std::vector<Step>& steps) {
  static constexpr char kNoArguments[] = "[]";
  Cursor none{kNoArguments, kNoArguments, kNoArguments + 2};
  steps.push_back({constructors_.at(0).get(), constructors_[0]->Parse(none)});
  steps.push_back({methods_.at(0).get(), methods_[0]->Parse(c)});
  ExpectEndOfLine(c);
}

void CaseLoop::ParseDesign(Cursor& c, std::vector<Step>& steps) {
  Expect(c, '[');
  const std::vector<std::string> names = Read<std::vector<std::string>>(c);
  Expect(c, ',');
  if (names.empty()) throw InputError("no operations: the first must be " + class_name_);
  if (!OpenArray(c)) Fail(c, "one argument list per operation");
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0 && !NextElement(c))
      throw InputError(std::to_string(names.size()) + " operations but " + std::to_string(i) +
                       " argument lists");
    Operation* operation = Find(names[i], i, c);
    try {
      steps.push_back({operation, operation->Parse(c)});
    } catch (const InputError& e) {
      throw InputError("operation " + std::to_string(i) + " (\"" + names[i] + "\"): " + e.what());
    }
  }
  if (NextElement(c))
    throw InputError(std::to_string(names.size()) + " operations but more argument lists");
  Expect(c, ']');
  ExpectEndOfLine(c);
}

Operation* CaseLoop::Find(const std::string& name, size_t position, const Cursor& c) {
  const std::string where = "operation " + std::to_string(position) + " (\"" + name + "\")";
  if (position == 0) {
    if (name != class_name_)
      throw InputError(where + ": the first operation must be " + class_name_);
    const size_t count = CountElements(c);
    for (auto& constructor : constructors_)
      if (constructor->arity() == count) return constructor.get();
    throw InputError(where + ": no constructor takes " + std::to_string(count) + " arguments");
  }
  for (auto& method : methods_)
    if (method->name() == name) return method.get();
  throw InputError(where + ": not a method of " + class_name_);
}

// Calls each line of the cases file with one case, as a Cursor over the line.
template <class Each>
void ForEachLine(const std::string& data, Each each) {
  size_t start = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    const char* line = data.data() + start;
    Cursor c{line, line, data.data() + end};
    each(c);
    start = end + 1;
  }
}

int CaseLoop::Run(int argc, char** argv, bool design) {
  const Options options = ParseOptions(argc, argv);
  PrepareProcess();
  const std::string data = ReadWholeFile(options.cases_file);
  Meter meter(options.time_limit_ms, options.wall_limit_ms, options.memory_limit_kb);
  std::vector<Step> steps;
  ForEachLine(data, [&](Cursor& c) {
    steps.clear();
    for (auto& o : constructors_) o->Clear();
    for (auto& o : methods_) o->Clear();
    Result result;
    try {
      if (design)
        ParseDesign(c, steps);
      else
        ParseFunction(c, steps);
      if (RunSteps(meter, steps, result)) WriteOutputs(steps, design, result.payload);
    } catch (const InputError& e) {
      result.status = "input_error";
      result.payload = e.what();
    }
    WriteResult(result);
  });
  return 0;
}

// Runs a parsed case under the meter; false if the solution threw (`result` says how).
bool CaseLoop::RunSteps(Meter& meter, const std::vector<Step>& steps, Result& result) {
  for (auto& o : methods_) o->Reserve();
  Instance object;
  bool ok = true;
  meter.Start();
  try {
    for (const Step& step : steps) step.operation->Call(object, step.index);
    result.usage = meter.Stop();
  } catch (...) {
    result.usage = meter.Stop();
    ok = false;
    DescribeCurrentException(result);
  }
  object.Reset();  // after Stop: the solution's destructor is not charged
  return ok;
}

void CaseLoop::WriteOutputs(const std::vector<Step>& steps, bool design, std::string& out) {
  if (!design) {
    steps.back().operation->WriteOutput(out, steps.back().index);
    return;
  }
  out += '[';
  for (size_t i = 0; i < steps.size(); ++i) {
    if (i > 0) out += ',';
    steps[i].operation->WriteOutput(out, steps[i].index);
  }
  out += ']';
}

#endif  // JUDGE_HARNESS_DEFINITIONS

}  // namespace judge_harness
