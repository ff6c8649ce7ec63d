// cJSON used the way aws-sdk-cpp's generated result classes use it (GetMaintenanceWindow-
// ExecutionTaskInvocationResult.cpp): parse, then per member a ValueExists lookup followed by a
// GetString/GetDouble lookup; enums mapped through a string hash compared to precomputed hashes
// (MaintenanceWindowTaskTypeMapper); every string copied out as a new std::string.
#pragma once

#include <cjson/cJSON.h>

#include "../common.hpp"

namespace bench::cjson_awssdk {

// aws-sdk-cpp's HashingUtils::HashString: h = 31 * h + c.
constexpr int hash_string(char const* s) {
  unsigned h = 0;
  for (; *s; ++s) h = 31 * h + unsigned(static_cast<unsigned char>(*s));
  return int(h & 0x7fffffff);
}

struct view {  // Aws::Utils::Json::JsonView, reduced to what the result class calls
  cJSON const* node;
  bool ValueExists(char const* key) const {
    cJSON const* item = cJSON_GetObjectItemCaseSensitive(node, key);
    return item != nullptr && !cJSON_IsNull(item);
  }
  std::string GetString(char const* key) const {
    cJSON const* item = cJSON_GetObjectItemCaseSensitive(node, key);
    char const* s = cJSON_GetStringValue(item);
    return s ? std::string(s) : std::string();
  }
  double GetDouble(char const* key) const { return cJSON_GetObjectItemCaseSensitive(node, key)->valuedouble; }
};

template <class E>
awsjson::open_enum<E> enum_for_name(std::string const& name) {
  int h = hash_string(name.c_str());
  for (auto const& t : awsjson::enum_table<E>) {  // the generated mapper compares against constants
    char buf[64];
    std::size_t n = std::min(t.wire.size(), sizeof buf - 1);
    std::memcpy(buf, t.wire.data(), n);
    buf[n] = 0;
    if (h == hash_string(buf)) return t.value;
  }
  return awsjson::open_enum<E>::from_string(name);  // the overflow container
}

inline bool decode(char const* json, std::size_t len, Response& r) {
  cJSON* root = cJSON_ParseWithLength(json, len);
  if (!root) return false;
  view v{root};
  r = Response{};
  if (v.ValueExists("WindowExecutionId")) r.WindowExecutionId = v.GetString("WindowExecutionId");
  if (v.ValueExists("TaskExecutionId")) r.TaskExecutionId = v.GetString("TaskExecutionId");
  if (v.ValueExists("InvocationId")) r.InvocationId = v.GetString("InvocationId");
  if (v.ValueExists("ExecutionId")) r.ExecutionId = v.GetString("ExecutionId");
  if (v.ValueExists("TaskType"))
    r.TaskType = enum_for_name<awsjson::ssm::MaintenanceWindowTaskType>(v.GetString("TaskType"));
  if (v.ValueExists("Parameters")) r.Parameters = v.GetString("Parameters");
  if (v.ValueExists("Status"))
    r.Status = enum_for_name<awsjson::ssm::MaintenanceWindowExecutionStatus>(v.GetString("Status"));
  if (v.ValueExists("StatusDetails")) r.StatusDetails = v.GetString("StatusDetails");
  if (v.ValueExists("StartTime")) r.StartTime = from_seconds(v.GetDouble("StartTime"));
  if (v.ValueExists("EndTime")) r.EndTime = from_seconds(v.GetDouble("EndTime"));
  if (v.ValueExists("OwnerInformation")) r.OwnerInformation = v.GetString("OwnerInformation");
  if (v.ValueExists("WindowTargetId")) r.WindowTargetId = v.GetString("WindowTargetId");
  cJSON_Delete(root);
  return true;
}

}  // namespace bench::cjson_awssdk
