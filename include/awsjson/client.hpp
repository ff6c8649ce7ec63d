// The client part of awsjson: calling AWS (link the CMake target awsjson::client: OpenSSL's
// libcrypto and libcurl). Not part of awsjson.hpp: code that does not call AWS pays nothing.
//   client/client.hpp          awsjson::client, call<Op>()
//   client/transport.hpp       the transport interface; client/curl_transport.hpp, on libcurl
//   client/credentials.hpp     credential providers, the default chain, the cache
//   client/profile.hpp         the shared credentials and config files
//   client/retry.hpp           standard retry mode
#pragma once

#include "client/client.hpp"
