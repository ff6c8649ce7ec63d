// Fuzz target: base64 alone. Whatever decodes re-encodes to text that decodes to the same bytes.
#include <awsjson/blob.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view text(reinterpret_cast<char const*>(data), size);
  awsjson::blob bytes;
  if (awsjson::decode_base64(text, bytes) != nullptr) return 0;
  std::string again;
  awsjson::append_base64(again, bytes);
  awsjson::blob back;
  if (awsjson::decode_base64(again, back) != nullptr || back != bytes) std::abort();
  if (again.size() != text.size()) std::abort();  // padding is required, so lengths agree
  return 0;
}
