#include "judge/store/store_location.h"

#include <cstdlib>

namespace judge {

bool IsPostgresLocation(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string MaskedLocation(const std::string& location) {
  if (!IsPostgresLocation(location)) return location;
  // postgresql://[user[:password]@]host...: the password runs from the first ':' after the
  // scheme to the last '@' of the authority (a password may itself hold '@' or ':').
  const size_t start = location.find("://") + 3;
  const size_t authority_end = location.find_first_of("/?", start);
  const std::string authority = location.substr(start, authority_end - start);
  const size_t at = authority.rfind('@');
  if (at == std::string::npos) return location;
  const size_t colon = authority.find(':');
  if (colon == std::string::npos || colon > at) return location;
  return location.substr(0, start + colon + 1) + "***" + location.substr(start + at);
}

std::filesystem::path DefaultSqliteStorePath() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "judge" / "judge.db";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : "/tmp") / ".local" / "share" / "judge" /
         "judge.db";
}

std::string DefaultStoreLocation() {
  if (const char* env = std::getenv("JUDGE_STORE"); env && *env) return env;
  return DefaultSqliteStorePath().string();
}

std::filesystem::path LocalFilesAnchor(const std::string& location) {
  return IsPostgresLocation(location) ? DefaultSqliteStorePath() : std::filesystem::path(location);
}

}  // namespace judge
