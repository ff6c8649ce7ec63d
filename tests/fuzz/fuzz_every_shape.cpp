// Fuzz target: a structure that uses every shape kind, recursively nested.
#include "../kitchen_sink.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  fuzz::round_trip<kitchen::Sink>(std::string_view(reinterpret_cast<char const*>(data), size));
  return 0;
}
