#include "judge/json/short_json.h"

#include "judge/files/files.h"

namespace judge {

std::string FirstLineOfFile(const std::filesystem::path& file, size_t max_chars) {
  bool truncated = false;
  std::string line = ReadFilePrefix(file, max_chars + 2, &truncated);
  line = line.substr(0, line.find('\n'));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() > max_chars) line = line.substr(0, max_chars) + "...";
  using nlohmann::json;
  return json::parse(json(line).dump(-1, ' ', false, json::error_handler_t::replace))
      .get<std::string>();
}

std::string ShortJson(const nlohmann::json& value, size_t max_chars) {
  if (value.is_array() && value.size() > 8) {
    // Show the head and the tail of long arrays rather than a cut-off prefix.
    std::string head, tail;
    for (size_t i = 0; i < 3; ++i) head += (i ? "," : "") + ShortJson(value[i], max_chars / 8);
    for (size_t i = value.size() - 2; i < value.size(); ++i)
      tail += "," + ShortJson(value[i], max_chars / 8);
    return "[" + head + ", ... " + std::to_string(value.size() - 5) + " more ..." + tail + "]";
  }
  if (value.is_object()) {
    std::string text;
    for (const auto& [key, member] : value.items())
      text += (text.empty() ? "" : ", ") + ("\"" + key + "\": ") + ShortJson(member, max_chars / 2);
    text = "{" + text + "}";
    return text.size() <= max_chars ? text : text.substr(0, max_chars) + "...";
  }
  std::string text = value.dump();
  if (text.size() > max_chars)
    text = text.substr(0, max_chars) + "... (" + std::to_string(text.size()) + " chars)";
  return text;
}

}  // namespace judge
