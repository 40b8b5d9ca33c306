#include "judge/stress/case_source.h"

namespace judge {

size_t InputTextLength(const nlohmann::json& input) {
  return input.is_string() ? input.get_ref<const std::string&>().size() : input.dump().size();
}

}  // namespace judge
