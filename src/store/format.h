// Human-readable renderings of stored events for the CLI (`dyad events`,
// `dyad show`, `dyad search`). Pure functions, thread-safe.
#ifndef DYAD_STORE_FORMAT_H_
#define DYAD_STORE_FORMAT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace dyad::store {

// `text` (from a document: a title, a sentence) safe to print on a terminal: line breaks and
// tabs become spaces, and every other control character (C0, DEL, C1 such as U+009B) becomes
// U+FFFD, so a document's ESC sequences never reach the terminal as commands (colours, the
// window title). Everything else is kept as it is.
std::string ForTerminal(std::string_view text);

// At most `max` code points of UTF-8 `text`, ending in "..." when cut, made ForTerminal.
std::string TruncateForDisplay(std::string_view text, size_t max);

// An aligned table (header + one line per event) at most `width` columns
// wide: ID DATE SOURCE TARGET CODE MODALITY [REVIEW] SENTENCE (sentence truncated). A corrected
// event shows the correction; REVIEW ("confirmed:ana", "-" when none) only when some event has a review.
std::string FormatEventTable(const std::vector<StoredEvent>& events, size_t width);

// The event's sentence, cut from the document text by the sentence span, with
// the source, verb and target marked: ANSI colours when `ansi`, else
// "[S:...]", "[V:...]", "[T:...]". Falls back to the stored sentence when the
// spans do not fit the document text. The text is made ForTerminal (only the marks are ANSI).
std::string HighlightSentence(const std::string& document_text, const Event& event, bool ansi);

}  // namespace dyad::store

#endif  // DYAD_STORE_FORMAT_H_
