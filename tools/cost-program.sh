# Sourced by tools/operation-cost.sh and tools/service-cost.sh: the translation unit a user writes
# to call operations, and how its cost is measured.

# cost_program SERVICE OP...: a TU that, for each OP ("header:Type", a generated operation of
# SERVICE), calls build_request<Op> and decode_response<Op>, header-only.
cost_program() {
  local service=$1 op
  shift
  echo '#include <awsjson/awsjson.hpp>'
  for op in "$@"; do echo "#include <awsjson/$service/${op%%:*}.hpp>"; done
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
  for op in "$@"; do echo "  failures += call<awsjson::$service::${op#*:}>(body);"; done
  echo '  return failures;'
  echo '}'
}

# cost_measure DIR COMPILER FILE [ARGS...]: compiles FILE at $OPT (default -O2) with $FLAGS; sets
# s (CPU seconds, user + system) and mb (peak MB), from GNU time.
cost_measure() {
  local dir=$1 cxx=$2 file=$3
  shift 3
  # shellcheck disable=SC2086
  /usr/bin/time -f '%U %S %M' -o "$dir/time" "$cxx" -std=c++20 "${OPT:--O2}" ${FLAGS:-} "$@" -c "$file" -o "$dir/out.o"
  read -r s mb < <(awk '{ printf "%.1f %d\n", $1 + $2, $3 / 1024 }' "$dir/time")
}
