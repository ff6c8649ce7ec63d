// awsjson-ssm: the pieces of the command line client that are not the library's walk (which is
// examples/ssm_cli.cpp's run<Op>): the AWS CLI's names for operations and options, options to
// JSON, JSON pretty-printed, the operation table, and an HTTP POST through libcurl.
#pragma once

#include <awsjson/awsjson.hpp>
#include <awsjson/sigv4.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

/// The AWS CLI's name for an operation or a member (botocore's xform_name with '-'):
/// GetMaintenanceWindow -> get-maintenance-window, KMSKeyId -> kms-key-id, ListARNs -> list-arns.
std::string kebab(std::string_view name);

/// The command line after the operation: `--name value`, `--flag`, `--no-flag`, and the global
/// options (--region, --endpoint-url, --show-sensitive, --debug).
struct arguments {
  std::vector<std::pair<std::string, std::vector<std::string>>> options;  // name without "--", values
  std::string region, endpoint_url;
  bool show_sensitive = false, debug = false;
};

/// What a run needs besides the operation's input: where, who, and how to print.
struct context {
  arguments args;
  awsjson::sigv4::credentials credentials;
  std::string endpoint, host;  // https://ssm.us-east-1.amazonaws.com, ssm.us-east-1.amazonaws.com
};

/// An HTTP answer, or what kept it from arriving.
struct http_response {
  int status = 0;
  std::vector<awsjson::http_header> headers;
  std::string body;
  std::string transport_error;  // "Could not connect to ...", "timed out ..."; empty: answered
};

/// (No verbose mode: libcurl would print the X-Amz-Security-Token header.)
http_response post(std::string const& url, awsjson::http_request const& request);

/// `json` indented by four spaces, as the AWS CLI prints.
std::string pretty(std::string_view json);

/// The operations the binary knows: the AWS CLI name to a function running it.
using runner = int (*)(context const&);
std::map<std::string, runner>& operations();

/// An option's value as JSON for a member of kind `k` (a string is quoted, a number or a JSON
/// list/structure passed as written, a list of words made a JSON list of strings).
std::optional<std::string> option_json(awsjson::value_kind k, std::vector<std::string> const& values, bool* flag);

}  // namespace cli
