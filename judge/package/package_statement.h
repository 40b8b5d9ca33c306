// A problem package's statement as the judge's statement.md: problem_statement/problem.md (or
// problem.en.md) as it is; problem.tex (or problem.en.tex) converted to Markdown by a few rules
// that cover what statements use: \problemname and \section become headings, itemize and
// enumerate become lists, \textbf, \emph, \texttt become **, *, `, $math$ is kept as written,
// and any other command keeps its text. The samples are shown by `judge show` from the tests,
// so a statement is only its prose.
#pragma once

#include <filesystem>
#include <string>

namespace judge {

// *markdown is the statement; *title the \problemname of a LaTeX one (else left as it is).
// A package without a statement gets a line saying so. Errors name the file.
bool ReadPackageStatement(const std::filesystem::path& package, std::string* markdown,
                          std::string* title, std::string* err);

// The LaTeX to Markdown rules above, for one statement's text.
std::string LatexToMarkdown(const std::string& latex, std::string* title);

}  // namespace judge
