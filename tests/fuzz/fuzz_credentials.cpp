// Fuzz target: what credential providers read from outside the program: the shared credentials
// and config files (INI), and the JSON documents of credential_process, the container endpoint
// and instance metadata. The first byte picks which; the rest is the text.
#include <awsjson/client/credentials.hpp>
#include <awsjson/client/profile.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<char const*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    for (auto const& [section, settings] : awsjson::parse_ini(text))
      for (auto const& [key, value] : settings)
        if (key.empty() || key.find('=') != std::string::npos) std::abort();  // a key is never empty nor holds `=`
    // Both kinds of shared file: an error names a line and quotes nothing of it.
    awsjson::profile_file f;
    auto from = data[0] % 4 == 0 ? awsjson::profile_file::source::config : awsjson::profile_file::source::credentials;
    if (auto problem = f.read(text, from); problem && !problem->starts_with("line ")) std::abort();
    for (auto const& [name, settings] : f.profiles)
      if (!awsjson::detail::profile_name_ok(name)) std::abort();  // sections of other names are skipped
  } else {
    auto found = awsjson::detail::from_document(text, "fuzz", "fuzz");
    if (found.found && (found.found->keys.access_key_id.empty() || found.found->keys.secret_access_key.empty()))
      std::abort();                                         // credentials are found only whole
    if (!found.found && found.error.empty()) std::abort();  // a document that is not credentials says why
  }
  return 0;
}
