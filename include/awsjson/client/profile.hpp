// The shared `credentials` and `config` files of the AWS CLI and SDKs: which files, which profile,
// and the settings of that profile, read as botocore reads them (botocore/configloader.py).
//
//   credentials file  AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials; sections `[NAME]`
//   config file       AWS_CONFIG_FILE, else ~/.aws/config; sections `[profile NAME]` and `[default]`
//   profile           the one asked for, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`
//
// Lines are `key = value`; `#` and `;` start a comment line; keys are lower-cased; an indented
// line continues a nested setting (`s3 =` and its sub-keys), which is kept out of the profile.
#pragma once

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "../detail/ascii.hpp"

namespace awsjson {

/// Where settings come from: the environment (a function, so that tests and programs can supply
/// their own) and the shared files.
struct environment {
  std::function<std::optional<std::string>(std::string const&)> get = [](std::string const& name) {
    char const* v = std::getenv(name.c_str());
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  /// The value of a variable, or `fallback` when it is unset or empty.
  std::string value(std::string const& name, std::string fallback = {}) const {
    auto v = get(name);
    return v && !v->empty() ? *v : fallback;
  }
};

/// The sections of an INI file: section name to its settings.
using ini_sections = std::map<std::string, std::map<std::string, std::string>>;

namespace detail {
inline std::string_view trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}
}  // namespace detail

/// Parses INI text as botocore's configloader does (see the file's comment).
inline ini_sections parse_ini(std::string_view text) {
  ini_sections out;
  std::map<std::string, std::string>* section = nullptr;
  bool nested = false;  // inside `key =` with an empty value: indented sub-keys follow
  while (!text.empty()) {
    auto eol = text.find('\n');
    std::string_view raw = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    std::string_view line = detail::trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (line.front() == '[' && line.back() == ']') {
      section = &out[std::string(detail::trim(line.substr(1, line.size() - 2)))];
      nested = false;
      continue;
    }
    if (!section) continue;  // settings before any section: botocore rejects the file; we skip them
    if (indented && nested) continue;
    auto eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key(detail::trim(line.substr(0, eq)));
    if (key.empty()) continue;  // `= value`: no setting
    for (char& c : key) c = detail::ascii_lower(c);
    std::string_view value = detail::trim(line.substr(eq + 1));
    nested = value.empty();
    if (!nested) (*section)[key] = std::string(value);
  }
  return out;
}

/// The shared files, read once: the profile's settings from both.
struct shared_config {
  std::string profile;                             ///< the profile in use
  bool profile_explicit = false;                   ///< chosen by the program, not by the environment
  std::map<std::string, std::string> credentials;  ///< the profile's section of the credentials file
  std::map<std::string, std::string> config;       ///< the profile's section of the config file
  bool profile_found = false;                      ///< in either file

  /// A setting of the profile: the credentials file first (botocore merges it over the config).
  std::optional<std::string> get(std::string const& key) const {
    if (auto it = credentials.find(key); it != credentials.end()) return it->second;
    if (auto it = config.find(key); it != config.end()) return it->second;
    return std::nullopt;
  }

  /// Reads the files for `profile` (empty: AWS_PROFILE, AWS_DEFAULT_PROFILE, `default`).
  static shared_config load(environment const& env, std::string profile = {}) {
    shared_config c;
    c.profile_explicit = !profile.empty();
    if (profile.empty()) profile = env.value("AWS_PROFILE", env.value("AWS_DEFAULT_PROFILE", "default"));
    c.profile = profile;
    std::string home = env.value("HOME");
    auto path = [&](char const* var, char const* fallback) {
      std::string p = env.value(var, home.empty() ? std::string() : home + fallback);
      if (p.starts_with("~/") && !home.empty()) p = home + p.substr(1);
      return p;
    };
    auto read = [](std::string const& p) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream s;
      if (in) s << in.rdbuf();
      return s.str();
    };
    auto creds = parse_ini(read(path("AWS_SHARED_CREDENTIALS_FILE", "/.aws/credentials")));
    auto config = parse_ini(read(path("AWS_CONFIG_FILE", "/.aws/config")));
    if (auto it = creds.find(profile); it != creds.end()) c.credentials = it->second, c.profile_found = true;
    auto section = profile == "default" && !config.count("profile default") ? "default" : "profile " + profile;
    if (auto it = config.find(section); it != config.end()) c.config = it->second, c.profile_found = true;
    return c;
  }
};

}  // namespace awsjson
