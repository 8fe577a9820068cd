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

// At most `max` code points of UTF-8 `text`, ending in "..." when cut;
// line breaks and tabs become spaces.
std::string TruncateForDisplay(std::string_view text, size_t max);

// An aligned table (header + one line per event) at most `width` columns
// wide: ID DATE SOURCE TARGET CODE MODALITY [REVIEW] SENTENCE (sentence truncated). A corrected
// event shows the correction; REVIEW ("confirmed:ana", "-" when none) only when some event has a review.
std::string FormatEventTable(const std::vector<StoredEvent>& events, size_t width);

// The event's sentence, cut from the document text by the sentence span, with
// the source, verb and target marked: ANSI colours when `ansi`, else
// "[S:...]", "[V:...]", "[T:...]". Falls back to the stored sentence when the
// spans do not fit the document text.
std::string HighlightSentence(const std::string& document_text, const Event& event, bool ansi);

}  // namespace dyad::store

#endif  // DYAD_STORE_FORMAT_H_
