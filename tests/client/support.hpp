// What the client and integration tests share: an environment of their own (nothing from the
// process's), a temporary folder removed afterwards, and a file's text.
#pragma once

#include <stdlib.h>  // mkdtemp

#include <awsjson/client/profile.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

namespace client_test {

inline awsjson::environment env_of(std::map<std::string, std::string> vars) {
  awsjson::environment e;
  e.get = [vars = std::move(vars)](std::string const& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  return e;
}

struct temp_dir {
  std::filesystem::path path;
  temp_dir() {
    char name[] = "/tmp/awsjson-test-XXXXXX";
    char const* made = ::mkdtemp(name);
    if (!made) throw std::runtime_error("mkdtemp failed");
    path = made;
  }
  temp_dir(temp_dir const&) = delete;
  temp_dir& operator=(temp_dir const&) = delete;
  ~temp_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  /// Writes `text` to `name` in the folder; its path.
  std::string write(std::string const& name, std::string const& text, bool executable = false) const {
    auto p = path / name;
    std::ofstream(p) << text;
    if (executable) std::filesystem::permissions(p, std::filesystem::perms::owner_all);
    return p.string();
  }
};

/// The text of a file ("" when it cannot be read).
inline std::string read_file(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace client_test
