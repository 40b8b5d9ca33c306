// The calls a case makes: each constructor and method of the solution's class is an Operation
// that parses its arguments before the clock starts and keeps its results until they are written.
// The runtime drives Operations without knowing the class: the object lives in an Instance.
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake).

namespace judge_harness {

// The solution's object, owned without naming its class.
class Instance {
 public:
  Instance() = default;
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;
  ~Instance() { Reset(); }

  template <class Class>
  void Hold(Class* object) {
    Reset();
    object_ = object;
    destroy_ = [](void* p) { delete static_cast<Class*>(p); };
  }
  template <class Class>
  Class& As() {
    return *static_cast<Class*>(object_);
  }
  void Reset() {
    if (object_ != nullptr) destroy_(object_);
    object_ = nullptr;
  }

 private:
  void* object_ = nullptr;
  void (*destroy_)(void*) = nullptr;
};

class Operation {  // a constructor or a method, with the arguments of each call in a case
 public:
  Operation(std::string name, size_t arity) : name_(std::move(name)), arity_(arity) {}
  virtual ~Operation() = default;
  const std::string& name() const { return name_; }
  size_t arity() const { return arity_; }
  virtual void Clear() = 0;
  virtual size_t Parse(Cursor& c) = 0;  // returns the call's index
  virtual void Reserve() = 0;           // room for every result, so Call never reallocates
  virtual void Call(Instance& object, size_t index) = 0;
  virtual void WriteOutput(std::string& out, size_t index) = 0;

 private:
  std::string name_;
  size_t arity_;
};

template <class Class, class... Args>
class ConstructorOperation : public Operation {
 public:
  explicit ConstructorOperation(std::string class_name)
      : Operation(std::move(class_name), sizeof...(Args)) {}
  void Clear() override { calls_.clear(); }
  size_t Parse(Cursor& c) override {
    calls_.push_back(ReadArguments<Args...>(c));
    return calls_.size() - 1;
  }
  void Reserve() override {}
  void Call(Instance& object, size_t index) override {
    object.Hold(std::apply([](Args&... args) { return new Class(args...); }, calls_[index]));
  }
  void WriteOutput(std::string& out, size_t) override { out += "null"; }

 private:
  std::vector<std::tuple<Args...>> calls_;
};

// Every function problem's constructor: nothing to store per call.
template <class Class>
class ConstructorOperation<Class> : public Operation {
 public:
  explicit ConstructorOperation(std::string class_name) : Operation(std::move(class_name), 0) {}
  void Clear() override {}
  size_t Parse(Cursor& c) override {
    ArgumentList(c, 0).End();
    return 0;
  }
  void Reserve() override {}
  void Call(Instance& object, size_t) override { object.Hold(new Class()); }
  void WriteOutput(std::string& out, size_t) override { out += "null"; }
};

// Ret is the signature's type (void: the result is null whatever the method returns).
template <class Class, class Ret, class F, class... Args>
class MethodOperation : public Operation {
  using Actual = std::invoke_result_t<F&, Class&, Args&...>;
  static_assert(std::is_void_v<Ret> || !std::is_void_v<Actual>,
                "judge: the method returns void but the signature says it returns a value");
  using Stored = std::conditional_t<std::is_void_v<Ret> || std::is_void_v<Actual>, char, Actual>;

 public:
  MethodOperation(std::string method_name, F call)
      : Operation(std::move(method_name), sizeof...(Args)), call_(std::move(call)) {}
  void Clear() override {
    calls_.clear();
    results_.clear();
  }
  size_t Parse(Cursor& c) override {
    calls_.push_back(ReadArguments<Args...>(c));
    return calls_.size() - 1;
  }
  void Reserve() override { results_.reserve(calls_.size()); }
  void Call(Instance& object, size_t index) override {
    Class& self = object.As<Class>();
    std::apply(
        [&](Args&... args) {
          if constexpr (std::is_void_v<Ret>)
            call_(self, args...);
          else
            results_.push_back(call_(self, args...));
        },
        calls_[index]);
  }
  void WriteOutput(std::string& out, size_t index) override {
    if constexpr (std::is_void_v<Ret>)
      out += "null";
    else
      WriteAs<Ret>(out, results_[index]);  // the k-th call parsed is the k-th call made
  }

 private:
  F call_;
  std::vector<std::tuple<Args...>> calls_;
  std::vector<Stored> results_;
};

}  // namespace judge_harness
