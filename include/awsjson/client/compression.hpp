// Request compression (Smithy @requestCompression; CloudWatch's PutMetricData): a body of at least
// request_min_compression_size_bytes (10,240 by default) is sent gzip-compressed, with
// `gzip` added to Content-Encoding, as botocore (compress.py) does. On zlib (awsjson::client
// links it).
#pragma once

#include <zlib.h>

#include <optional>
#include <string>
#include <string_view>

#include "../api/operation.hpp"

namespace awsjson {

/// The request compression settings of a client (botocore's names).
struct request_compression_options {
  static constexpr long min_allowed = 1, max_allowed = 1048576;  // botocore's bounds
  bool disabled = false;
  long min_size_bytes = 10240;
};

/// `data` as a gzip member (RFC 1952), or nullopt when zlib fails.
inline std::optional<std::string> gzip_compress(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16 /* a gzip header */, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return std::nullopt;
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

/// Compresses a built request of Op when Op asks for it (`request_compression = "gzip"`), the
/// settings allow it and the body is at least `min_size_bytes` long: `gzip` is appended to any
/// Content-Encoding the request has, and Content-Length follows the new body.
template <class Op>
void compress_request(http_request& request, request_compression_options const& settings) {
  if constexpr (requires { Op::request_compression; }) {
    if (Op::request_compression != "gzip" || settings.disabled) return;
    if (static_cast<long>(request.body.size()) < settings.min_size_bytes) return;
    auto packed = gzip_compress(request.body);
    if (!packed) return;  // sent as it is: compression is an optimisation
    request.body = std::move(*packed);
    std::string encoding(request.header("Content-Encoding"));
    request.set_header("Content-Encoding", encoding.empty() ? "gzip" : encoding + ",gzip");
    request.set_header("Content-Length", std::to_string(request.body.size()));
  }
}

}  // namespace awsjson
