// awsjson-ssm's plumbing: names, option values, pretty-printing, and HTTP through libcurl.
#include <curl/curl.h>

#include <regex>

#include "cli.hpp"

namespace cli {

std::string kebab(std::string_view name) {
  // botocore.xform_name(name, '-'), rule for rule.
  static std::regex const special("[A-Z]{2,}s$"), first_cap("(.)([A-Z][a-z]+)"), end_cap("([a-z0-9])([A-Z])");
  std::string s(name);
  std::smatch m;
  if (std::regex_search(s, m, special)) s = s.substr(0, s.size() - m.length()) + '-' + m.str();
  s = std::regex_replace(s, first_cap, "$1-$2");
  s = std::regex_replace(s, end_cap, "$1-$2");
  for (char& c : s) c = awsjson::detail::ascii_lower(c);
  return s;
}

std::map<std::string, runner>& operations() {
  static std::map<std::string, runner> table;
  return table;
}

namespace {
bool looks_like_json(std::string_view v) {
  auto i = v.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && (v[i] == '[' || v[i] == '{');
}
std::string json_string(std::string_view v) {
  std::string out;
  (void)awsjson::detail::append_json_string(out, v);  // invalid UTF-8 is caught by decode
  return out.empty() ? "\"\"" : out;
}
}  // namespace

std::optional<std::string> option_json(awsjson::value_kind k, std::vector<std::string> const& values, bool* flag) {
  using awsjson::value_kind;
  if (k == value_kind::boolean) {  // --flag / --no-flag, or --flag true|false as the AWS CLI also takes
    if (values.empty()) return *flag ? "true" : "false";
    if (values.size() == 1 && (values[0] == "true" || values[0] == "false")) return values[0];
    return std::nullopt;
  }
  if (values.empty()) return std::nullopt;
  if (k == value_kind::list && !looks_like_json(values[0])) {  // --names a b c
    std::string list = "[";
    for (auto const& v : values) list += (list.size() > 1 ? "," : "") + json_string(v);
    return list + "]";
  }
  if (values.size() != 1) return std::nullopt;
  std::string const& v = values[0];
  switch (k) {
    case value_kind::integer:
    case value_kind::floating:
    case value_kind::list:
    case value_kind::map:
    case value_kind::structure:
    case value_kind::tagged_union:
    case value_kind::document:
      return v;                  // as written: decode says what is wrong with it
    case value_kind::timestamp:  // epoch seconds as a number, a date-time as a string
      return !v.empty() && v.find_first_not_of("0123456789.-") == std::string::npos ? v : json_string(v);
    default:
      return json_string(v);
  }
}

std::string pretty(std::string_view json) {
  std::string out;
  int depth = 0;
  bool in_string = false;
  auto newline = [&] { out += '\n' + std::string(std::size_t(4 * depth), ' '); };
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < json.size())
        out += json[++i];
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        if (i + 1 < json.size() && (json[i + 1] == '}' || json[i + 1] == ']')) {
          out += json[++i];
        } else {
          ++depth;
          newline();
        }
        break;
      case '}':
      case ']':
        --depth;
        newline();
        out += c;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {
std::size_t collect_body(char* data, std::size_t size, std::size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}
std::size_t collect_header(char* data, std::size_t size, std::size_t n, void* user) {
  std::string_view line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    auto value = line.substr(colon + 1);
    auto b = value.find_first_not_of(" \t"), e = value.find_last_not_of(" \t\r\n");
    static_cast<std::vector<awsjson::http_header>*>(user)->push_back(
        {std::string(line.substr(0, colon)),
         b == std::string_view::npos ? "" : std::string(value.substr(b, e - b + 1))});
  }
  return size * n;
}
}  // namespace

http_response post(std::string const& url, awsjson::http_request const& request) {
  http_response r;
  CURL* curl = curl_easy_init();
  if (!curl) {
    r.transport_error = "libcurl could not start";
    return r;
  }
  curl_slist* headers = nullptr;
  for (auto const& h : request.headers) headers = curl_slist_append(headers, (h.name + ": " + h.value).c_str());
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_URL, (url + request.path).c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(request.body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r.headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    std::string what = error[0] ? error : curl_easy_strerror(rc);
    if (rc == CURLE_OPERATION_TIMEDOUT)
      r.transport_error = "Read timeout on endpoint URL \"" + url + "\": " + what;
    else
      r.transport_error = "Could not connect to the endpoint URL \"" + url + "\": " + what;
  } else {
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    r.status = int(status);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return r;
}

}  // namespace cli
