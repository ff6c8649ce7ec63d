// awsjson/sigv4.hpp against AWS's own SigV4 test suite (tests/data/sigv4/aws-test-suite: every case
// signed in headers, each step equal to the suite's files) and against botocore's signer
// (tests/data/sigv4/botocore.json, tools/gen_sigv4_vectors.py: SSM and DynamoDB requests, the
// headers botocore added compared byte for byte). Planted secrets never show in a print.
#include <simdjson.h>
#include <catch2/catch.hpp>

#include <awsjson/sigv4.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using awsjson::sigv4::credentials;

std::string read(fs::path const& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::chrono::sys_seconds parse_time(std::string_view iso) {  // 2015-08-30T12:36:00Z
  auto num = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(iso.substr(at, n))); };
  std::chrono::year_month_day ymd{std::chrono::year(num(0, 4)), std::chrono::month(unsigned(num(5, 2))),
                                  std::chrono::day(unsigned(num(8, 2)))};
  return std::chrono::sys_days(ymd) + std::chrono::hours(num(11, 2)) + std::chrono::minutes(num(14, 2)) +
         std::chrono::seconds(num(17, 2));
}

// request.txt: "METHOD PATH HTTP/1.1", headers ("Name:value", folded lines start with a blank),
// an empty line, the body.
awsjson::http_request parse_request(std::string const& text) {
  awsjson::http_request r;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  auto sp = line.find(' '), last = line.rfind(' ');
  r.method = line.substr(0, sp);
  r.path = line.substr(sp + 1, last - sp - 1);
  while (std::getline(in, line) && !line.empty()) {
    if (line[0] == ' ' || line[0] == '\t') {
      r.headers.back().value += '\n' + line;
      continue;
    }
    auto colon = line.find(':');
    r.headers.push_back({line.substr(0, colon), line.substr(colon + 1)});
  }
  std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  r.body = rest;
  return r;
}

std::string header_line(std::string const& signed_request, std::string_view name) {
  std::istringstream in(signed_request);
  std::string line;
  while (std::getline(in, line))
    if (line.size() > name.size() && line.compare(0, name.size(), name) == 0 && line[name.size()] == ':')
      return line.substr(name.size() + 1);
  return {};
}

std::string printed(auto const& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

}  // namespace

TEST_CASE("SigV4: every case of AWS's test suite, signed in headers", "[sigv4]") {
  fs::path suite = fs::path(AWSJSON_TEST_DATA_DIR) / "sigv4" / "aws-test-suite";
  int cases = 0;
  for (auto const& dir : fs::directory_iterator(suite)) {
    if (!dir.is_directory()) continue;
    std::string name = dir.path().filename().string();
    INFO(name);
    simdjson::dom::parser parser;
    simdjson::dom::element context = parser.parse(simdjson::padded_string(read(dir.path() / "context.json")));
    credentials creds{std::string(context["credentials"]["access_key_id"].get_string().value()),
                      std::string(context["credentials"]["secret_access_key"].get_string().value()), ""};
    std::string_view token;
    if (!context["credentials"]["token"].get_string().get(token)) creds.session_token = std::string(token);
    awsjson::sigv4::options opts;
    opts.normalize_path = context["normalize"].get_bool().value();
    opts.content_sha256_header = context["sign_body"].get_bool().value();
    bool omit = false;
    if (context["omit_session_token"].get_bool().get(omit)) omit = false;  // absent: the token is signed
    opts.sign_session_token = !omit;
    awsjson::sigv4::scope where{std::string(context["region"].get_string().value()),
                                std::string(context["service"].get_string().value())};
    auto time = parse_time(context["timestamp"].get_string().value());

    awsjson::http_request request = parse_request(read(dir.path() / "request.txt"));
    auto steps = awsjson::sigv4::sign(request, "example.amazonaws.com", creds, where, time, opts);
    CHECK(steps.canonical_request == read(dir.path() / "header-canonical-request.txt"));
    CHECK(steps.string_to_sign == read(dir.path() / "header-string-to-sign.txt"));
    CHECK(steps.signature == read(dir.path() / "header-signature.txt"));
    std::string expected = read(dir.path() / "header-signed-request.txt");
    CHECK(request.header("Authorization") == header_line(expected, "Authorization"));
    CHECK(request.header("X-Amz-Date") == header_line(expected, "X-Amz-Date"));
    CHECK(request.header("X-Amz-Security-Token") == header_line(expected, "X-Amz-Security-Token"));
    ++cases;
  }
  CHECK(cases == 38);
}

TEST_CASE("SigV4: SSM and DynamoDB requests signed as botocore signs them", "[sigv4]") {
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.load(std::string(AWSJSON_TEST_DATA_DIR) + "/sigv4/botocore.json").value();
  int cases = 0;
  for (simdjson::dom::element c : root["cases"].get_array()) {
    auto str = [&](simdjson::dom::element e) { return std::string(e.get_string().value()); };
    INFO(str(c["operation"]) << " in " << str(c["region"]) << " at " << str(c["time"]));
    awsjson::http_request request{str(c["method"]), str(c["path"]), {}, str(c["body"])};
    for (auto [k, v] : c["headers"].get_object()) request.headers.push_back({std::string(k), str(v)});
    credentials creds{str(c["credentials"]["access_key_id"]), str(c["credentials"]["secret_access_key"]),
                      str(c["credentials"]["session_token"])};
    auto steps = awsjson::sigv4::sign(request, str(c["host"]), creds, {str(c["region"]), str(c["service"])},
                                      parse_time(str(c["time"])));
    int expected = 0;
    for (auto [k, v] : c["expected_headers"].get_object()) {
      INFO(k);
      CHECK(request.header(k) == v.get_string().value());
      ++expected;
    }
    // What botocore added and awsjson too: X-Amz-Date, Authorization, the token when there is one.
    CHECK(request.headers.size() == c["headers"].get_object().size() + std::size_t(expected) + 1);  // + Host
    CHECK(request.header("Host") == str(c["host"]));

    // The secret and the token, planted in every case, never in a print of the credentials or steps.
    std::string shown = printed(creds) + printed(steps) + awsjson::to_string(creds);
    INFO(shown);
    CHECK(shown.find("PLANTED-SECRET") == std::string::npos);
    CHECK(shown.find(creds.access_key_id) != std::string::npos);  // the key id is not a secret
    ++cases;
  }
  CHECK(cases == 16);
}

TEST_CASE("SigV4: a changed byte changes the signature; re-signing replaces the old headers", "[sigv4]") {
  credentials creds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
  auto at = parse_time("2015-08-30T12:36:00Z");
  awsjson::http_request a{"POST", "/", {{"Content-Type", "application/x-amz-json-1.1"}}, R"({"WindowId":"mw-1"})"};
  awsjson::http_request b = a;
  b.body[3] = 'w';
  auto sa = awsjson::sigv4::sign(a, "ssm.us-east-1.amazonaws.com", creds, {"us-east-1", "ssm"}, at);
  auto sb = awsjson::sigv4::sign(b, "ssm.us-east-1.amazonaws.com", creds, {"us-east-1", "ssm"}, at);
  CHECK(sa.signature != sb.signature);
  CHECK(sa.signed_headers == "content-type;host;x-amz-date");
  auto again =
      awsjson::sigv4::sign(a, "ssm.us-east-1.amazonaws.com", creds, {"us-east-1", "ssm"}, at + std::chrono::hours(24));
  CHECK(again.signature != sa.signature);
  CHECK(std::count_if(a.headers.begin(), a.headers.end(), [](auto const& h) { return h.name == "Authorization"; }) ==
        1);
  CHECK(a.header("X-Amz-Date") == "20150831T123600Z");
  // system_clock::now() works too, whole seconds.
  auto now = awsjson::sigv4::sign(a, "h", creds, {"us-east-1", "ssm"}, std::chrono::system_clock::now());
  CHECK(now.amz_date.size() == 16);
}
