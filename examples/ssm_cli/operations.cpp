// The operations of awsjson-ssm, a slice of them per compilation (AWSJSON_CLI_SLICE of
// AWSJSON_CLI_SLICES, see examples/CMakeLists.txt): each registers run<Op> under its AWS CLI name.
// 146 operations' codecs in one TU would take minutes and gigabytes; slices build in parallel.
#include <awsjson/ssm/all.hpp>

#include "run.hpp"

namespace {

bool const registered = [] {
  using ops = awsjson::ssm::operations;
  boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<ops>>>([](auto i) {
    if constexpr (decltype(i)::value % AWSJSON_CLI_SLICES == AWSJSON_CLI_SLICE) {
      using Op = boost::mp11::mp_at_c<ops, decltype(i)::value>;
      cli::operations()[cli::kebab(Op::name)] = &cli::run<Op>;
    }
  });
  return true;
}();

}  // namespace
