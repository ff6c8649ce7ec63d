// How an operation pages: the facts of botocore's paginators-1.json, generated into the descriptor
// of every paginated operation as `static constexpr awsjson::pagination paginator{...}`. The
// client's paginator (awsjson/client/paginator.hpp) reads them over the input's and output's JSON,
// so one implementation pages every operation.
#pragma once

#include <array>
#include <concepts>
#include <string_view>

namespace awsjson {

struct pagination {
  /// The input member that takes the token of the next page.
  std::string_view input_token{};
  /// Where the output holds that token: a member, or a JMESPath path (Kinesis's
  /// `StreamDescription.Shards[-1].ShardId`). Absent or empty: the last page.
  std::string_view output_token{};
  /// The input member that sets a page's size; empty: none.
  std::string_view limit_key{};
  /// An output path that is false on the last page (KMS's `Truncated`); empty: the token decides.
  std::string_view more_results{};
  /// Output paths of the lists a page contributes, the first one the items; unused ones are empty.
  std::array<std::string_view, 3> result_keys{};
  /// Output paths that are not lists to merge (a merged result keeps the first page's).
  std::array<std::string_view, 16> non_aggregate_keys{};
};

/// Whether the operation's descriptor says how it pages.
template <class Op>
concept paginated = requires {
  { Op::paginator } -> std::convertible_to<pagination>;
};

}  // namespace awsjson
