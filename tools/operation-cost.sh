#!/usr/bin/env bash
# Build cost of a program that uses generated operations the way a user does: for each of N SSM
# operations it calls awsjson::build_request<Op> and awsjson::decode_response<Op> (header-only, one
# translation unit), against a TU that includes only <simdjson.h> and <boost/describe.hpp>.
# Prints CPU seconds (user + system) and peak memory from GNU time, for N = 1, 5 and 20, with each
# compiler in COMPILERS (default "g++ clang++") at OPT (default -O2). COUNTS="1 5" picks others;
# FLAGS adds compiler flags (FLAGS=-DAWSJSON_DECODE_INLINE_BUDGET=0: every structure from its table).
# Targets (issue #25): 20 operations <= 4x the baseline TU and <= 800 MB with g++; 1 operation <=
# 1.6x the baseline TU.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
opt=${OPT:--O2}
ops=(get_maintenance_window_execution_task_invocation:GetMaintenanceWindowExecutionTaskInvocation
  get_parameter:GetParameter put_parameter:PutParameter send_command:SendCommand
  describe_instance_information:DescribeInstanceInformation get_command_invocation:GetCommandInvocation
  list_commands:ListCommands describe_parameters:DescribeParameters
  get_parameters_by_path:GetParametersByPath create_maintenance_window:CreateMaintenanceWindow
  describe_maintenance_windows:DescribeMaintenanceWindows get_maintenance_window_task:GetMaintenanceWindowTask
  register_task_with_maintenance_window:RegisterTaskWithMaintenanceWindow list_documents:ListDocuments
  get_document:GetDocument describe_automation_executions:DescribeAutomationExecutions
  start_automation_execution:StartAutomationExecution get_inventory:GetInventory
  list_associations:ListAssociations describe_association:DescribeAssociation)
cat > "$work/baseline.cpp" <<'CPP'
#include <boost/describe.hpp>
#include <simdjson.h>
int main() { return 0; }
CPP
program() {  # program N: the user's TU with the first N operations
  echo '#include <awsjson/awsjson.hpp>'
  local i
  for ((i = 0; i < $1; i++)); do echo "#include <awsjson/ssm/${ops[i]%%:*}.hpp>"; done
  cat <<'CPP'
template <class Op>
int call(std::string_view body) {
  awsjson::http_request http;
  if (awsjson::build_request<Op>(typename Op::input{}, http)) return 1;
  std::vector<awsjson::http_header> headers{{"x-amzn-RequestId", "r"}};
  return awsjson::decode_response<Op>(200, headers, body).ok() ? 0 : 1;
}
int main(int argc, char** argv) {
  std::string_view body = argc > 1 ? argv[1] : "{}";
  int failures = 0;
CPP
  for ((i = 0; i < $1; i++)); do echo "  failures += call<awsjson::ssm::${ops[i]#*:}>(body);"; done
  echo '  return failures;'
  echo '}'
}
measure() {  # measure COMPILER FILE [ARGS...]: sets s (CPU seconds) and mb (peak MB)
  local cxx=$1 file=$2
  shift 2
  # shellcheck disable=SC2086
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$cxx" -std=c++20 "$opt" ${FLAGS:-} "$@" -c "$file" -o "$work/out.o"
  read -r s mb < <(awk '{ printf "%.1f %d\n", $1 + $2, $3 / 1024 }' "$work/time")
}
for cxx in ${COMPILERS:-g++ clang++}; do
  measure "$cxx" "$work/baseline.cpp"
  base_s=$s base_mb=$mb
  echo "$cxx $opt ${FLAGS:-}: baseline TU (<simdjson.h> + <boost/describe.hpp>): ${base_s} s, ${base_mb} MB"
  for n in ${COUNTS:-1 5 20}; do
    program "$n" >"$work/ops$n.cpp"
    measure "$cxx" "$work/ops$n.cpp" -I include
    awk -v n="$n" -v s="$s" -v mb="$mb" -v b="$base_s" \
      'BEGIN { printf "  %2d operation%s: %6.1f s (%5.2fx the baseline), %5d MB\n", n, n == 1 ? " " : "s", s, s / b, mb }'
  done
done
