// The case loop: Problem<Class> registers the constructors and methods the generated main names,
// then runs a function problem or a design problem case by case, one result line each.
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake).

namespace judge_harness {

template <class Class>
class Problem {
 public:
  explicit Problem(std::string class_name) : class_name_(std::move(class_name)) {}

  template <class... Args>
  void Constructor() {
    constructors_.push_back(std::make_unique<ConstructorOperation<Class, Args...>>(class_name_));
  }

  template <class Ret, class... Args, class F>
  void Method(std::string name, F call) {
    methods_.push_back(std::make_unique<MethodOperation<Class, Ret, F, Args...>>(std::move(name),
                                                                                 std::move(call)));
  }

  // Function problems: each line is the argument list of the one method; the output is its
  // result.
  int RunFunction(int argc, char** argv) {
    return Run(argc, argv, /*design=*/false, [&](Cursor& c, std::vector<Step>& steps) {
      static constexpr char kNoArguments[] = "[]";
      Cursor none{kNoArguments, kNoArguments, kNoArguments + 2};
      steps.push_back({constructors_.at(0).get(), constructors_[0]->Parse(none)});
      steps.push_back({methods_.at(0).get(), methods_[0]->Parse(c)});
      ExpectEndOfLine(c);
    });
  }

  // Design problems: each line is [operations, arguments]; the first operation constructs. The
  // output lists every operation's result, null for the constructor and void methods.
  int RunDesign(int argc, char** argv) {
    return Run(argc, argv, /*design=*/true,
               [&](Cursor& c, std::vector<Step>& steps) { ParseDesign(c, steps); });
  }

 private:
  struct Step {
    Operation<Class>* operation;
    size_t index;
  };

  void ParseDesign(Cursor& c, std::vector<Step>& steps) {
    Expect(c, '[');
    const std::vector<std::string> names = Read<std::vector<std::string>>(c);
    Expect(c, ',');
    if (names.empty()) throw InputError("no operations: the first must be " + class_name_);
    if (!OpenArray(c)) Fail(c, "one argument list per operation");
    for (size_t i = 0; i < names.size(); ++i) {
      if (i > 0 && !NextElement(c))
        throw InputError(std::to_string(names.size()) + " operations but " + std::to_string(i) +
                         " argument lists");
      Operation<Class>* operation = Find(names[i], i, c);
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

  Operation<Class>* Find(const std::string& name, size_t position, const Cursor& c) {
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

  template <class ParseCase>
  int Run(int argc, char** argv, bool design, ParseCase parse_case) {
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
        parse_case(c, steps);
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
  bool RunSteps(Meter& meter, const std::vector<Step>& steps, Result& result) {
    for (auto& o : methods_) o->Reserve();
    std::unique_ptr<Class> object;
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
    object.reset();  // after Stop: the solution's destructor is not charged
    return ok;
  }

  void WriteOutputs(const std::vector<Step>& steps, bool design, std::string& out) {
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

  std::string class_name_;
  std::vector<std::unique_ptr<Operation<Class>>> constructors_;
  std::vector<std::unique_ptr<Operation<Class>>> methods_;
};

}  // namespace judge_harness
