// The files of `judge serve`'s page (judge/serve/page/), embedded in the binary at build time
// (scripts/embed_files.cmake), so that a judge binary serves its page from any directory.
#pragma once

#include <string_view>

namespace judge {

// The text of page/<name> ("index.html", "app.js"); empty when there is no such file.
std::string_view PageFile(std::string_view name);

}  // namespace judge
