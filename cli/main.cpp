// awsjson: AWS operations from the command line, the way the AWS CLI calls them.
//
//   awsjson ssm get-parameter --name /app/db --with-decryption
//   awsjson --endpoint-url http://127.0.0.1:5000 dynamodb describe-table --table-name orders
//   awsjson ssm describe-parameters --max-items 10 --output json
//   awsjson dynamodb wait table-exists --table-name orders
//   awsjson-ssm get-maintenance-window --window-id mw-0123456789abcdef0   (awsjson ssm ...)
//
//   awsjson ssm get-parameter --name /app/db --query Parameter.Value --output text
//   awsjson ssm get-parameter help                (its options, types, required ones, enum values)
//
// Global options go before or after the command: --region, --endpoint-url, --profile, --output
// json|text|table, --query, --debug, --show-sensitive, --no-paginate, --max-items, --starting-token,
// --page-size, --cli-input-json (JSON, or file://PATH), and for waiters --waiter-delay and
// --waiter-max-attempts. Credentials and the region come from awsjson::client's chain (the
// environment, the shared files and a profile, credential_process, the container and instance
// metadata services). The output is JSON (or the AWS CLI's text or table: --output, AWS_DEFAULT_OUTPUT, the
// profile's `output`), timestamps in ISO 8601 in the local time zone (the profile's
// cli_timestamp_format = none: as the service sent them), sensitive members shown as "***"
// (--show-sensitive shows them). Exit status as the AWS
// CLI's: 0 done, 252 bad command line, 253 no region or credentials, 254 the service answered with
// an error, 255 anything else (no answer, a waiter that failed).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "cli.hpp"

namespace {

char const* program = "awsjson";

int usage(std::string const& why) {
  if (!why.empty()) std::fprintf(stderr, "%s: %s\n", program, why.c_str());
  std::fprintf(stderr,
               "usage: awsjson [global options] SERVICE OPERATION [--member value ...] [global options]\n"
               "       awsjson [global options] SERVICE wait WAITER [--member value ...]\n"
               "       awsjson [global options] SERVICE OPERATION help\n"
               "       global options: --region R, --endpoint-url URL, --profile P, --output json|text|table,\n"
               "         --query JMESPATH, --color on|off|auto, --debug,\n"
               "         --show-sensitive, --no-paginate, --max-items N, --starting-token T, --page-size N,\n"
               "         --cli-input-json JSON|file://PATH, --waiter-delay S, --waiter-max-attempts N\n"
               "       awsjson help            the services\n"
               "       awsjson SERVICE help    its operations and waiters\n");
  return cli::usage;
}

enum class option_arity { none, one, not_global };

option_arity global_arity(std::string const& name) {
  for (char const* flag : {"debug", "show-sensitive", "no-paginate"})
    if (name == flag) return option_arity::none;
  for (char const* with_value :
       {"region", "endpoint-url", "profile", "output", "query", "color", "max-items", "starting-token", "page-size",
        "cli-input-json", "waiter-delay", "waiter-max-attempts"})
    if (name == with_value) return option_arity::one;
  return option_arity::not_global;
}

std::optional<long long> count_of(std::string const& v) {
  if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(v);
}

// A global option and its value; an error message, empty when taken.
std::string take_global(cli::arguments& a, std::string const& name, std::string const& value) {
  if (name == "debug") a.debug = true;
  if (name == "show-sensitive") a.show_sensitive = true;
  if (name == "no-paginate") a.no_paginate = true;
  if (name == "region") a.region = value;
  if (name == "endpoint-url") {
    a.endpoint_url = value;
    if (value.find("://") == std::string::npos) return "--endpoint-url needs a scheme: http:// or https://";
  }
  if (name == "profile") a.profile = value;
  if (name == "output") {
    if (value != "json" && value != "text" && value != "table")
      return "--output " + value + ": expected json, text or table";
    a.output = value;
  }
  if (name == "color") {
    if (value != "on" && value != "off" && value != "auto") return "--color " + value + ": expected on, off or auto";
    a.color = value;
  }
  if (name == "query") {
    awsjson::jmespath::expression query(value);
    if (!query.error().empty()) return "--query: " + query.error();
    a.query = value;
  }
  if (name == "starting-token") a.starting_token = value;
  if (name == "max-items" || name == "page-size" || name == "waiter-max-attempts") {
    auto n = count_of(value);
    if (!n || *n == 0) return "--" + name + ": expected a positive whole number, found " + value;
    if (name == "max-items") a.max_items = n;
    if (name == "page-size") a.page_size = n;
    if (name == "waiter-max-attempts") a.waiter_max_attempts = int(std::min(*n, 100000LL));
  }
  if (name == "waiter-delay") {
    auto n = count_of(value);
    if (!n) return "--waiter-delay: expected seconds, found " + value;
    a.waiter_delay = double(*n);
  }
  if (name == "cli-input-json") {
    if (value.rfind("file://", 0) == 0) {
      std::ifstream in(value.substr(7));
      if (!in) return "--cli-input-json: cannot read " + value.substr(7);
      std::stringstream text;
      text << in.rdbuf();
      a.cli_input_json = text.str();
    } else {
      a.cli_input_json = value;
    }
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  cli::context ctx;
  std::string self = argv[0];
  self = self.substr(self.rfind('/') + 1);
  std::vector<std::string> words;  // SERVICE, OPERATION (or wait WAITER)
  bool output_given = false;
  if (self.rfind("awsjson-", 0) == 0) {  // awsjson-ssm: awsjson ssm
    program = argv[0] + (std::string(argv[0]).size() - self.size());
    words.push_back(self.substr(8));
  }
  // Global options anywhere; the words; then the operation's options (a name and its values).
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "help") {
      words.push_back("help");
      continue;
    }
    if (a.rfind("--", 0) != 0) {
      if (!ctx.args.options.empty()) return usage("expected an option, found " + a);
      words.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    switch (global_arity(name)) {
      case option_arity::none:
        (void)take_global(ctx.args, name, "");
        continue;
      case option_arity::one:
        if (i + 1 >= argc) return usage("--" + name + " needs a value");
        output_given = output_given || name == "output";
        if (auto why = take_global(ctx.args, name, argv[++i]); !why.empty()) return usage(why);
        continue;
      case option_arity::not_global:
        break;
    }
    if (words.size() < 2 || (words[1] == "wait" && words.size() < 3))
      return usage("--" + name + " before the operation is not a global option");
    std::vector<std::string> values;
    while (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) values.push_back(argv[++i]);
    ctx.args.options.emplace_back(name, std::move(values));
  }

  auto& services = cli::services();
  if (words.empty()) return usage("");
  if (words[0] == "help") {
    for (auto const& [name, commands] : services) std::printf("%s\n", name.c_str());
    return cli::ok;
  }
  auto service = services.find(words[0]);
  if (service == services.end()) return usage("no service named " + words[0] + " (awsjson help lists them)");
  auto const& commands = service->second;
  if (words.size() < 2) return usage("");
  if (words[1] == "help") {
    for (auto const& [name, run] : commands.operations) std::printf("%s\n", name.c_str());
    for (auto const& [name, run] : commands.waiters) std::printf("wait %s\n", name.c_str());
    return cli::ok;
  }
  cli::runner run = nullptr;
  if (words[1] == "wait") {
    ctx.args.help = words.size() == 4 && words[3] == "help";
    if (words.size() != 3 && !ctx.args.help) return usage("wait needs a waiter: " + words[0] + " help lists them");
    auto found = commands.waiters.find(words[2]);
    if (found == commands.waiters.end()) return usage("no waiter named " + words[2]);
    run = found->second;
  } else {
    ctx.args.help = words.size() == 3 && words[2] == "help";
    if (words.size() != 2 && !ctx.args.help) return usage("expected an option, found " + words[2]);
    auto found = commands.operations.find(words[1]);
    if (found == commands.operations.end()) return usage("no operation named " + words[1]);
    run = found->second;
  }

  if (ctx.args.help) return run(ctx);  // no client, no credentials

  // What the AWS CLI reads from the profile for its output.
  auto config = awsjson::shared_config::load(awsjson::environment{}, ctx.args.profile);
  if (!output_given) {
    auto output = awsjson::environment{}.value("AWS_DEFAULT_OUTPUT", config.get("output").value_or("json"));
    if (output != "json" && output != "text" && output != "table") {
      std::fprintf(stderr, "%s: output %s (AWS_DEFAULT_OUTPUT or the profile's): expected json, text or table\n",
                   program, output.c_str());
      return cli::configuration;
    }
    ctx.args.output = output;
  }
  auto timestamps = config.get("cli_timestamp_format").value_or("iso8601");
  if (timestamps != "iso8601" && timestamps != "none") {
    std::fprintf(stderr, "%s: Unknown cli_timestamp_format value: %s, valid values are: none or iso8601\n", program,
                 timestamps.c_str());
    return cli::configuration;
  }
  ctx.args.iso_timestamps = timestamps == "iso8601";

  awsjson::client_options options;
  options.region = ctx.args.region;
  options.endpoint_url = ctx.args.endpoint_url;
  options.profile = ctx.args.profile;
  if (ctx.args.debug) options.log = [](std::string const& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  ctx.client = std::make_unique<awsjson::client>(options);
  return run(ctx);
}
