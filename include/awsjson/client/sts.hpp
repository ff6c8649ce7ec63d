// The small part of AWS STS that credential providers call: AssumeRole (signed with the source
// credentials) and AssumeRoleWithWebIdentity (unsigned), in STS's awsQuery protocol: a form-encoded
// POST, and an XML answer read with expat (Debian's libexpat1-dev; the CMake target awsjson::client
// links it where it is found and defines AWSJSON_HAS_EXPAT). expat because it is the C parser every
// platform has, streaming and small, with its own limits on entity expansion; a program built
// without it gets a clear error from these calls, and nothing else changes.
//
// The endpoint is what STS's endpoint rule set says (sts_options::target, roles.hpp): the regional
// one, https://sts.REGION.amazonaws.com (botocore's default, sts_regional_endpoints = regional),
// the global https://sts.amazonaws.com for the regions that had it with sts_regional_endpoints =
// legacy or without a region, FIPS and dual-stack ones, or one configured for STS
// (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile's services section or endpoint_url:
// client::endpoint_of's rules). No secret, session token or web-identity token
// is in an error message: messages name the action, the endpoint, the status and STS's own code.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(AWSJSON_HAS_EXPAT)
#include <expat.h>
#endif

#include "../endpoint.hpp"
#include "../sigv4.hpp"
#include "../timestamp.hpp"
#include "provider_retry.hpp"
#include "transport.hpp"

namespace awsjson::sts {

/// What an STS credentials call gave: the credentials and when they expire, or why not.
struct credentials_result {
  std::optional<sigv4::credentials> keys;
  std::optional<std::chrono::system_clock::time_point> expiration;
  std::string error;  ///< empty when keys are set
  std::string code;   ///< STS's error code (AccessDenied, ExpiredTokenException, ...), when it answered one
};

/// `params` as an application/x-www-form-urlencoded body, in their order.
inline std::string form_body(std::vector<std::pair<std::string, std::string>> const& params) {
  std::string body;
  for (auto const& [name, value] : params) {
    if (!body.empty()) body += '&';
    body += sigv4::detail::uri_encode(name, false);
    body += '=';
    body += sigv4::detail::uri_encode(value, false);
  }
  return body;
}

/// The elements of an STS answer that matter here: the children of <Credentials> and of <Error>.
struct answer_fields {
  std::string access_key_id, secret_access_key, session_token, expiration;
  std::string error_code, error_message;
  std::string problem;  ///< not XML, or not an answer of this shape
};

#if defined(AWSJSON_HAS_EXPAT)
namespace detail {
struct xml_reader {
  std::vector<std::string> path;  // element names from the root
  std::string text;
  answer_fields* out = nullptr;

  static void start(void* self, XML_Char const* name, XML_Char const**) {
    auto* r = static_cast<xml_reader*>(self);
    r->path.emplace_back(name);
    r->text.clear();
  }
  static void end(void* self, XML_Char const*) {
    auto* r = static_cast<xml_reader*>(self);
    if (r->path.size() >= 2) {
      std::string const& parent = r->path[r->path.size() - 2];
      std::string const& name = r->path.back();
      if (parent == "Credentials") {
        if (name == "AccessKeyId") r->out->access_key_id = r->text;
        if (name == "SecretAccessKey") r->out->secret_access_key = r->text;
        if (name == "SessionToken") r->out->session_token = r->text;
        if (name == "Expiration") r->out->expiration = r->text;
      } else if (parent == "Error") {
        if (name == "Code") r->out->error_code = r->text;
        if (name == "Message") r->out->error_message = r->text;
      }
    }
    r->path.pop_back();
    r->text.clear();
  }
  static void characters(void* self, XML_Char const* s, int n) {
    static_cast<xml_reader*>(self)->text.append(s, std::size_t(n));
  }
};
}  // namespace detail
#endif

/// Reads an STS answer (or error) document.
inline answer_fields read_answer(std::string_view xml) {
  answer_fields f;
#if defined(AWSJSON_HAS_EXPAT)
  XML_Parser parser = XML_ParserCreate(nullptr);
  if (!parser) {
    f.problem = "out of memory for the XML parser";
    return f;
  }
  detail::xml_reader reader;
  reader.out = &f;
  XML_SetUserData(parser, &reader);
  XML_SetElementHandler(parser, &detail::xml_reader::start, &detail::xml_reader::end);
  XML_SetCharacterDataHandler(parser, &detail::xml_reader::characters);
  if (xml.size() > (1u << 24) ||
      XML_Parse(parser, xml.data(), int(xml.size()), XML_TRUE) == XML_STATUS_ERROR)  // (values not quoted)
    f.problem = "the answer is not XML (" +
                std::string(xml.size() > (1u << 24) ? "over 16 MiB" : XML_ErrorString(XML_GetErrorCode(parser))) +
                ", line " + std::to_string(XML_GetCurrentLineNumber(parser)) + ")";
  XML_ParserFree(parser);
#else
  (void)xml;
  f.problem = "awsjson was built without expat (libexpat1-dev), which reads STS's XML answers";
#endif
  return f;
}

/// How an STS call waits between attempts (empty: it sleeps).
using sleep_function = provider_sleep_function;

/// An STS call: `action` with `params`, at `endpoint` (a URL), signed with `signer` when given
/// (AssumeRole) for `region` (us-east-1 for the global endpoint), unsigned otherwise
/// (AssumeRoleWithWebIdentity). `where` leads every error message. Retried as
/// detail::send_with_retries says (provider_retry.hpp).
inline credentials_result call(transport& http, std::string const& endpoint, std::string const& region,
                               std::string const& action, std::vector<std::pair<std::string, std::string>> params,
                               sigv4::credentials const* signer, std::string const& where,
                               sleep_function const& sleep = {}) {
  credentials_result r;
  params.insert(params.begin(), {{"Action", action}, {"Version", "2011-06-15"}});
  std::string body = form_body(params);
  http_response answer;
  answer_fields fields;
  std::string url;
  auto build = [&] {
    http_request request{"POST", "/", {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}, body};
    request.set_header("Content-Length", std::to_string(request.body.size()));
    return request;
  };
  auto sign = [&](http_request& request, std::string const& host) {
    if (signer)
      sigv4::sign(request, host, *signer, {region.empty() ? "us-east-1" : region, "sts"},
                  std::chrono::system_clock::now());
  };
  auto throttled = [&](http_response const& a) {
    fields = read_answer(a.body);
    return fields.error_code == "Throttling" || fields.error_code == "ThrottlingException" ||
           fields.error_code == "RequestLimitExceeded";
  };
  if (auto failure = awsjson::detail::send_with_retries(http, endpoint, build, sign, throttled, answer, url, sleep)) {
    r.error = where + ": STS " + action + " at " + url + ": " + failure->message;
    return r;
  }
  if (answer.status != 200 || !fields.error_code.empty()) {
    r.code = fields.error_code;
    r.error = where + ": STS " + action + " at " + url + " answered HTTP " + std::to_string(answer.status);
    if (!fields.error_code.empty()) r.error += ", " + fields.error_code + ": " + fields.error_message;
    return r;
  }
  if (!fields.problem.empty()) {
    r.error = where + ": STS " + action + ": " + fields.problem;
    return r;
  }
  if (fields.access_key_id.empty() || fields.secret_access_key.empty()) {
    r.error = where + ": STS " + action + ": no AccessKeyId and SecretAccessKey in the answer";
    return r;
  }
  timestamp expires;
  if (!fields.expiration.empty()) {
    if (parse_date_time(fields.expiration, expires)) {  // true when something is wrong
      r.error = where + ": STS " + action + ": Expiration is not a date-time";
      return r;
    }
    r.expiration = std::chrono::time_point_cast<std::chrono::system_clock::duration>(expires);
  }
  r.keys = sigv4::credentials{fields.access_key_id, fields.secret_access_key, fields.session_token};
  return r;
}

}  // namespace awsjson::sts
