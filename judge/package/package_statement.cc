#include "judge/package/package_statement.h"

#include <regex>
#include <sstream>

#include "judge/files/files.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

std::string Replace(const std::string& text, const char* pattern, const char* with) {
  return std::regex_replace(text, std::regex(pattern), with);
}

// Inline markup, innermost braces first so that \textbf{\emph{x}} works.
std::string Inline(std::string line) {
  for (int pass = 0; pass < 3; ++pass) {
    line = Replace(line, R"(\\textbf\{([^{}]*)\})", "**$1**");
    line = Replace(line, R"(\\(emph|textit)\{([^{}]*)\})", "*$2*");
    line = Replace(line, R"(\\texttt\{([^{}]*)\})", "`$1`");
    line = Replace(line, R"(\\url\{([^{}]*)\})", "<$1>");
  }
  line = Replace(line, R"(``|'')", "\"");
  line = Replace(line, R"((^|[^\\])~)", "$1 ");
  line = Replace(line, R"(\\\\\s*$)", "");
  return line;
}

}  // namespace

std::string LatexToMarkdown(const std::string& latex, std::string* title) {
  std::istringstream in(latex);
  std::ostringstream out;
  std::vector<bool> numbered;  // the open lists: enumerate (true) or itemize
  static const std::regex kProblemName(R"(^\s*\\problemname\{(.*)\}\s*$)");
  static const std::regex kSection(R"(^\s*\\(sub)?section\*?\{(.*)\}\s*$)");
  static const std::regex kBegin(R"(^\s*\\begin\{(\w+)\*?\}.*$)");
  static const std::regex kEnd(R"(^\s*\\end\{(\w+)\*?\}\s*$)");
  static const std::regex kItem(R"(^\s*\\item\s*(.*)$)");
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    // A % starts a comment unless escaped.
    for (size_t i = 0; i < line.size(); ++i)
      if (line[i] == '%' && (i == 0 || line[i - 1] != '\\')) {
        line.resize(i);
        break;
      }
    if (std::regex_match(line, m, kProblemName)) {
      *title = m[1];
      out << "# " << Inline(m[1]) << "\n";
    } else if (std::regex_match(line, m, kSection)) {
      out << (m[1].matched ? "### " : "## ") << Inline(m[2]) << "\n";
    } else if (std::regex_match(line, m, kBegin)) {
      if (m[1] == "itemize" || m[1] == "enumerate") numbered.push_back(m[1] == "enumerate");
    } else if (std::regex_match(line, m, kEnd)) {
      if ((m[1] == "itemize" || m[1] == "enumerate") && !numbered.empty()) numbered.pop_back();
    } else if (std::regex_match(line, m, kItem)) {
      const std::string indent((numbered.empty() ? 0 : numbered.size() - 1) * 2, ' ');
      out << indent << (!numbered.empty() && numbered.back() ? "1. " : "- ") << Inline(m[1])
          << "\n";
    } else {
      out << Inline(line) << "\n";
    }
  }
  std::string text = Replace(out.str(), R"(\\%)", "%");
  return Replace(text, R"(\n{3,})", "\n\n");
}

bool ReadPackageStatement(const fs::path& package, std::string* markdown, std::string* title,
                          std::string* err) {
  const fs::path dir = package / "problem_statement";
  std::error_code ec;
  for (const char* name : {"problem.md", "problem.en.md"})
    if (fs::is_regular_file(dir / name, ec)) return ReadFile(dir / name, markdown, err);
  for (const char* name : {"problem.tex", "problem.en.tex"}) {
    if (!fs::is_regular_file(dir / name, ec)) continue;
    std::string latex;
    if (!ReadFile(dir / name, &latex, err)) return false;
    *markdown = LatexToMarkdown(latex, title);
    return true;
  }
  *markdown = "(The package has no statement in problem_statement/.)\n";
  return true;
}

}  // namespace judge
