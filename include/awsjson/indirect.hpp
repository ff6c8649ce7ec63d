// indirect: a value held on the heap, for a structure that holds itself, directly or through
// others, by value (Cost Explorer's `Expression` has `Not: Expression`). A member cannot have its
// own incomplete type; indirect<T> can, and behaves as the T it holds: copies are deep, == compares
// the values, and decode, encode, print, validate and sensitivity see through it.
//
//   struct Expression {
//     std::optional<awsjson::indirect<Expression>> Not;  // absent: the optional; present: a value
//     std::optional<std::vector<Expression>> And;        // (a vector may hold an incomplete type)
//   };
//
// Modelled on C++26's std::indirect (P3019): T may be incomplete where indirect<T> is declared;
// there is no empty state but the one a move leaves behind (valueless_after_move(); assigning to
// it, or decoding into it, gives it a value again); optional-ness is std::optional's. Unlike a
// shared_ptr, a copy never aliases the original, and a default-constructed indirect holds a T.
#pragma once

#include <type_traits>
#include <utility>

namespace awsjson {

template <class T>
class indirect {
 public:
  using value_type = T;

  /// A default-constructed T.
  indirect() : p_(new T()) {}
  indirect(T const& value) : p_(new T(value)) {}
  indirect(T&& value) : p_(new T(std::move(value))) {}
  template <class... Args>
  explicit indirect(std::in_place_t, Args&&... args) : p_(new T(std::forward<Args>(args)...)) {}

  indirect(indirect const& other) : p_(other.p_ ? new T(*other.p_) : nullptr) {}
  indirect(indirect&& other) noexcept : p_(std::exchange(other.p_, nullptr)) {}
  indirect& operator=(indirect const& other) {
    if (this == &other) return *this;
    if (!other.p_) {
      reset();
    } else if (p_) {
      *p_ = *other.p_;  // reuses this value's storage (its strings' capacity)
    } else {
      p_ = new T(*other.p_);
    }
    return *this;
  }
  indirect& operator=(indirect&& other) noexcept {
    if (this != &other) {
      reset();
      p_ = std::exchange(other.p_, nullptr);
    }
    return *this;
  }
  indirect& operator=(T const& value) {
    if (p_)
      *p_ = value;
    else
      p_ = new T(value);
    return *this;
  }
  indirect& operator=(T&& value) {
    if (p_)
      *p_ = std::move(value);
    else
      p_ = new T(std::move(value));
    return *this;
  }
  ~indirect() { reset(); }

  T& operator*() & noexcept { return *p_; }
  T const& operator*() const& noexcept { return *p_; }
  T&& operator*() && noexcept { return std::move(*p_); }
  T* operator->() noexcept { return p_; }
  T const* operator->() const noexcept { return p_; }

  /// Only a moved-from indirect holds nothing.
  bool valueless_after_move() const noexcept { return p_ == nullptr; }

  /// The held value, created (default-constructed) if a move had taken it: what decoding writes into.
  T& ensure_value() {
    if (!p_) p_ = new T();
    return *p_;
  }

  void swap(indirect& other) noexcept { std::swap(p_, other.p_); }
  friend void swap(indirect& a, indirect& b) noexcept { a.swap(b); }

  /// Compares the values (a moved-from indirect equals only another moved-from one).
  friend bool operator==(indirect const& a, indirect const& b) {
    if (!a.p_ || !b.p_) return !a.p_ && !b.p_;
    return *a.p_ == *b.p_;
  }

 private:
  void reset() noexcept {
    delete p_;
    p_ = nullptr;
  }
  T* p_;
};

template <class T>
inline constexpr bool is_indirect = false;
template <class T>
inline constexpr bool is_indirect<indirect<T>> = true;

}  // namespace awsjson
