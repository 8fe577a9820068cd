#include "store/format.h"

#include <algorithm>
#include <cstdio>

namespace dyad::store {

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xc0) == 0x80; }

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += !IsContinuation(c);
  return n;
}

// Byte offsets of each code point of `s`, plus s.size() at the end.
std::vector<size_t> CodePointOffsets(std::string_view s) {
  std::vector<size_t> offsets;
  for (size_t i = 0; i < s.size(); ++i)
    if (!IsContinuation(static_cast<unsigned char>(s[i]))) offsets.push_back(i);
  offsets.push_back(s.size());
  return offsets;
}

std::string Pad(std::string_view s, size_t width) {
  std::string out(s);
  size_t n = CodePoints(s);
  if (n < width) out.append(width - n, ' ');
  return out;
}

}  // namespace

std::string ForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\t' || c == '\r') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7f) {
      out += "\xEF\xBF\xBD";
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += "\xEF\xBF\xBD";  // a C1 control, U+0080..U+009F
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string TruncateForDisplay(std::string_view text, size_t max) {
  std::string clean = ForTerminal(text);
  if (CodePoints(clean) <= max) return clean;
  if (max <= 3) return std::string(max, '.');
  auto offsets = CodePointOffsets(clean);
  return clean.substr(0, offsets[max - 3]) + "...";
}

std::string FormatEventTable(const std::vector<StoredEvent>& events, size_t width) {
  std::vector<std::string> header = {"ID", "DATE", "SOURCE", "TARGET", "CODE", "MODALITY"};
  // A REVIEW column only when some event has a review.
  const bool reviewed = std::any_of(events.begin(), events.end(), [](const StoredEvent& se) { return se.review.id != 0; });
  if (reviewed) header.push_back("REVIEW");
  std::vector<std::vector<std::string>> rows;
  rows.reserve(events.size());
  for (const StoredEvent& stored : events) {
    StoredEvent se = stored;
    Store::ApplyCorrection(&se);  // a corrected event shows the correction, as the exports do
    const Event& e = se.event;
    std::string modality = ModalityName(e.modality);
    if (!e.reported_by.empty()) modality += "/rep:" + e.reported_by;
    rows.push_back({std::to_string(se.id), (e.date.valid() ? e.date : se.doc_date).ToIso(),
                    e.source.empty() ? "-" : e.source, e.target.empty() ? "-" : e.target,
                    e.event_code, modality});
    if (reviewed) rows.back().push_back(se.review.id == 0 ? "-" : std::string(ReviewStateName(se.review.state)) + ":" + se.review.reviewer);
  }
  std::vector<size_t> widths(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    widths[c] = CodePoints(header[c]);
    for (const auto& r : rows) widths[c] = std::max(widths[c], CodePoints(r[c]));
  }
  size_t used = 0;
  for (size_t w : widths) used += w + 2;
  const size_t sentence_width = width > used + 20 ? width - used : 20;
  std::string out;
  for (size_t c = 0; c < header.size(); ++c) out += Pad(header[c], widths[c]) + "  ";
  out += "SENTENCE\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t c = 0; c < header.size(); ++c) out += Pad(rows[i][c], widths[c]) + "  ";
    // A PDF's events say their page first.
    const int page = events[i].event.page;
    out += TruncateForDisplay((page > 0 ? "(p. " + std::to_string(page) + ") " : std::string()) + events[i].event.sentence,
                              sentence_width) + "\n";
  }
  return out;
}

std::string HighlightSentence(const std::string& document_text, const Event& e, bool ansi) {
  const auto offsets = CodePointOffsets(document_text);
  const int64_t n = static_cast<int64_t>(offsets.size()) - 1;
  const Span s = e.sentence_span;
  if (s.empty() || s.end > n) return ForTerminal(e.sentence);
  struct Mark {
    Span span;
    const char* open;
    const char* close;
  };
  std::vector<Mark> marks;
  auto add = [&](Span span, const char* color, const char* tag) {
    if (span.empty() || span.begin < s.begin || span.end > s.end) return;
    marks.push_back({span, ansi ? color : tag, ansi ? "\033[0m" : "]"});
  };
  add(e.source_span, "\033[1;32m", "[S:");
  add(e.verb_span, "\033[1;33m", "[V:");
  add(e.target_span, "\033[1;31m", "[T:");
  std::sort(marks.begin(), marks.end(),
            [](const Mark& a, const Mark& b) { return a.span.begin < b.span.begin; });
  // Drop overlapping marks (keep the earlier one).
  std::vector<Mark> kept;
  for (const Mark& m : marks)
    if (kept.empty() || m.span.begin >= kept.back().span.end) kept.push_back(m);
  std::string out;
  int64_t at = s.begin;
  auto bytes = [&](int64_t from, int64_t to) {
    return ForTerminal(std::string_view(document_text).substr(offsets[from], offsets[to] - offsets[from]));
  };
  for (const Mark& m : kept) {
    out += bytes(at, m.span.begin);
    out += m.open;
    out += bytes(m.span.begin, m.span.end);
    out += m.close;
    at = m.span.end;
  }
  out += bytes(at, s.end);
  return out;
}

}  // namespace dyad::store
