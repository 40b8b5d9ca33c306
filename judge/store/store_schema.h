// The store's schema as a list of migrations: entry i takes a store from version i to i + 1.
// A new column or table is one new entry at the end; entries already shipped never change.
#pragma once

#include <cstdint>
#include <vector>

namespace judge {

// Written in the SQLite header (PRAGMA application_id) so that a judge store is recognised
// before anything else is read: "JDGS".
constexpr uint32_t kStoreApplicationId = 0x4A444753;

const std::vector<const char*>& StoreMigrations();

}  // namespace judge
