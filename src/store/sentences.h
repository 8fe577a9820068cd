// The sentences of a document as the engine sees them (normalised text, split
// by segment::SplitSentences), with spans in code points of Document::text, so
// the store can index every sentence for full-text search, not only those that
// produced events. Thread-safe.
#ifndef DYAD_STORE_SENTENCES_H_
#define DYAD_STORE_SENTENCES_H_

#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "store/store.h"

namespace dyad::store {

// Fails like the engine does on text it cannot normalise (invalid UTF-8 unless lenient).
Status SplitDocumentSentences(const Document& document, bool lenient, std::vector<Sentence>* out);

}  // namespace dyad::store

#endif  // DYAD_STORE_SENTENCES_H_
