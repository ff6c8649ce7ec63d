// The shared `credentials` and `config` files of the AWS CLI and SDKs: which files, which profile,
// and the settings of that profile, read as every AWS SDK reads them (the cross-SDK profile file
// tests, tests/data/profile/, pass case for case).
//
//   credentials file  AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials; sections `[NAME]`
//   config file       AWS_CONFIG_FILE, else ~/.aws/config; sections `[profile NAME]`, `[default]`,
//                     `[sso-session NAME]` and `[services NAME]`
//   profile           the one asked for, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`
//
// Lines are `key = value`, keys lower-cased; `#` and `;` start a comment line, and a comment after
// a section header or after white space in a value; an indented line continues the value above
// it, or, under `key =` with no value, is a sub-property (`s3 =` then `  addressing_style = path`),
// kept in the value as botocore keeps it. A malformed file is an error naming the file and the line
// (never the line itself, which may hold a secret); a section or key of characters outside
// [A-Za-z0-9_-/.%@:+] is skipped.
#pragma once

#include <algorithm>
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

/// A profile, section or property name the profile format allows.
inline bool profile_name_ok(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z') && !(c >= '0' && c <= '9') &&
        std::string_view("-/._%@:+").find(c) == std::string_view::npos)
      return false;
  return true;
}

/// `text` up to the first `#` or `;` that follows white space (or, with `anywhere`, any `#` or `;`).
inline std::string_view strip_comment(std::string_view text, bool anywhere) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((text[i] == '#' || text[i] == ';') && (anywhere || (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))))
      return text.substr(0, i);
  return text;
}

/// The one reader of the format's lines: `section(header)` for each `[header]` (trimmed, comment
/// removed; it answers whether the section's settings are wanted), `setting(key, value)` for each
/// of a wanted section's settings once its value is complete. An error names the line.
template <class Section, class Setting>
std::optional<std::string> read_profile_lines(std::string_view text, Section section, Setting setting) {
  bool in_section = false, wanted = false;
  std::optional<std::string> key;  // the setting whose value continuation lines extend
  std::string value;
  bool sub_properties = false;  // `key =`: indented lines are sub-properties
  auto flush = [&] {
    if (key && wanted) setting(*key, value);
    key.reset();
  };
  std::size_t number = 0;
  for (std::size_t at = 0; at <= text.size();) {
    ++number;
    std::size_t eol = std::min(text.find('\n', at), text.size());
    std::string_view raw = text.substr(at, eol - at);
    at = eol + 1;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = trim(raw);
    auto error = [&](std::string_view what) {
      return std::optional<std::string>("line " + std::to_string(number) + ": " + std::string(what));
    };
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (raw[0] == ' ' || raw[0] == '\t') {  // continues the setting above
      if (!in_section) return error("Expected a profile definition, found a continuation");
      if (!key) return error("Expected a property definition, found continuation");
      if (sub_properties) {
        auto eq = line.find('=');
        if (eq == std::string_view::npos) return error("Expected an '=' sign defining a sub-property");
        if (trim(line.substr(0, eq)).empty()) return error("Sub-property did not have a name");
      }
      value += '\n';
      value += line;
    } else if (line[0] == '[') {
      flush();
      line = trim(strip_comment(line, true));
      if (line.back() != ']') return error("Profile definition must end with ']'");
      in_section = true;
      wanted = section(trim(line.substr(1, line.size() - 2)));
    } else {
      flush();
      if (!in_section) return error("Expected a profile definition");
      auto eq = line.find('=');
      if (eq == std::string_view::npos) return error("Expected an '=' sign defining a property");
      std::string_view name = trim(line.substr(0, eq));
      if (name.empty()) return error("Property did not have a name");
      value = std::string(trim(strip_comment(line.substr(eq + 1), false)));
      sub_properties = value.empty();
      if (profile_name_ok(name)) {
        key.emplace(name);
        for (char& c : *key) c = ascii_lower(c);
      } else {
        key = std::string();  // continuations still belong to it; it is not kept
      }
    }
  }
  flush();
  return std::nullopt;
}
}  // namespace detail

/// A sub-property of a setting whose value is indented `key = value` lines (`dynamodb =` in a
/// services section, then `  endpoint_url = ...`), or nothing.
inline std::optional<std::string> sub_property(std::string_view value, std::string_view key) {
  while (!value.empty()) {
    auto end = value.find('\n');
    std::string_view line = value.substr(0, end);
    value = end == std::string_view::npos ? std::string_view() : value.substr(end + 1);
    auto eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    if (detail::trim(line.substr(0, eq)) == key) return std::string(detail::trim(line.substr(eq + 1)));
  }
  return std::nullopt;
}

/// Parses INI text, the sections under their whole header (`profile foo`, `default`, `foo`), with
/// the profile format's rules for lines; a malformed file gives what parsed before the error.
inline ini_sections parse_ini(std::string_view text) {
  ini_sections out;
  std::map<std::string, std::string>* current = nullptr;
  (void)detail::read_profile_lines(
      text,
      [&](std::string_view header) {
        current = &out[std::string(header)];
        return true;
      },
      [&](std::string const& key, std::string const& value) {
        if (!key.empty()) (*current)[key] = value;
      });
  return out;
}

/// The profiles and other sections of one or both shared files.
struct profile_file {
  ini_sections profiles;      ///< by profile name
  ini_sections sso_sessions;  ///< `[sso-session NAME]` of the config file
  ini_sections services;      ///< `[services NAME]` of the config file

  enum class source : unsigned char { config, credentials };

  /// The credentials file's profiles over the config file's: its settings win.
  void overlay(profile_file const& credentials) {
    for (auto const& [name, settings] : credentials.profiles) {
      auto& into = profiles[name];
      for (auto const& [key, value] : settings) into[key] = value;
    }
  }

  /// Reads one file's text into these sections (a later file's settings win, as the credentials
  /// file's win over the config file's); an error names the line.
  std::optional<std::string> read(std::string_view text, source from) {
    ini_sections config_defaults;  // `[default]` of a config file: dropped if `[profile default]` exists
    bool profile_default = false;
    std::map<std::string, std::string>* current = nullptr;
    auto problem = detail::read_profile_lines(
        text,
        [&](std::string_view header) {
          current = nullptr;
          auto after = [&](std::string_view prefix) -> std::optional<std::string_view> {
            if (header.size() <= prefix.size() || !header.starts_with(prefix)) return std::nullopt;
            char c = header[prefix.size()];
            if (c != ' ' && c != '\t') return std::nullopt;
            return detail::trim(header.substr(prefix.size()));
          };
          std::string_view name = header;
          ini_sections* into = &profiles;
          if (from == source::config) {
            if (header == "default") {
              into = &config_defaults;
            } else if (auto p = after("profile")) {
              name = *p;
              profile_default = profile_default || name == "default";
            } else if (auto s = after("sso-session")) {
              name = *s, into = &sso_sessions;
            } else if (auto v = after("services")) {
              name = *v, into = &services;
            } else {
              return false;  // `[foo]` in a config file is no profile
            }
          }
          if (!detail::profile_name_ok(name)) return false;
          current = &(*into)[std::string(name)];
          return true;
        },
        [&](std::string const& key, std::string const& value) {
          if (!key.empty()) (*current)[key] = value;
        });
    if (problem) return problem;
    if (auto d = config_defaults.find("default"); d != config_defaults.end() && !profile_default) {
      auto& into = profiles["default"];
      for (auto& [key, value] : d->second) into[key] = value;
    }
    return std::nullopt;
  }
};

/// Where the shared files are: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config
/// and ~/.aws/credentials under HOME (a leading `~/` is HOME too).
struct shared_file_paths {
  std::string config;
  std::string credentials;

  static shared_file_paths of(environment const& env) {
    std::string home = env.value("HOME");
    auto path = [&](char const* var, char const* fallback) {
      std::string p = env.value(var, home.empty() ? std::string() : home + fallback);
      if (p.starts_with("~/") && !home.empty()) p = home + p.substr(1);
      return p;
    };
    return {path("AWS_CONFIG_FILE", "/.aws/config"), path("AWS_SHARED_CREDENTIALS_FILE", "/.aws/credentials")};
  }
};

/// The shared files, read once: the profile's settings from both.
struct shared_config {
  std::string profile;                             ///< the profile in use
  bool profile_explicit = false;                   ///< chosen by the program, not by the environment
  std::map<std::string, std::string> credentials;  ///< the profile's section of the credentials file
  std::map<std::string, std::string> config;       ///< the profile's section of the config file
  bool profile_found = false;                      ///< in either file
  profile_file files;                              ///< every section of both files, merged
  /// Why a file could not be read (`the config file /home/u/.aws/config: line 3: ...`); empty
  /// when both were read or absent. Calls fail with it rather than run on half a profile.
  std::string problem;

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
    auto paths = shared_file_paths::of(env);
    auto read = [&](std::string const& path, profile_file::source from, char const* what) {
      std::ifstream in(path, std::ios::binary);
      if (!in) return profile_file{};
      std::ostringstream text;
      text << in.rdbuf();
      profile_file one;
      if (auto problem = one.read(text.str(), from); problem && c.problem.empty())
        c.problem = std::string("the ") + what + " file " + path + ": " + *problem;
      return one;
    };
    profile_file config = read(paths.config, profile_file::source::config, "config");
    profile_file creds = read(paths.credentials, profile_file::source::credentials, "credentials");
    if (auto it = creds.profiles.find(profile); it != creds.profiles.end()) c.credentials = it->second;
    if (auto it = config.profiles.find(profile); it != config.profiles.end()) c.config = it->second;
    c.profile_found = creds.profiles.count(profile) || config.profiles.count(profile);
    c.files = std::move(config);
    c.files.overlay(creds);
    return c;
  }
};

}  // namespace awsjson
