// The client part of awsjson: calling AWS (link the CMake target awsjson::client: OpenSSL's
// libcrypto and libcurl). Not part of awsjson.hpp: code that does not call AWS pays nothing.
//   client/client.hpp          awsjson::client, call<Op>()
//   client/transport.hpp       the transport interface; client/curl_transport.hpp, on libcurl
//   client/credentials.hpp     credential providers, the default chain, the cache
//   client/profile.hpp         the shared credentials and config files
//   client/retry.hpp           standard retry mode
//   client/paginator.hpp       awsjson::paginator<Op>: the pages of a paginated operation
//   client/waiter.hpp          awsjson::wait<W>(): a waiter of a service's waiters.hpp
//   client/jmespath.hpp        the JMESPath of paginators and waiters
#pragma once

#include "client/client.hpp"
#include "client/jmespath.hpp"
#include "client/paginator.hpp"
#include "client/waiter.hpp"
