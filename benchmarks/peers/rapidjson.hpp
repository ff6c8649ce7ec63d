// RapidJSON: parse to its DOM (in its fastest non-destructive mode), then FindMember per member.
#pragma once

#include <rapidjson/document.h>

#include "../common.hpp"

namespace bench::rapid {

inline void get_string(rapidjson::Document const& d, char const* key, std::optional<std::string>& out) {
  auto it = d.FindMember(key);
  if (it != d.MemberEnd() && it->value.IsString()) slot(out).assign(it->value.GetString(), it->value.GetStringLength());
}

template <class E>
void get_enum(rapidjson::Document const& d, char const* key, std::optional<awsjson::open_enum<E>>& out) {
  auto it = d.FindMember(key);
  if (it != d.MemberEnd() && it->value.IsString())
    slot(out).assign(std::string_view(it->value.GetString(), it->value.GetStringLength()));
}

inline void get_time(rapidjson::Document const& d, char const* key, std::optional<awsjson::timestamp>& out) {
  auto it = d.FindMember(key);
  if (it != d.MemberEnd() && it->value.IsNumber()) out = from_seconds(it->value.GetDouble());
}

inline bool decode(char const* json, std::size_t len, Response& r) {
  thread_local rapidjson::Document d;  // reuses its allocator's pool across calls
  d.Parse<rapidjson::kParseFullPrecisionFlag>(json, len);
  if (d.HasParseError() || !d.IsObject()) return false;
  r = Response{};
  get_string(d, "WindowExecutionId", r.WindowExecutionId);
  get_string(d, "TaskExecutionId", r.TaskExecutionId);
  get_string(d, "InvocationId", r.InvocationId);
  get_string(d, "ExecutionId", r.ExecutionId);
  get_enum(d, "TaskType", r.TaskType);
  get_string(d, "Parameters", r.Parameters);
  get_enum(d, "Status", r.Status);
  get_string(d, "StatusDetails", r.StatusDetails);
  get_time(d, "StartTime", r.StartTime);
  get_time(d, "EndTime", r.EndTime);
  get_string(d, "OwnerInformation", r.OwnerInformation);
  get_string(d, "WindowTargetId", r.WindowTargetId);
  return true;
}

}  // namespace bench::rapid
