// Input text quoted in an error or warning message. Thread-safe, never throws.
#ifndef DYAD_COMMON_ESCAPE_H_
#define DYAD_COMMON_ESCAPE_H_

#include <string>
#include <string_view>

namespace dyad {

// `text` with control characters and invalid UTF-8 written as \r, \t, \xNN (valid UTF-8 kept),
// so a message quoting input stays one clean line on a terminal.
std::string EscapeForMessage(std::string_view text);

}  // namespace dyad

#endif  // DYAD_COMMON_ESCAPE_H_
