// A throwaway PostgreSQL server for tests and benchmarks: initdb into a fresh folder under /tmp,
// started with pg_ctl, listening only on a Unix socket in that folder (no TCP), trusting local
// connections as the user "judge", and stopped and removed on destruction. Run as root, the
// server's processes run as nobody (PostgreSQL refuses root), the folder chowned to it. The
// binaries are Debian's (/usr/lib/postgresql/<version>/bin, package postgresql); when they are
// missing Start fails saying so, so that a test needing them fails rather than passing unseen.
#pragma once

#include <filesystem>
#include <string>

namespace judge {

class TemporaryPgServer {
 public:
  TemporaryPgServer() = default;
  ~TemporaryPgServer();
  TemporaryPgServer(const TemporaryPgServer&) = delete;
  TemporaryPgServer& operator=(const TemporaryPgServer&) = delete;

  bool Start(std::string* err);
  // pg_ctl restart (fast): every connection is dropped.
  bool Restart(std::string* err);
  void Stop();
  // Creates an empty database and returns its URL (postgresql:///NAME?host=FOLDER&user=judge).
  bool CreateDatabase(const std::string& name, std::string* url, std::string* err);
  std::string Url(const std::string& database) const;

 private:
  // Runs a server binary (as nobody when we are root), its output appended to log; its status.
  int RunAsOwner(const std::string& binary, const std::string& arguments) const;
  bool PgCtl(const std::string& action, std::string* err) const;

  std::filesystem::path bin_;
  std::filesystem::path dir_;
};

}  // namespace judge
