// awsjson: typed AWS models and one generic, fast JSON codec for Boost.Describe types.
// Include this for everything, or the one-concept headers beside it for less.
#pragma once

#include "version.hpp"
#include "metadata.hpp"
#include "reflect.hpp"
#include "enum.hpp"
#include "open_enum.hpp"
#include "timestamp.hpp"
#include "blob.hpp"
#include "type_traits.hpp"
#include "error.hpp"
#include "codec.hpp"
#include "decode.hpp"
#include "encode.hpp"
#include "validate.hpp"
#include "print.hpp"
#include "operation.hpp"
#include "response.hpp"
