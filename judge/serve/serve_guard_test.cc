#include "judge/serve/serve_guard.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

const ServeAddress kAddress{"127.0.0.1", 8123, "0123456789abcdef0123456789abcdef"};

struct Outcome {
  bool accepted;
  int status;
  std::string why;
};

Outcome Check(const ServeRequestHeaders& headers, bool needs_token = true) {
  Outcome out{false, 0, ""};
  out.accepted = AcceptServeRequest(kAddress, headers, needs_token, &out.status, &out.why);
  return out;
}

TEST(ServeGuardTest, TakesTheServersOwnPageWithTheToken) {
  EXPECT_TRUE(Check({"127.0.0.1:8123", "", "", kAddress.token}).accepted);
  EXPECT_TRUE(
      Check({"localhost:8123", "http://localhost:8123", "same-origin", kAddress.token}).accepted);
  EXPECT_TRUE(Check({"127.0.0.1:8123", "", "none", ""}, false).accepted) << "the page itself";
}

TEST(ServeGuardTest, RefusesAnotherHost) {
  const Outcome out = Check({"attacker.example:8123", "", "", kAddress.token});
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.status, 403);
  EXPECT_NE(out.why.find("attacker.example:8123"), std::string::npos);
  EXPECT_FALSE(Check({"127.0.0.1:9999", "", "", kAddress.token}).accepted);
  EXPECT_FALSE(Check({"", "", "", kAddress.token}, false).accepted);
}

TEST(ServeGuardTest, RefusesCrossOriginRequests) {
  const Outcome origin = Check({"127.0.0.1:8123", "http://attacker.example", "", kAddress.token});
  EXPECT_FALSE(origin.accepted);
  EXPECT_EQ(origin.status, 403);
  EXPECT_FALSE(Check({"127.0.0.1:8123", "null", "", kAddress.token}).accepted);
  EXPECT_FALSE(Check({"127.0.0.1:8123", "", "cross-site", kAddress.token}).accepted);
  EXPECT_FALSE(Check({"127.0.0.1:8123", "", "same-site", kAddress.token}, false).accepted);
}

TEST(ServeGuardTest, RefusesAMissingOrWrongToken) {
  const Outcome none = Check({"127.0.0.1:8123", "", "", ""});
  EXPECT_FALSE(none.accepted);
  EXPECT_EQ(none.status, 401);
  EXPECT_FALSE(Check({"127.0.0.1:8123", "", "", "0123456789abcdef0123456789abcdeF"}).accepted);
  EXPECT_FALSE(Check({"127.0.0.1:8123", "", "", kAddress.token + "0"}).accepted);
}

TEST(ServeGuardTest, TokensAreFreshAndLong) {
  const std::string a = NewServeToken(), b = NewServeToken();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_EQ(ServeUrl(kAddress), "http://127.0.0.1:8123/?token=" + kAddress.token);
  EXPECT_EQ(ServeUrl({"::1", 80, "t"}), "http://[::1]:80/?token=t");
}

}  // namespace
}  // namespace judge
