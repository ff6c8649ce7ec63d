// AWS Signature Version 4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html):
// signs an HTTP request in its headers. An optional header, not included by awsjson/awsjson.hpp:
// it needs OpenSSL's libcrypto (link OpenSSL::Crypto, or -lcrypto) for SHA-256 and HMAC.
//
//   awsjson::sigv4::credentials creds{"AKID...", "secret...", ""};
//   auto request = awsjson::make_request<awsjson::ssm::GetMaintenanceWindow>(input);
//   awsjson::sigv4::sign(request, "ssm.us-east-1.amazonaws.com", creds, {"us-east-1", "ssm"},
//                        std::chrono::system_clock::now());
//
// Every step is exposed (sign returns them, and canonical_request/string_to_sign/signature can
// be called on their own), so that a SignatureDoesNotMatch can be compared with what the service
// says it expected. The secret key and the session token are @sensitive: printing credentials
// shows them as <redacted>, and to_string(steps) shows a signed session token as "***".
#pragma once

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/operation.hpp"
#include "metadata.hpp"
#include "print.hpp"
#include "timestamp.hpp"

namespace awsjson::sigv4 {

/// AWS credentials: an access key, its secret, and the session token of temporary credentials.
struct credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  ///< empty: long-term credentials
};
BOOST_DESCRIBE_STRUCT(credentials, (), (access_key_id, secret_access_key, session_token))
constexpr auto awsjson_shape(credentials const*) {
  return awsjson::shape(
      "credentials", {{.name = "secret_access_key", .sensitive = true}, {.name = "session_token", .sensitive = true}});
}
using awsjson::operator<<;  // printing, with the secret and the token redacted

/// Where a signature is valid: the region and the service's signing name (e.g. "ssm", "dynamodb").
struct scope {
  std::string region;
  std::string service;
};

struct options {
  /// Remove `.` and `..` segments and repeated slashes from the path before signing (every
  /// service but S3).
  bool normalize_path = true;
  /// Sign X-Amz-Security-Token. false adds it after signing (what a few services, e.g. IoT's
  /// MQTT gateway, require).
  bool sign_session_token = true;
  /// Add and sign X-Amz-Content-Sha256 (S3 requires it; awsJson services ignore it).
  bool content_sha256_header = false;
};

/// What signing computed, step by step.
struct steps {
  std::string amz_date;           ///< X-Amz-Date: 20150830T123600Z
  std::string credential_scope;   ///< 20150830/us-east-1/service/aws4_request
  std::string signed_headers;     ///< host;x-amz-date
  std::string canonical_request;  ///< holds the session token when it is signed: print `steps`, not this
  std::string string_to_sign;
  std::string signature;      ///< hex
  std::string authorization;  ///< the Authorization header's value
};

namespace detail {

inline std::string hex(unsigned char const* p, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string s(2 * n, '0');
  for (std::size_t i = 0; i < n; ++i) s[2 * i] = digits[p[i] >> 4], s[2 * i + 1] = digits[p[i] & 15];
  return s;
}

using digest = std::array<unsigned char, 32>;

inline std::string sha256_hex(std::string_view data) {
  digest d{};
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), d.data(), &n, EVP_sha256(), nullptr);
  return hex(d.data(), n);
}

inline digest hmac(std::string_view key, std::string_view data) {
  digest d{};
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), int(key.size()), reinterpret_cast<unsigned char const*>(data.data()), data.size(),
       d.data(), &n);
  return d;
}
inline std::string_view view(digest const& d) { return {reinterpret_cast<char const*>(d.data()), d.size()}; }

constexpr bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

using awsjson::detail::hex_value;

// Percent-decodes what is already encoded, so that `%E1%88%B4` and the raw UTF-8 sign alike.
inline std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += char(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// RFC 3986 encoding: everything but the unreserved characters (and `/` when asked) as %XX.
inline std::string uri_encode(std::string_view s, bool keep_slash) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (unreserved(c) || (keep_slash && c == '/')) {
      out += char(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

inline std::string canonical_path(std::string_view path, bool normalize) {
  if (path.empty()) return "/";
  std::string decoded = percent_decode(path);
  if (!normalize) return uri_encode(decoded, true);
  std::vector<std::string_view> segments;
  std::string_view rest = decoded;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(seg);
  }
  std::string out;
  for (auto seg : segments) out += '/' + uri_encode(seg, false);
  if (out.empty() || (decoded.size() > 1 && decoded.back() == '/')) out += '/';
  return out;
}

inline std::string canonical_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view p = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (p.empty()) continue;
    auto eq = p.find('=');
    std::string_view k = p.substr(0, eq), v = eq == std::string_view::npos ? std::string_view() : p.substr(eq + 1);
    params.emplace_back(uri_encode(percent_decode(k), false), uri_encode(percent_decode(v), false));
  }
  std::sort(params.begin(), params.end());
  std::string out;
  for (auto const& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += k + '=' + v;
  }
  return out;
}

// A header value as SigV4 signs it: trimmed, each run of whitespace (folded lines too) one space.
inline std::string canonical_value(std::string_view v) {
  std::string out;
  bool space = false;
  for (char c : v) {
    if (awsjson::detail::is_whitespace(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = awsjson::detail::ascii_lower(c);
  return out;
}

inline std::string amz_date(std::chrono::sys_seconds t) {  // 20150830T123600Z
  std::string s;
  awsjson::detail::append_iso_date_time(s, awsjson::detail::to_civil(t.time_since_epoch().count()), "", "");
  s += 'Z';
  return s;
}

}  // namespace detail

/// The canonical request, string to sign, signature and Authorization header of a request:
/// `path` may carry a query (`/?a=b`); `headers` are those to sign, Host among them. Computes
/// only; sign() adds the headers.
inline steps compute(std::string_view method, std::string_view path, std::span<http_header const> headers,
                     std::string_view body, credentials const& creds, scope const& where, std::chrono::sys_seconds time,
                     options const& opts = {}) {
  steps s;
  s.amz_date = detail::amz_date(time);
  s.credential_scope = s.amz_date.substr(0, 8) + '/' + where.region + '/' + where.service + "/aws4_request";

  // Headers by lower-case name, in name order; a repeated header's values joined by commas.
  std::vector<std::pair<std::string, std::string>> canon;
  for (auto const& h : headers) {
    std::string name = detail::lower(h.name), value = detail::canonical_value(h.value);
    auto at = std::find_if(canon.begin(), canon.end(), [&](auto const& c) { return c.first == name; });
    if (at == canon.end())
      canon.emplace_back(std::move(name), std::move(value));
    else
      at->second += ',' + value;
  }
  std::stable_sort(canon.begin(), canon.end(), [](auto const& a, auto const& b) { return a.first < b.first; });

  auto q = path.find('?');
  std::string_view query = q == std::string_view::npos ? std::string_view() : path.substr(q + 1);
  std::string payload_hash = detail::sha256_hex(body);
  std::string& cr = s.canonical_request;
  cr.append(method).append("\n");
  cr += detail::canonical_path(path.substr(0, q), opts.normalize_path) + '\n';
  cr += detail::canonical_query(query) + '\n';
  for (auto const& [name, value] : canon) {
    cr += name + ':' + value + '\n';
    if (!s.signed_headers.empty()) s.signed_headers += ';';
    s.signed_headers += name;
  }
  cr += '\n' + s.signed_headers + '\n' + payload_hash;

  s.string_to_sign = "AWS4-HMAC-SHA256\n" + s.amz_date + '\n' + s.credential_scope + '\n' + detail::sha256_hex(cr);
  auto key = detail::hmac("AWS4" + creds.secret_access_key, s.amz_date.substr(0, 8));
  key = detail::hmac(detail::view(key), where.region);
  key = detail::hmac(detail::view(key), where.service);
  key = detail::hmac(detail::view(key), "aws4_request");
  auto sig = detail::hmac(detail::view(key), s.string_to_sign);
  s.signature = detail::hex(sig.data(), sig.size());
  s.authorization = "AWS4-HMAC-SHA256 Credential=" + creds.access_key_id + '/' + s.credential_scope +
                    ", SignedHeaders=" + s.signed_headers + ", Signature=" + s.signature;
  return s;
}

/// Signs `request` for `host` (the endpoint's host name, with a port when not the default):
/// sets Host when absent, X-Amz-Date, X-Amz-Security-Token (temporary credentials) and
/// Authorization, replacing earlier values of these. Returns the steps.
inline steps sign(http_request& request, std::string_view host, credentials const& creds, scope const& where,
                  std::chrono::sys_seconds time, options const& opts = {}) {
  auto drop = [&](std::string_view name) {
    std::erase_if(request.headers, [&](http_header const& h) { return awsjson::detail::iequals(h.name, name); });
  };
  for (auto name : {"Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"}) drop(name);
  if (request.header("Host").empty()) request.headers.push_back({"Host", std::string(host)});
  request.headers.push_back({"X-Amz-Date", detail::amz_date(time)});
  if (opts.content_sha256_header) request.headers.push_back({"X-Amz-Content-Sha256", detail::sha256_hex(request.body)});
  bool token = !creds.session_token.empty();
  if (token && opts.sign_session_token) request.headers.push_back({"X-Amz-Security-Token", creds.session_token});
  steps s = compute(request.method, request.path, request.headers, request.body, creds, where, time, opts);
  if (token && !opts.sign_session_token) request.headers.push_back({"X-Amz-Security-Token", creds.session_token});
  request.headers.push_back({"Authorization", s.authorization});
  return s;
}

/// Signs at a time of any precision (system_clock::now()): SigV4 signs whole seconds.
template <class Duration>
steps sign(http_request& request, std::string_view host, credentials const& creds, scope const& where,
           std::chrono::sys_time<Duration> time, options const& opts = {}) {
  return sign(request, host, creds, where, std::chrono::floor<std::chrono::seconds>(time), opts);
}

/// The steps, for a log or a bug report: the canonical request with a signed session token
/// shown as "***".
inline std::string to_string(steps const& s) {
  std::string canonical = s.canonical_request;
  std::string_view key = "\nx-amz-security-token:";
  if (auto at = canonical.find(key); at != std::string::npos) {
    auto begin = at + key.size(), end = canonical.find('\n', begin);
    canonical.replace(begin, end - begin, "***");
  }
  return "canonical request:\n" + canonical + "\nstring to sign:\n" + s.string_to_sign + "\nsignature: " + s.signature +
         "\nauthorization: " + s.authorization;
}

inline std::ostream& operator<<(std::ostream& os, steps const& s) { return os << to_string(s); }

}  // namespace awsjson::sigv4
