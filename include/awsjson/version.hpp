// awsjson version: the one source of truth (CMakeLists.txt reads these lines).
#pragma once

#define AWSJSON_VERSION_MAJOR 0
#define AWSJSON_VERSION_MINOR 1
#define AWSJSON_VERSION_PATCH 0

#define AWSJSON_VERSION (AWSJSON_VERSION_MAJOR * 10000 + AWSJSON_VERSION_MINOR * 100 + AWSJSON_VERSION_PATCH)
