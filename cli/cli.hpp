// awsjson, the command line client: the pieces that are not the library's (which run.hpp calls):
// the AWS CLI's names for operations and options, options to JSON, JSON pretty-printed, the
// pagination tokens of --max-items and --starting-token, and the table of commands.
#pragma once

#include <awsjson/client.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

/// The AWS CLI's exit statuses.
enum exit_code : int { ok = 0, usage = 252, configuration = 253, service_error = 254, failure = 255 };

/// The AWS CLI's name for an operation, a waiter or a member (botocore's xform_name with '-'):
/// GetMaintenanceWindow -> get-maintenance-window, KMSKeyId -> kms-key-id, ListARNs -> list-arns.
std::string kebab(std::string_view name);

/// The command line: the operation's `--name value` options, and the global ones.
struct arguments {
  std::vector<std::pair<std::string, std::vector<std::string>>> options;  // name without "--", values
  std::string region, endpoint_url, profile, output = "json";
  std::string cli_input_json;  // the JSON text (file:// read already)
  std::string starting_token;
  std::optional<long long> max_items, page_size;
  std::optional<double> waiter_delay;
  std::optional<int> waiter_max_attempts;
  bool show_sensitive = false, debug = false, no_paginate = false;
};

/// What a command needs: its arguments and a client.
struct context {
  arguments args;
  std::unique_ptr<awsjson::client> client;
};

/// A command of a service: an operation, or a waiter (`awsjson dynamodb wait table-exists`).
using runner = int (*)(context const&);
struct service_commands {
  std::map<std::string, runner> operations, waiters;
};
/// The services the binary was built with (AWSJSON_CLI_SERVICES): the AWS CLI's service name
/// (botocore's: secretsmanager, dynamodb) to its commands.
std::map<std::string, service_commands>& services();

/// An option's value as JSON for a member of kind `k` (a string is quoted, a number or a JSON
/// list/structure passed as written, a list of words made a JSON list of strings).
std::optional<std::string> option_json(awsjson::value_kind k, std::vector<std::string> const& values, bool* flag);

/// `json` indented by four spaces, as the AWS CLI prints.
std::string pretty(std::string_view json);

/// The tokens of --starting-token and of a truncated result's NextToken, as botocore writes
/// them: base64 of a JSON object, the input token's value under its member name and the items
/// already shown of that page under "boto_truncate_amount". nullopt: not such a token.
struct resume_token {
  std::optional<awsjson::jmespath::value> token;  // the input token's value; none: the first page
  long long truncate_amount = 0;
};
std::string encode_token(std::string_view input_token, resume_token const& t);
std::optional<resume_token> decode_token(std::string_view input_token, std::string_view text);

/// The merged result of paginated calls, as botocore's build_full_result makes it: the lists of
/// the result keys concatenated, the non-aggregate keys from the first page, and NextToken when
/// --max-items cut it short.
class merged_result {
 public:
  explicit merged_result(awsjson::pagination const& p) : p_(p) {}
  /// Adds a page (its output's JSON as printed); returns false once max_items are reached.
  /// `skip`: items of this page already shown (a resumed token's truncate amount).
  bool add(awsjson::jmespath::value const& page, long long skip, std::optional<long long> max_items, long long* taken);
  std::string json(std::string const& next_token) const;

 private:
  awsjson::pagination p_;
  std::vector<std::optional<awsjson::jmespath::value>> lists_{p_.result_keys.size()};
  awsjson::jmespath::value kept_ = awsjson::jmespath::value::object();
  long long items_ = 0;
  bool first_ = true;
};

}  // namespace cli
