// simdjson's DOM API: parse to a tape, then look members up.
#pragma once

#include <simdjson.h>

#include "../common.hpp"

namespace bench::simdjson_dom {

inline bool decode(simdjson::padded_string_view json, Response& r) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  simdjson::dom::object obj;
  if (parser.parse(json.data(), json.size(), false).get(doc) || doc.get_object().get(obj)) return false;
  r = Response{};
  for (auto [key, value] : obj) {
    std::string_view s;
    double d;
    if (key == "WindowExecutionId" && !value.get_string().get(s))
      r.WindowExecutionId.emplace(s);
    else if (key == "TaskExecutionId" && !value.get_string().get(s))
      r.TaskExecutionId.emplace(s);
    else if (key == "InvocationId" && !value.get_string().get(s))
      r.InvocationId.emplace(s);
    else if (key == "ExecutionId" && !value.get_string().get(s))
      r.ExecutionId.emplace(s);
    else if (key == "TaskType" && !value.get_string().get(s))
      slot(r.TaskType).assign(s);
    else if (key == "Parameters" && !value.get_string().get(s))
      r.Parameters.emplace(s);
    else if (key == "Status" && !value.get_string().get(s))
      slot(r.Status).assign(s);
    else if (key == "StatusDetails" && !value.get_string().get(s))
      r.StatusDetails.emplace(s);
    else if (key == "StartTime" && !value.get_double().get(d))
      r.StartTime = from_seconds(d);
    else if (key == "EndTime" && !value.get_double().get(d))
      r.EndTime = from_seconds(d);
    else if (key == "OwnerInformation" && !value.get_string().get(s))
      r.OwnerInformation.emplace(s);
    else if (key == "WindowTargetId" && !value.get_string().get(s))
      r.WindowTargetId.emplace(s);
  }
  return true;
}

}  // namespace bench::simdjson_dom
