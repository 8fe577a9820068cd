#include "store/sentences.h"

#include "normalize/normalize.h"
#include "segment/segment.h"

namespace dyad::store {

Status SplitDocumentSentences(const Document& document, bool lenient, std::vector<Sentence>* out) {
  out->clear();
  normalize::NormalizeOptions options;
  options.lenient = lenient;
  normalize::NormalizedText text;
  if (Status s = normalize::Normalize(document.text, options, &text); !s.ok()) return s;
  const auto spans = segment::SplitSentences(text.text);
  out->reserve(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    Sentence sentence;
    sentence.index = static_cast<int>(i);
    sentence.span = {text.OriginalCodePoint(spans[i].begin), text.OriginalCodePoint(spans[i].end)};
    sentence.text = text.text.substr(spans[i].begin, spans[i].end - spans[i].begin);
    out->push_back(std::move(sentence));
  }
  return Status::Ok();
}

}  // namespace dyad::store
