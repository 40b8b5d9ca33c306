#include "judge/store/store_location.h"

#include <gtest/gtest.h>

#include "judge/store/pg_connection.h"

namespace judge {
namespace {

TEST(StoreLocationTest, TellsAPostgresUrlFromAPath) {
  EXPECT_TRUE(IsPostgresLocation("postgresql://db/judge"));
  EXPECT_TRUE(IsPostgresLocation("postgres:///judge?host=/tmp"));
  EXPECT_FALSE(IsPostgresLocation("/home/ann/judge.db"));
  EXPECT_FALSE(IsPostgresLocation("postgresql.db"));
}

TEST(StoreLocationTest, MasksOnlyThePassword) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"postgresql://ann:s3cret@db:5432/judge", "postgresql://ann:***@db:5432/judge"},
      {"postgres://ann:p@ss:w@db/judge?sslmode=require",
       "postgres://ann:***@db/judge?sslmode=require"},
      {"postgresql://ann@db/judge", "postgresql://ann@db/judge"},
      {"postgresql:///judge?host=/tmp/x&user=judge", "postgresql:///judge?host=/tmp/x&user=judge"},
      {"/home/ann:x@y/judge.db", "/home/ann:x@y/judge.db"},
  };
  for (const auto& [location, masked] : cases) EXPECT_EQ(MaskedLocation(location), masked);
}

TEST(StoreLocationTest, LocalFilesOfAPostgresStoreStayOnThisMachine) {
  EXPECT_EQ(LocalFilesAnchor("/data/judge.db"), "/data/judge.db");
  EXPECT_EQ(LocalFilesAnchor("postgresql://db/judge"), DefaultSqliteStorePath());
}

TEST(StoreLocationTest, PlaceholdersBecomeLibpqsOutsideQuotes) {
  EXPECT_EQ(PgPlaceholders("SELECT ?1 + ?12 FROM t WHERE s = '?3' AND \"a?4\" = ?2"),
            "SELECT $1 + $12 FROM t WHERE s = '?3' AND \"a?4\" = $2");
  EXPECT_EQ(PgPlaceholders("SELECT 'it''s ?1', ?1"), "SELECT 'it''s ?1', $1");
}

}  // namespace
}  // namespace judge
