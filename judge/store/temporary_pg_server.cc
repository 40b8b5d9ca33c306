#include "judge/store/temporary_pg_server.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "judge/error.h"
#include "judge/store/pg_connection.h"

namespace judge {
namespace {

constexpr char kServerRoot[] = "/usr/lib/postgresql";

// The newest /usr/lib/postgresql/<version>/bin that has initdb; empty when none.
std::filesystem::path FindServerBinaries() {
  std::filesystem::path best;
  int best_version = -1;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kServerRoot, ec)) {
    const std::string name = entry.path().filename().string();
    const int version = std::atoi(name.c_str());
    if (version > best_version && std::filesystem::exists(entry.path() / "bin" / "initdb", ec)) {
      best_version = version;
      best = entry.path() / "bin";
    }
  }
  return best;
}

std::string Tail(const std::filesystem::path& log) {
  std::ifstream in(log);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last;
}

}  // namespace

TemporaryPgServer::~TemporaryPgServer() { Stop(); }

int TemporaryPgServer::RunAsOwner(const std::string& binary, const std::string& arguments) const {
  const std::string as_owner =
      geteuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : "";
  const std::string command = as_owner + (bin_ / binary).string() + " " + arguments + " >> " +
                              (dir_ / "commands.log").string() + " 2>&1";
  return std::system(command.c_str());
}

bool TemporaryPgServer::Start(std::string* err) {
  bin_ = FindServerBinaries();
  if (bin_.empty())
    return Fail(std::string("PostgreSQL's server binaries are not installed (no ") + kServerRoot +
                    "/<version>/bin/initdb): install Debian's postgresql package "
                    "(scripts/setup.sh does)",
                err);
  char pattern[] = "/tmp/judge-pg-XXXXXX";
  if (!mkdtemp(pattern)) return Fail("mkdtemp /tmp/judge-pg-XXXXXX failed", err);
  dir_ = pattern;
  if (geteuid() == 0 && (chmod(dir_.c_str(), 0755) != 0 || chown(dir_.c_str(), 65534, 65534) != 0))
    return Fail(dir_.string() + ": cannot hand the folder to nobody", err);
  if (RunAsOwner("initdb",
                 "-D " + (dir_ / "data").string() + " -A trust -U judge -E UTF8 --no-sync") != 0)
    return Fail("initdb failed: " + Tail(dir_ / "commands.log"), err);
  return PgCtl("start", err);
}

bool TemporaryPgServer::PgCtl(const std::string& action, std::string* err) const {
  // fsync off: a test's data need not survive a power cut, and the machine's disk is shared.
  const std::string options = "-c listen_addresses='' -k " + dir_.string() + " -c fsync=off";
  if (RunAsOwner("pg_ctl", action + " -w -m fast -D " + (dir_ / "data").string() + " -l " +
                               (dir_ / "server.log").string() + " -o \"" + options + "\"") != 0)
    return Fail("pg_ctl " + action + " failed: " + Tail(dir_ / "server.log"), err);
  return true;
}

bool TemporaryPgServer::Restart(std::string* err) { return PgCtl("restart", err); }

void TemporaryPgServer::Stop() {
  if (dir_.empty()) return;
  RunAsOwner("pg_ctl", "stop -w -m immediate -D " + (dir_ / "data").string());
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
  dir_.clear();
}

std::string TemporaryPgServer::Url(const std::string& database) const {
  return "postgresql:///" + database + "?host=" + dir_.string() + "&user=judge";
}

bool TemporaryPgServer::CreateDatabase(const std::string& name, std::string* url,
                                       std::string* err) {
  PgConnection admin;
  if (!admin.Connect(Url("postgres"), err) || !admin.Exec("CREATE DATABASE \"" + name + "\"", err))
    return Fail("creating database " + name + ": " + *err, err);
  *url = Url(name);
  return true;
}

}  // namespace judge
