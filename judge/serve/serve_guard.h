// Who may talk to `judge serve`. A page that compiles and runs code on this machine is a way in
// for every other web site the person visits, so each request is checked before it is handled:
// - its Host names the address the server is bound to (a DNS-rebinding page's Host names its
//   own domain);
// - it is not cross-origin: an Origin, when present, is the server's own, and a browser's
//   Sec-Fetch-Site, when present, is "same-origin" or "none" (typed into the address bar);
// - an API request carries the per-start token in X-Judge-Token (the page reads it from the
//   address `judge serve` printed; no other site can learn it).
// Bodies are bounded by the server itself (kMaxServeBodyBytes).
#pragma once

#include <string>

namespace judge {

// A submission is a source file; a megabyte is far past any practice solution.
constexpr size_t kMaxServeBodyBytes = 1 << 20;

struct ServeAddress {
  std::string host;  // as bound: "127.0.0.1"
  int port = 0;
  std::string token;
};

struct ServeRequestHeaders {
  std::string host;
  std::string origin;
  std::string fetch_site;  // Sec-Fetch-Site
  std::string token;       // X-Judge-Token
};

// "http://127.0.0.1:8123/?token=...", the address to open.
std::string ServeUrl(const ServeAddress& address);

// A random token of 128 bits, in hex, from the kernel's generator.
std::string NewServeToken();

// Whether to handle a request; `needs_token` for the API (and never for the page's own static
// files, which hold nothing of the person's). False: *status (403) and *why say what was refused.
bool AcceptServeRequest(const ServeAddress& address, const ServeRequestHeaders& request,
                        bool needs_token, int* status, std::string* why);

// Whether `host` is a loopback address ("127.0.0.1", "::1", "localhost").
bool IsLoopbackHost(const std::string& host);

}  // namespace judge
