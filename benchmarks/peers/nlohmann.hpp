// nlohmann::json: parse to its DOM, then look members up, as a typical user would.
#pragma once

#include <nlohmann/json.hpp>

#include "../common.hpp"

namespace bench::nlohmann_json {

inline void get_string(nlohmann::json const& j, char const* key, std::optional<std::string>& out) {
  if (auto it = j.find(key); it != j.end() && it->is_string()) out = it->get<std::string>();
}

template <class E>
void get_enum(nlohmann::json const& j, char const* key, std::optional<awsjson::open_enum<E>>& out) {
  if (auto it = j.find(key); it != j.end() && it->is_string()) slot(out).assign(it->get_ref<std::string const&>());
}

inline void get_time(nlohmann::json const& j, char const* key, std::optional<awsjson::timestamp>& out) {
  if (auto it = j.find(key); it != j.end() && it->is_number()) out = from_seconds(it->get<double>());
}

inline bool decode(std::string_view json, Response& r) {
  auto j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (!j.is_object()) return false;
  r = Response{};
  get_string(j, "WindowExecutionId", r.WindowExecutionId);
  get_string(j, "TaskExecutionId", r.TaskExecutionId);
  get_string(j, "InvocationId", r.InvocationId);
  get_string(j, "ExecutionId", r.ExecutionId);
  get_enum(j, "TaskType", r.TaskType);
  get_string(j, "Parameters", r.Parameters);
  get_enum(j, "Status", r.Status);
  get_string(j, "StatusDetails", r.StatusDetails);
  get_time(j, "StartTime", r.StartTime);
  get_time(j, "EndTime", r.EndTime);
  get_string(j, "OwnerInformation", r.OwnerInformation);
  get_string(j, "WindowTargetId", r.WindowTargetId);
  return true;
}

inline nlohmann::json to_json(Response const& r) {
  nlohmann::json j = nlohmann::json::object();
  auto put = [&](char const* k, auto const& v) {
    if (v) j[k] = *v;
  };
  put("WindowExecutionId", r.WindowExecutionId);
  put("TaskExecutionId", r.TaskExecutionId);
  put("InvocationId", r.InvocationId);
  put("ExecutionId", r.ExecutionId);
  if (r.TaskType) j["TaskType"] = std::string(r.TaskType->wire());
  put("Parameters", r.Parameters);
  if (r.Status) j["Status"] = std::string(r.Status->wire());
  put("StatusDetails", r.StatusDetails);
  if (r.StartTime) j["StartTime"] = double(r.StartTime->time_since_epoch().count()) / 1000.0;
  if (r.EndTime) j["EndTime"] = double(r.EndTime->time_since_epoch().count()) / 1000.0;
  put("OwnerInformation", r.OwnerInformation);
  put("WindowTargetId", r.WindowTargetId);
  return j;
}

inline std::string encode(Response const& r) { return to_json(r).dump(); }
inline std::string encode(Request const& r) {
  return nlohmann::json{
      {"WindowExecutionId", r.WindowExecutionId}, {"TaskId", r.TaskId}, {"InvocationId", r.InvocationId}}
      .dump();
}

}  // namespace bench::nlohmann_json
