// Operations: a descriptor type per operation (its input, output and error types and its wire
// facts), and the request builder that turns an input into the HTTP request to send.
//
//   auto http = awsjson::make_request<ssm::GetMaintenanceWindowExecutionTaskInvocation>(req);
//   // http.method == "POST", http.path == "/", headers X-Amz-Target and Content-Type, http.body
//
// The request carries Content-Length, as Smithy's protocol tests require; the endpoint
// (awsjson/endpoint.hpp: host, host prefix, a custom endpoint's path) and signing
// (awsjson::sigv4::sign, which adds Host) come after. awsjson::client does both.
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
  err = encode_into(out.body, input);
  out.headers.push_back({"Content-Length", std::to_string(out.body.size())});
  return err;
}

}  // namespace awsjson
