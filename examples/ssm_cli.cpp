// awsjson-ssm: every SSM operation from the command line, the way the AWS CLI calls them.
//
//   awsjson-ssm get-maintenance-window --window-id mw-0123456789abcdef0
//   awsjson-ssm put-parameter --name /app/db --value s3cret --type SecureString --overwrite
//   awsjson-ssm describe-maintenance-windows --endpoint-url http://127.0.0.1:5000 --region eu-west-3
//   awsjson-ssm --endpoint-url http://127.0.0.1:5000 --region eu-west-3 describe-maintenance-windows
//
// Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; the region from
// --region, AWS_REGION or AWS_DEFAULT_REGION. The output is JSON with sensitive members shown as
// "***" (--show-sensitive shows them). Exit status: 0 done, 252 bad input, 254 the service
// answered with an error, 255 no answer. The call itself is examples/ssm_cli/run.hpp.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ssm_cli/cli.hpp"

namespace {

int usage(char const* why) {
  if (why) std::fprintf(stderr, "awsjson-ssm: %s\n", why);
  std::fprintf(stderr,
               "usage: awsjson-ssm [global options] OPERATION [--member value ...] [global options]\n"
               "       global options: --region R, --endpoint-url URL, --show-sensitive, --debug\n"
               "       awsjson-ssm help   (lists the %zu operations)\n",
               cli::operations().size());
  return 252;
}

std::string env(char const* name) {
  char const* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

// A global option of the AWS CLI: taken before or after the operation. Returns false for any other.
static bool global_option(cli::arguments& args, std::string const& name, std::vector<std::string> const& values) {
  if (name == "region" && values.size() == 1)
    args.region = values[0];
  else if (name == "endpoint-url" && values.size() == 1)
    args.endpoint_url = values[0];
  else if (name == "show-sensitive" && values.empty())
    args.show_sensitive = true;
  else if (name == "debug" && values.empty())
    args.debug = true;
  else
    return false;
  return true;
}

int main(int argc, char** argv) {
  cli::context ctx;
  // Global options first (`awsjson-ssm --region R --endpoint-url URL OPERATION ...`), as people
  // type them; then the operation; then its options and more global ones.
  int i = 1;
  while (i < argc && std::string(argv[i]).rfind("--", 0) == 0 && std::string(argv[i]) != "--help") {
    std::string name = std::string(argv[i]).substr(2);
    std::vector<std::string> values;
    bool takes_value = name == "region" || name == "endpoint-url";
    if (takes_value && i + 1 < argc) values.push_back(argv[++i]);
    if (!global_option(ctx.args, name, values))
      return usage(("--" + name + " before the operation is not a global option").c_str());
    ++i;
  }
  if (i >= argc) return usage(nullptr);
  std::string op = argv[i];
  if (op == "help" || op == "--help") {
    for (auto const& [name, run] : cli::operations()) std::printf("%s\n", name.c_str());
    return 0;
  }
  auto found = cli::operations().find(op);
  if (found == cli::operations().end()) return usage(("no operation named " + op).c_str());

  for (++i; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0) return usage(("expected an option, found " + a).c_str());
    a = a.substr(2);
    std::vector<std::string> values;
    while (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) values.push_back(argv[++i]);
    if (!global_option(ctx.args, a, values)) ctx.args.options.emplace_back(a, std::move(values));
  }
  if (ctx.args.region.empty()) ctx.args.region = env("AWS_REGION");
  if (ctx.args.region.empty()) ctx.args.region = env("AWS_DEFAULT_REGION");
  if (ctx.args.region.empty()) return usage("no region: pass --region or set AWS_REGION");
  ctx.credentials = {env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY"), env("AWS_SESSION_TOKEN")};
  if (ctx.credentials.access_key_id.empty() || ctx.credentials.secret_access_key.empty())
    return usage("no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");

  ctx.endpoint =
      ctx.args.endpoint_url.empty() ? "https://ssm." + ctx.args.region + ".amazonaws.com" : ctx.args.endpoint_url;
  while (!ctx.endpoint.empty() && ctx.endpoint.back() == '/') ctx.endpoint.pop_back();
  auto scheme = ctx.endpoint.find("://");
  if (scheme == std::string::npos) return usage("--endpoint-url needs a scheme: http:// or https://");
  ctx.host = ctx.endpoint.substr(scheme + 3);
  ctx.host = ctx.host.substr(0, ctx.host.find('/'));
  return found->second(ctx);
}
