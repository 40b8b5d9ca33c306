#include "judge/report/write_report.h"

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/report/csv_report.h"
#include "judge/report/html_report.h"
#include "judge/report/json_report.h"
#include "judge/report/markdown_report.h"

namespace judge {

bool WriteReport(const ReportModel& model, const std::filesystem::path& dir,
                 std::vector<std::filesystem::path>* written, std::string* err) {
  written->clear();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    *err =
        dir.string() + ": cannot create the report folder" + (ec ? " (" + ec.message() + ")" : "");
    return false;
  }
  const std::pair<const char*, std::string> files[] = {
      {"report.html", RenderHtmlReport(model)},
      {"report.md", RenderMarkdownReport(model)},
      {"report.json", RenderJsonReport(model).dump(2) + "\n"},
      {"report.csv", RenderCsvReport(model)},
  };
  for (const auto& [name, content] : files) {
    const auto path = dir / name;
    if (std::filesystem::is_directory(path))
      return Fail(path.string() + ": is a folder; not replacing it", err);
    if (!WriteFileAtomic(path, content, err)) return false;
    written->push_back(path);
  }
  return true;
}

}  // namespace judge
