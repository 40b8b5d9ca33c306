// What each test generator's params mean for making small cases of it (`judge stress`): which
// set the case's size, which bound its values. A generator listed here can be scaled down from a
// problem's own generated tests and shrunk after a failure; one missing here cannot, and stress
// says so. One row per generator in generator_shapes.cc, beside the generator table's.
#pragma once

#include <string>
#include <vector>

namespace judge {

struct ValueRange {
  const char* min;  // "min_weight"
  const char* max;  // "max_weight"
};

struct GeneratorShape {
  // Size params, the first the one a case's size is told by ("n", "ops"); the others are scaled
  // in proportion to it ("initial" with "ops").
  std::vector<const char*> sizes;
  // Ranges of the values drawn; narrowed together, toward the value nearest 0 in each range.
  std::vector<ValueRange> ranges;
  // Single values in the units of those ranges ("capacity" with the weights), scaled with them.
  std::vector<const char*> bounds;
  // Whether integer members of params "fixed" no larger than the first size count within it
  // (the k of kth-largest, the window of sliding-window-maximum): scaled with it, kept in 1..n.
  bool fixed_positions = false;
};

// nullptr for a generator stress cannot scale.
const GeneratorShape* FindGeneratorShape(const std::string& generator);

}  // namespace judge
