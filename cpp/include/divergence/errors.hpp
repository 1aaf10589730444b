// Errors raised by the divergence core.
//
// Every public function validates its arguments and throws ArgumentError with a message that
// names the argument and the problem ("q: length 3 differs from p: length 2"). The bindings turn
// kind() into the matching JavaScript error class (RangeError or TypeError).
#pragma once

#include <stdexcept>
#include <string>

namespace divergence {

class ArgumentError : public std::invalid_argument {
 public:
  enum class Kind { Range, Type };

  ArgumentError(Kind kind, const std::string& message) : std::invalid_argument(message), kind_(kind) {}

  Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

// Convenience constructors: range_error("p", "must not be empty") -> "p: must not be empty".
inline ArgumentError range_error(const std::string& argument, const std::string& problem) {
  return ArgumentError(ArgumentError::Kind::Range, argument + ": " + problem);
}
inline ArgumentError type_error(const std::string& argument, const std::string& problem) {
  return ArgumentError(ArgumentError::Kind::Type, argument + ": " + problem);
}

// Thrown by input readers (CSV and friends) for malformed files; the message carries the line.
class FormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace divergence
