// Fuzz target: the shape kinds the generated services brought: tagged unions, documents and
// DynamoDB's recursive AttributeValue. The input's first byte picks the type, the rest is the JSON.
#include <awsjson/dynamodb/shapes/AttributeValue.hpp>
#include <awsjson/identitystore/shapes/AlternateIdentifier.hpp>
#include <awsjson/identitystore/shapes/AttributeOperation.hpp>

#include "fuzz_common.hpp"

namespace {

// A document keeps its text exactly: what decodes re-encodes byte for byte, and every member
// or element it says it has can be reached.
void check_document(std::string_view input) {
  awsjson::document doc;
  if (awsjson::decode_into(input, doc)) return;
  if (awsjson::encode(doc) != doc.json()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view json(reinterpret_cast<char const*>(data) + 1, size - 1);
  // Shapes, not whole responses: a response's silent walk inlined under ASan and libFuzzer's
  // instrumentation took this TU past 7 CPU minutes and 1.9 GB.
  switch (data[0] % 4) {
    case 0:
      fuzz::round_trip<awsjson::dynamodb::AttributeValue>(json);
      break;  // a recursive union
    case 1:
      fuzz::round_trip<awsjson::identitystore::AlternateIdentifier>(json);
      break;  // unions in a union
    case 2:
      fuzz::round_trip<awsjson::identitystore::AttributeOperation>(json);
      break;  // a document member
    default:
      check_document(json);
      break;
  }
  return 0;
}
