// The single header's former installed place: it now lives in <prefix>/include/awsjson_single_include/awsjson/.
#pragma once
#include "../../awsjson_single_include/awsjson/awsjson.hpp"
