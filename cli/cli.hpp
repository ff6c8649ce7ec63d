// awsjson, the command line client: the pieces that are not the library's (which run.hpp calls):
// the AWS CLI's names for operations and options, options to JSON, JSON pretty-printed, the
// pagination tokens of --max-items and --starting-token, and the table of commands.
#pragma once

#include <awsjson/client.hpp>

#include <chrono>
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
  std::string region, endpoint_url, profile;
  std::string output = "json";  // json, text or table: --output, AWS_DEFAULT_OUTPUT, the profile's `output`
  std::string query;            // --query: JMESPath over the result, as printed
  std::string color = "auto";   // --color: tables in colour (on), not (off), on a terminal (auto)
  bool iso_timestamps = true;   // the profile's cli_timestamp_format: iso8601 (default) or none (as received)
  bool help = false;            // `awsjson SERVICE OPERATION help`
  std::string cli_input_json;   // the JSON text (file:// read already)
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

/// The AWS CLI's shorthand syntax (awscli/shorthand.py, rule for rule): `Key=env,Value=prod`,
/// `Values=a,b,c` (a list), `Tags=[{Key=a,Value=b}]`, `Name={First=x}`, quoted values, `\,`.
/// Every value is a string, a list or an object; the option's type then says which are numbers,
/// booleans and one-element lists (shorthand_types in run.hpp). nullopt and `problem` when the text
/// is not shorthand.
std::optional<awsjson::jmespath::value> parse_shorthand(std::string_view text, std::string& problem);

/// `json` indented by four spaces, as the AWS CLI prints.
std::string pretty(std::string_view json);

/// Appends `t` as the AWS CLI prints a timestamp (cli_timestamp_format iso8601: Python's
/// datetime.isoformat in the local time zone): "2023-11-14T22:13:20.123000+00:00", the fraction only
/// when there is one. A time the C library cannot place is written as epoch seconds.
void write_iso8601(std::string& out, std::chrono::sys_time<std::chrono::microseconds> t);

/// `data` as the AWS CLI's text output writes it (awscli/text.py): a structure's scalars on one
/// line, tab-separated, in key order; each nested list or structure after it, its lines led by its
/// key in capitals; a list of structures as rows of the scalar keys any of them has.
std::string format_text(awsjson::jmespath::value const& data);

/// `data` as the AWS CLI's --output table draws it (awscli/table.py; in colour with `colour`, as its
/// ColorizedStyler: values bright blue, the nested sections' edges dim yellow) under the
/// title `title` (the operation's name), fitted to `terminal_width` as it fits it: a section of one
/// row turned into a column of names and values when the table is wider. nullopt and `problem`
/// where the AWS CLI fails too (rows of different lengths).
std::optional<std::string> format_table(std::string const& title, awsjson::jmespath::value const& data,
                                        int terminal_width, std::string& problem, bool colour = false);

/// Prints a result (its JSON as encoded) of `operation` as --query and --output ask, as the AWS
/// CLI's formatters do: the query over it, then JSON indented by four, text, or a table. Nothing
/// for an empty object. False (and why, on stderr) when it cannot be drawn.
bool print_output(arguments const& args, std::string const& operation, std::string const& json);

/// An option of an operation, as `awsjson SERVICE OPERATION help` lists it.
struct option_help {
  std::string name;  // kebab-case, without "--"
  std::string_view type;
  bool required = false, sensitive = false, boolean = false;
  std::vector<std::string_view> values;  // an enum's
};
void print_help(std::string const& operation, std::vector<option_help> const& options, bool paginated);

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
  /// For text output, printed page by page as the AWS CLI does: only the first page shows the
  /// non-aggregate keys.
  void drop_non_aggregate_keys() { first_ = false; }

 private:
  awsjson::pagination p_;
  std::vector<std::optional<awsjson::jmespath::value>> lists_{p_.result_keys.size()};
  awsjson::jmespath::value kept_ = awsjson::jmespath::value::object();
  long long items_ = 0;
  bool first_ = true;
};

}  // namespace cli
