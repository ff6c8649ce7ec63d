// Fuzz target: a structure that holds itself by value (awsjson::indirect) and through a list,
// with a sensitive and a required member, at any depth.
#include "../kitchen_sink.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view input(reinterpret_cast<char const*>(data), size);
  fuzz::round_trip<kitchen::Expr>(input);
  return 0;
}
