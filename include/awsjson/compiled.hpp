// awsjson with the codec compiled elsewhere: the whole API (decode_into, decode, encode_into,
// encode, build_request, make_request, decode_response) declared, and none of the decoder,
// encoder or validator parsed. Include this instead of awsjson/awsjson.hpp in the translation
// units that use types whose codec one translation unit of the program instantiates with
// awsjson/instantiate.hpp; calls then link to it, as fmt's and Boost.JSON's compiled modes do.
//
//   // ssm_codec.cpp, once in the program:
//   #include <awsjson/instantiate.hpp>
//   #include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>
//   AWSJSON_INSTANTIATE_OPERATION(awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocation)
//
//   // everywhere else:
//   #include <awsjson/compiled.hpp>
//   #include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>
//
// A type used here without being instantiated there is a link error naming the function and type.
#pragma once

#include "api/decode.hpp"
#include "api/encode.hpp"
#include "api/operation.hpp"
#include "api/response.hpp"
#include "error.hpp"
#include "metadata.hpp"
#include "print.hpp"
#include "status.hpp"
