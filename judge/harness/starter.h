// The file `judge new` writes for an interview-style problem: the class and method shells the
// person fills in, in LeetCode's layout, so a solution written here also pastes into LeetCode.
//
// Pure function of its arguments; safe to call from any thread.
#pragma once

#include <string>
#include <string_view>

#include "judge/problem/signature.h"

namespace judge {

// `language` is "cpp" or "python"; any other language gets an empty string. Bodies hold a
// `// TODO` (C++) or `pass` (Python).
std::string StarterSource(const Signature& sig, std::string_view language);

}  // namespace judge
