// The test data of a problem package: data/sample and data/secret, each folder (nested ones
// included) that holds .in files a group of the judge's, its cases the .in/.ans pairs in file
// name order. Group names are the folder's own name ("sample", "secret", "edge"), or its path
// under data/ with dashes ("secret-edge") where two folders share a name. Other files (.desc,
// .hint, images, testdata.yaml) are not tests and are left out.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace judge {

struct PackageCase {
  std::string name;                     // the file's stem: "1", "max-n"
  std::filesystem::path input, answer;  // answer empty: none (answers_optional)
};

struct PackageGroup {
  std::string name;
  std::filesystem::path folder;  // under <package>/data
  std::vector<PackageCase> cases;
};

// Groups in judging order: data/sample's first, then data/secret's, each folder before its
// subfolders, subfolders by name. Errors name the file: "data/secret/3.in: no 3.ans beside it".
// With `answers_optional` (interactive problems, whose interactor may need no answer) an .in
// without its .ans is a case whose answer path is empty.
bool CollectTestGroups(const std::filesystem::path& package, bool answers_optional,
                       std::vector<PackageGroup>* out, std::string* err);

}  // namespace judge
