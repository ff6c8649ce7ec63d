// The commands of one service of awsjson, a slice of them per compilation: AWSJSON_CLI_SERVICE is
// the service's folder (ssm, secretsmanager), AWSJSON_CLI_NAME its AWS CLI name, and slice
// AWSJSON_CLI_SLICE of AWSJSON_CLI_SLICES (set by a file cli/CMakeLists.txt writes per slice).
// Each operation registers run<Op> under its AWS CLI name, each waiter run_wait<W> (slice 0). A
// hundred operations' codecs in one TU would take minutes and gigabytes; slices build in parallel.
#include <boost/preprocessor/stringize.hpp>

#include BOOST_PP_STRINGIZE(awsjson/AWSJSON_CLI_SERVICE/all.hpp)

#include "run.hpp"

namespace {

namespace service = awsjson::AWSJSON_CLI_SERVICE;

bool const registered = [] {
  auto& commands = cli::services()[AWSJSON_CLI_NAME];
  using ops = service::operations;
  boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<ops>>>([&](auto i) {
    if constexpr (decltype(i)::value % AWSJSON_CLI_SLICES == AWSJSON_CLI_SLICE) {
      using Op = boost::mp11::mp_at_c<ops, decltype(i)::value>;
      commands.operations[cli::kebab(Op::name)] = &cli::run<Op>;
    }
  });
  if constexpr (AWSJSON_CLI_SLICE == 0)
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, service::waiters::all>>([&](auto w) {
      using W = typename decltype(w)::type;
      commands.waiters[cli::kebab(W::name)] = &cli::run_wait<W>;
    });
  return true;
}();

}  // namespace
