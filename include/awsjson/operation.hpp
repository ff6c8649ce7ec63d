// Operations: a descriptor type per operation (its input, output and error types and its wire
// facts), and the request builder that turns an input into the HTTP request to send.
//
//   auto http = awsjson::make_request<ssm::GetMaintenanceWindowExecutionTaskInvocation>(req);
//   // http.method == "POST", http.path == "/", headers X-Amz-Target and Content-Type, http.body
//
// Signing and Host are awsjson::sigv4::sign's (it adds Host), Content-Length the HTTP client's;
// awsjson::client does all three.
#pragma once

#include <boost/mp11/list.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "api/operation.hpp"
#include "detail/ascii.hpp"
#include "encode.hpp"
#include "validate.hpp"

namespace awsjson {

template <operation Op>
error build_request(typename Op::input const& input, http_request& out) {
  error err;
  if (auto missing = check_required(input); !missing.empty()) {
    err.code = errc::missing_member;
    err.path = missing.front().path;
    err.message = missing.front().message;
    for (std::size_t i = 1; i < missing.size(); ++i) err.message += "; " + missing[i].to_string();
    return err;
  }
  out.method = "POST";  // awsJson: every request is a POST to the root
  out.path = "/";
  out.headers.clear();
  out.headers.push_back({"X-Amz-Target", std::string(Op::target_prefix) + "." + std::string(Op::name)});
  out.headers.push_back({"Content-Type", std::string("application/x-amz-json-").append(Op::json_version)});
  if constexpr (query_compatible<Op>) out.headers.push_back({"x-amzn-query-mode", "true"});
  out.body.clear();
  return encode_into(out.body, input);
}

}  // namespace awsjson
