// Factories for the rows of the language table (language_table.cc), one per file here.
#pragma once

#include <memory>

#include "judge/lang/language.h"

namespace judge {

std::unique_ptr<Language> MakeCppLanguage();
std::unique_ptr<Language> MakePythonLanguage();

}  // namespace judge
