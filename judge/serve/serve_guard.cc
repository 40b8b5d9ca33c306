#include "judge/serve/serve_guard.h"

#include <sys/random.h>

#include <cstdio>

#include "judge/error.h"

namespace judge {
namespace {

std::string HostForUrl(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// Compares without stopping at the first differing byte, so that response times say nothing
// about how much of a guessed token was right.
bool SameToken(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string ServeUrl(const ServeAddress& address) {
  return "http://" + HostForUrl(address.host) + ":" + std::to_string(address.port) +
         "/?token=" + address.token;
}

std::string NewServeToken() {
  unsigned char bytes[16] = {};
  size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n > 0) got += static_cast<size_t>(n);
  }
  std::string hex;
  char pair[3];
  for (unsigned char b : bytes) {
    std::snprintf(pair, sizeof pair, "%02x", b);
    hex += pair;
  }
  return hex;
}

bool AcceptServeRequest(const ServeAddress& address, const ServeRequestHeaders& request,
                        bool needs_token, int* status, std::string* why) {
  *status = 403;
  const std::string port = ":" + std::to_string(address.port);
  const std::string bound = HostForUrl(address.host) + port;
  const bool names_us =
      request.host == bound || (IsLoopbackHost(address.host) && request.host == "localhost" + port);
  if (!names_us)
    return Fail("Host \"" + request.host + "\" is not this server's address (" + bound + ")", why);
  if (!request.origin.empty() && request.origin != "http://" + request.host)
    return Fail("cross-origin request from " + request.origin + " refused", why);
  if (!request.fetch_site.empty() && request.fetch_site != "same-origin" &&
      request.fetch_site != "none")
    return Fail("cross-origin request (Sec-Fetch-Site: " + request.fetch_site + ") refused", why);
  if (needs_token && !SameToken(request.token, address.token)) {
    *status = 401;
    return Fail(request.token.empty() ? "no token: open the address judge serve printed"
                                      : "wrong token: open the address judge serve printed",
                why);
  }
  return true;
}

}  // namespace judge
