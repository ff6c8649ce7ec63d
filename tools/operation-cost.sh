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
# shellcheck source=tools/cost-program.sh
source tools/cost-program.sh
for cxx in ${COMPILERS:-g++ clang++}; do
  cost_measure "$work" "$cxx" "$work/baseline.cpp"
  base_s=$s base_mb=$mb
  echo "$cxx $opt ${FLAGS:-}: baseline TU (<simdjson.h> + <boost/describe.hpp>): ${base_s} s, ${base_mb} MB"
  for n in ${COUNTS:-1 5 20}; do
    cost_program ssm "${ops[@]:0:n}" >"$work/ops$n.cpp"
    cost_measure "$work" "$cxx" "$work/ops$n.cpp" -I include -I services/include
    awk -v n="$n" -v s="$s" -v mb="$mb" -v b="$base_s" \
      'BEGIN { printf "  %2d operation%s: %6.1f s (%5.2fx the baseline), %5d MB\n", n, n == 1 ? " " : "s", s, s / b, mb }'
  done
done
