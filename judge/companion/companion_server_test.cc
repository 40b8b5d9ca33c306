// Which requests `judge listen` takes, by their headers: the extension's, not a web page's.
#include "judge/companion/companion_server.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(CompanionServerTest, TakesTheExtensionsRequestsOnly) {
  struct Case {
    const char* host;
    const char* origin;
    const char* content_type;
    int status;  // 0: taken
    const char* why_part;
  };
  const Case cases[] = {
      {"localhost:27121", "", "application/json", 0, ""},
      {"127.0.0.1:27121", "chrome-extension://cjnmckjndlpiamhfimnnjmnckgghkjbl",
       "application/json; charset=utf-8", 0, ""},
      {"localhost:27121", "moz-extension://1b2c", "application/json", 0, ""},
      // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1.
      {"evil.example:27121", "", "application/json", 403, "Host \"evil.example:27121\""},
      {"localhost:8080", "", "application/json", 403, "is not this server's address"},
      {"", "", "application/json", 403, "is not this server's address"},
      {"localhost:27121", "https://evil.example", "application/json", 403,
       "requests from web pages (Origin https://evil.example)"},
      {"localhost:27121", "null", "application/json", 403, "requests from web pages"},
      // What a page may send without a preflight.
      {"localhost:27121", "", "text/plain", 415, "expected Content-Type application/json"},
      {"localhost:27121", "", "", 415, "expected Content-Type application/json"},
  };
  for (const Case& c : cases) {
    int status = 0;
    std::string why;
    const bool taken =
        AcceptCompanionRequest(c.host, 27121, c.origin, c.content_type, &status, &why);
    EXPECT_EQ(taken, c.status == 0) << c.host << " " << c.origin << " " << c.content_type;
    if (c.status == 0) continue;
    EXPECT_EQ(status, c.status) << c.host << " " << c.origin;
    EXPECT_NE(why.find(c.why_part), std::string::npos) << why;
  }
}

}  // namespace
}  // namespace judge
