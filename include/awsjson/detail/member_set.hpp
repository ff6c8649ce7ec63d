// Which members of a structure a decode has met: one bit per member.
//
// Most structures have at most 64 members, and their set is one word, as cheap as a plain mask.
// A few have more (Glue's CodeGenConfigurationNode: 79), and their set takes as many words as it
// needs, so that member i and member i - 64 never share a bit: a shared bit let an absent member
// escape its reset and an absent required member escape the strict check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace awsjson::detail {

inline constexpr std::size_t member_set_word_bits = 64;

constexpr std::size_t member_set_words(std::size_t members) noexcept {
  return members == 0 ? 1 : (members + member_set_word_bits - 1) / member_set_word_bits;
}

/// Whether the first `members` bits of `words` are all set.
constexpr bool member_words_full(std::uint64_t const* words, std::size_t members) noexcept {
  std::size_t const whole = members / member_set_word_bits;
  for (std::size_t k = 0; k < whole; ++k)
    if (~words[k] != 0) return false;
  std::size_t const rest = members % member_set_word_bits;
  return rest == 0 || words[whole] == (std::uint64_t(1) << rest) - 1;
}

/// The set of a structure of at most 64 members: one word.
class narrow_member_set {
 public:
  explicit constexpr narrow_member_set(std::size_t members) noexcept
      : all_(members == member_set_word_bits ? ~std::uint64_t(0) : (std::uint64_t(1) << members) - 1) {}
  constexpr void add(std::size_t i) noexcept { word_ |= std::uint64_t(1) << i; }
  constexpr bool has(std::size_t i) const noexcept { return word_ >> i & 1; }
  constexpr bool full() const noexcept { return word_ == all_; }

 private:
  std::uint64_t word_ = 0;
  std::uint64_t all_;
};

/// The set of a structure of more than 64 members: inline up to 256 members, on the heap beyond
/// (no AWS structure comes near).
class wide_member_set {
 public:
  explicit wide_member_set(std::size_t members) : members_(members) {
    if (member_set_words(members) > inline_words) {
      heap_.reset(new std::uint64_t[member_set_words(members)]());
      word_ = heap_.get();
    }
  }
  wide_member_set(wide_member_set const&) = delete;  // word_ may point into the object itself
  wide_member_set& operator=(wide_member_set const&) = delete;
  void add(std::size_t i) noexcept {
    word_[i / member_set_word_bits] |= std::uint64_t(1) << (i % member_set_word_bits);
  }
  bool has(std::size_t i) const noexcept { return word_[i / member_set_word_bits] >> (i % member_set_word_bits) & 1; }
  bool full() const noexcept { return member_words_full(word_, members_); }

 private:
  static constexpr std::size_t inline_words = 4;
  std::uint64_t inline_[inline_words]{};
  std::unique_ptr<std::uint64_t[]> heap_;
  std::uint64_t* word_ = inline_;
  std::size_t members_;
};

}  // namespace awsjson::detail
