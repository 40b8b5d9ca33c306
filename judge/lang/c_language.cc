// C: gcc -std=c17 -O2 -lm, for competitive problems (it has no interview harness: LeetCode's
// classes are C++ and Python). The file is compiled as it is, under its own name, so errors read
// "solution.c:3:5: error: ...".
#include "judge/files/sha256.h"
#include "judge/lang/native_build.h"

namespace judge {
namespace {

const char kCompiler[] = "gcc";

class CLanguage : public Language {
 public:
  bool Build(const BuildRequest& request, Sandbox& sandbox, BuildResult* out,
             std::string* err) override {
    NativeCompile compile;
    compile.unit_name = request.source_name;
    compile.unit_text = request.source_text;
    compile.headers = request.headers;
    compile.argv = {
        kCompiler,           "-std=c17", "-O2",     "-pipe", "-fdiagnostics-color=never",
        request.source_name, "-o",       "program", "-lm"};
    compile.key = Sha256Hex("c\n" + CompilerIdentity(kCompiler) + "\n" + CommandLine(compile.argv) +
                            "\n" + request.source_text + HeadersKey(request.headers));
    return BuildNative(compile, request.cache_dir, sandbox, out, err);
  }

  std::string Starter(const Problem&) const override {
    return "#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n";
  }

  std::string HelloProgram() const override {
    return "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n";
  }

  std::string Toolchain() const override { return CompilerIdentity(kCompiler); }
};

}  // namespace

std::unique_ptr<Language> MakeCLanguage() { return std::make_unique<CLanguage>(); }

}  // namespace judge
