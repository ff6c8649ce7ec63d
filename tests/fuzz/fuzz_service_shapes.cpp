// Fuzz target: the shape kinds the generated services brought: tagged unions, documents and
// DynamoDB's recursive AttributeValue. The input's first byte picks the type, the rest is the JSON.
#include <awsjson/dynamodb/get_item.hpp>
#include <awsjson/identitystore/describe_user.hpp>
#include <awsjson/identitystore/get_user_id.hpp>

#include "fuzz_common.hpp"

namespace {

// A document keeps its text exactly: what decodes re-encodes byte for byte, and every member
// or element it says it has can be reached.
void check_document(std::string_view input) {
  awsjson::document doc;
  if (awsjson::decode_into(input, doc)) return;
  if (awsjson::encode(doc) != doc.json()) std::abort();
  (void)awsjson::to_string(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view json(reinterpret_cast<char const*>(data) + 1, size - 1);
  switch (data[0] % 6) {
    case 0:
      fuzz::round_trip<awsjson::dynamodb::AttributeValue>(json);
      break;  // a recursive union
    case 1:
      fuzz::round_trip<awsjson::dynamodb::GetItemResponse>(json);
      break;  // a map of them
    case 2:
      fuzz::round_trip<awsjson::identitystore::GetUserIdRequest>(json);
      break;  // unions in unions
    case 3:
      fuzz::round_trip<awsjson::identitystore::DescribeUserResponse>(json);
      break;  // documents
    case 4:
      check_document(json);
      break;
    default:
      fuzz::round_trip<awsjson::identitystore::AlternateIdentifier>(json);
      break;
  }
  return 0;
}
