// Running a command line program as a user runs it, against moto_server (tests/integration/
// with_moto.py sets AWSJSON_TEST_ENDPOINT), its output read back.
#pragma once

#include <simdjson.h>
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace cli_test {

struct result {
  int status = -1;
  std::string out, err;
};

inline std::string quote(std::string const& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(std::string const& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string endpoint() {
  char const* e = std::getenv("AWSJSON_TEST_ENDPOINT");
  REQUIRE(e);  // set by with_moto.py
  return e;
}

// Runs `program` with `args` against moto (unless args choose another endpoint); `env` prefixes.
inline result run_command(std::string const& program, std::vector<std::string> const& args, std::string const& env = "",
                          bool at_moto = true) {
  std::string cmd = env + " " + quote(program);
  for (auto const& a : args) cmd += ' ' + quote(a);
  if (at_moto) cmd += " --endpoint-url " + quote(endpoint());
  static int runs = 0;
  auto scratch = std::filesystem::temp_directory_path() /
                 ("awsjson-cli-" + std::to_string(getpid()) + "-" + std::to_string(++runs));
  std::string out = scratch.string() + ".out", err = scratch.string() + ".err";
  int rc = std::system((cmd + " >" + out + " 2>" + err).c_str());
  result r{WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, slurp(out), slurp(err)};
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

inline std::string member(std::string const& json, std::string_view pointer) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  REQUIRE(parser.parse(json).get(doc) == simdjson::SUCCESS);
  std::string_view v;
  REQUIRE(doc.at_pointer(pointer).get_string().get(v) == simdjson::SUCCESS);
  return std::string(v);
}

#define RUN_OK(r)               \
  do {                          \
    auto const& run_ = (r);     \
    INFO(run_.out << run_.err); \
    REQUIRE(run_.status == 0);  \
  } while (false)

}  // namespace cli_test

using namespace cli_test;
