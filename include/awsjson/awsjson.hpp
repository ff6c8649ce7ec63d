// awsjson: typed AWS models and one generic, fast JSON codec for Boost.Describe types.
// Include this for everything, or the one-concept headers beside it for less.
#pragma once

#include "blob.hpp"
#include "codec.hpp"
#include "decode.hpp"
#include "describe.hpp"
#include "encode.hpp"
#include "enum.hpp"
#include "error.hpp"
#include "indirect.hpp"
#include "json_pointer.hpp"
#include "metadata.hpp"
#include "open_enum.hpp"
#include "operation.hpp"
#include "print.hpp"
#include "reflect.hpp"
#include "response.hpp"
#include "sensitivity.hpp"
#include "timestamp.hpp"
#include "type_traits.hpp"
#include "validate.hpp"
#include "version.hpp"
