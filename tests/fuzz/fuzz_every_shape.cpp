// Fuzz target: a structure that uses every shape kind, recursively nested.
#include "../kitchen_sink.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view input(reinterpret_cast<char const*>(data), size);
  fuzz::round_trip<kitchen::Sink>(input);
  fuzz::round_trip<kitchen::Tree>(input);  // nested deeper in the silent walk's root function
  return 0;
}
