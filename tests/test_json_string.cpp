// String bodies: the unescaper (a 16-byte block loop on SSSE3 machines, a scalar loop elsewhere
// and for \u escapes) against a per-character reference written for clarity, not speed.
#include <awsjson/awsjson.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <utility>

namespace {

using awsjson::detail::unescape_status;

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool hex4(std::string const& s, std::size_t i, unsigned& v) {
  v = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    if (k >= s.size() || hex(s[k]) < 0) return false;
    v = v << 4 | unsigned(hex(s[k]));
  }
  return true;
}

void utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | cp >> 6), out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | cp >> 12), out += char(0x80 | (cp >> 6 & 0x3F)), out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | cp >> 18), out += char(0x80 | (cp >> 12 & 0x3F)), out += char(0x80 | (cp >> 6 & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// RFC 8259 section 7, one character at a time, up to the first quote that no backslash escapes.
std::pair<unescape_status, std::string> reference(std::string const& raw) {
  std::string out;
  for (std::size_t i = 0;;) {
    char c = raw[i];
    if (c == '"') return {unescape_status::ok, out};
    if (c != '\\') {
      out += c, ++i;
      continue;
    }
    char e = raw[i + 1];
    char const* simple = "\"\"\\\\//b\bf\fn\nr\rt\t";
    bool done = false;
    for (char const* s = simple; *s; s += 2)
      if (e == s[0]) out += s[1], i += 2, done = true;
    if (done) continue;
    if (e != 'u') return {unescape_status::bad_escape, ""};
    unsigned cp, lo;
    if (!hex4(raw, i + 2, cp)) return {unescape_status::bad_unicode_escape, ""};
    i += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (raw[i] != '\\' || raw[i + 1] != 'u') return {unescape_status::lone_surrogate, ""};
      if (!hex4(raw, i + 2, lo)) return {unescape_status::bad_unicode_escape, ""};
      if (lo < 0xDC00 || lo > 0xDFFF) return {unescape_status::lone_surrogate, ""};
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00), i += 6;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return {unescape_status::lone_surrogate, ""};
    }
    utf8(out, cp);
  }
}

}  // namespace

TEST_CASE("string bodies unescape exactly like a per-character reference", "[json_string][property]") {
#if defined(AWSJSON_BLOCK_UNESCAPE)
  INFO("block unescaper in use: " << awsjson::detail::block_unescape_available());
#endif
  // Pieces of raw string bodies: plain text, runs of backslashes, every escape, \u escapes good
  // and bad, and multi-byte UTF-8; bodies long enough to cross many 16-byte blocks.
  static char const* const pieces[] = {
      "a",
      "Z",
      " ",
      "{",
      "x9",
      "\xC3\xA9",
      "\xE2\x82\xAC",
      "\xF0\x9F\x98\x80",
      "/",
      "u",
      "n",
      "\\\"",
      "\\\\",
      "\\/",
      "\\b",
      "\\f",
      "\\n",
      "\\r",
      "\\t",
      "\\\\\\\"",
      "\\\\\\\\",
      "\\\\\\\\\\\"",
      "\\u0041",
      "\\u00e9",
      "\\u20AC",
      "\\uD83D\\uDE00",
      "\\u0000",
      "\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\",  // 16 backslashes (8 escaped ones): a whole block of them
      "\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\"",
      "\\x",
      "\\u12",
      "\\uD800",
      "\\uDC00",
      "\\uD800\\u0041",
      "\\",
      "\\u12G4",
  };
  std::mt19937_64 rng(7);
  std::string raw, out;
  std::size_t ok = 0, errors = 0;
  for (int iteration = 0; iteration < 100000; ++iteration) {
    raw.clear();
    auto n = rng() % 60;
    bool clean = rng() % 2;  // half the bodies avoid the bad pieces, to reach their ends
    for (std::size_t k = 0; k < n; ++k) raw += pieces[rng() % (clean ? 29 : std::size(pieces))];
    raw += '"';
    // What follows is read ahead but never taken, unless a lone backslash escaped the quote: then
    // the string goes on, and surely ends at `a"`.
    for (int k = 0; k < 40; ++k) raw += "a\"\\u"[rng() % 4];
    raw += "a\"";
    raw.append(64, 'a');
    auto [want_status, want] = reference(raw);
    std::size_t bound = raw.size();  // at least the body's raw length, as the callers promise
    auto status = awsjson::detail::unescape_string(raw.data(), bound, out);
    INFO("raw: " << raw);
    REQUIRE(status == want_status);
    if (status == unescape_status::ok) {
      REQUIRE(out == want);
      ++ok;
    } else {
      ++errors;
    }
    std::string assigned = "what the string held before";  // the inlined common case, then the rest
    REQUIRE(awsjson::detail::assign_string(raw.data(), bound, assigned) == want_status);
    if (want_status == unescape_status::ok) REQUIRE(assigned == want);
    std::string again;  // the overload that measures the body itself
    REQUIRE(awsjson::detail::unescape_string(raw.data(), again) == want_status);
    if (want_status == unescape_status::ok) REQUIRE(again == want);
  }
  CHECK(ok > 30000);
  CHECK(errors > 10000);
}

namespace {
// Names that are prefixes of one another, of every length the comparison treats differently
// (in one word with the quote, one word, several overlapping words, long enough to be measured).
constexpr std::array<std::string_view, 21> names = {
    "",
    "S",
    "St",
    "Sta",
    "Stat",
    "Statu",
    "Status",
    "StatusD",
    "StatusDe",
    "StatusDet",
    "StatusDetails",
    "StartTime",
    "Start",
    "WindowExecutionId",
    "WindowTargetId",
    "ExecutionId",
    "A-B:C",
    "AWS::EC2::Instance",
    "Intelligent-Tiering",
    "StatusDetailsStatusDetails0",
    "0123456789abcdefghijklmnopqrstuvwxyz0123",
};

// The names raw_is gets wrong for this body (none, if it works).
template <std::size_t... I>
std::string misjudged_names(char const* raw, std::string_view body, std::index_sequence<I...>) {
  std::string wrong;
  ((awsjson::detail::raw_is<names, I>(raw) != (body == names[I]) ? (wrong += names[I], wrong += ' ') : wrong), ...);
  return wrong;
}
}  // namespace

TEST_CASE("raw names match a string body exactly, whatever follows it", "[json_string][property]") {
  static constexpr std::string_view pieces[] = {
      "S",    "t",       "a",      "u",  "s", "D",    "e",       "Status",     "Start",
      "Time", "Details", "Window", "Id", "x", "\\\"", "\\u0053", "0123456789", "abcdefghijklmnopqrstuvwxyz",
      ":",    "-"};
  std::mt19937_64 rng(11);
  std::size_t matched = 0;
  std::string raw;
  for (int iteration = 0; iteration < 200000; ++iteration) {
    std::string body;
    if (rng() % 3 == 0) {
      body = names[rng() % names.size()];  // a name, or one cut short or run on
      if (rng() % 2 && !body.empty()) body.pop_back();
      if (rng() % 3 == 0) body += pieces[rng() % std::size(pieces)];
    } else {
      for (auto n = rng() % 6; n > 0; --n) body += pieces[rng() % std::size(pieces)];
    }
    raw = body + '"';
    // Read ahead, never taken: what follows a key or an enum value in a document, and padding.
    for (int k = 0; k < 48; ++k) raw += "StatusDetails\":,}0 "[rng() % 20];
    raw.append(64, ' ');
    auto expected = std::size_t(std::find(names.begin(), names.end(), body) - names.begin());
    INFO("body: " << body);
    REQUIRE(awsjson::detail::raw_index<names>(raw.data()) == expected);
    REQUIRE(misjudged_names(raw.data(), body, std::make_index_sequence<names.size()>{}).empty());
    matched += expected < names.size();
  }
  CHECK(matched > 30000);
}
