// The store's schema as a list of migrations per engine: entry i takes a store from version i to
// i + 1. Both lists have kStoreSchemaVersion entries and make the same tables and columns, each in
// its engine's types. A new column or table is one new entry at the end of both; entries already
// shipped never change.
#pragma once

#include <cstdint>
#include <vector>

namespace judge {

// Written in the SQLite header (PRAGMA application_id) so that a judge store is recognised
// before anything else is read: "JDGS".
constexpr uint32_t kStoreApplicationId = 0x4A444753;

constexpr int kStoreSchemaVersion = 5;

const std::vector<const char*>& SqliteStoreMigrations();
const std::vector<const char*>& PgStoreMigrations();

}  // namespace judge
