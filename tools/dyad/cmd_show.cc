// dyad show EVENT_ID|DOC: one event with its sentence highlighted and its
// provenance, or one document (d<N>, its input id, or a sha256 prefix) with its events (those an
// analyst rejected only with --include-rejected, as `dyad events` lists them).
#include <algorithm>
#include <unistd.h>

#include <cstdio>

#include "command.h"
#include "store/format.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct ShowFlags {
  std::string db = DefaultDatabase();
  std::string key;
  bool include_rejected = false;
  int sentence = -1;  // a document's sentence (from 0): it and its events only; -1 = the whole document
};

// What comes from a document or a reviewer, printable (store::ForTerminal: no control sequences).
std::string Shown(const std::string& text) { return store::ForTerminal(text); }

void PrintDocument(const store::StoredDocument& d) {
  const Document& doc = d.document;
  std::printf("document d%lld  %s\n", static_cast<long long>(d.id), Shown(doc.title).c_str());
  std::printf("  id:        %s\n", Shown(doc.id).c_str());
  std::printf("  source:    %s\n", Shown(doc.source).c_str());
  std::printf("  url:       %s\n", Shown(doc.url).c_str());
  std::printf("  date:      %s\n", doc.date.valid() ? doc.date.ToIso().c_str() : "(unknown)");
  std::printf("  language:  %s\n", Shown(doc.language).c_str());
  std::printf("  sha256:    %s\n", doc.sha256.c_str());
  std::printf("  origin:    %s (%s%s)\n", Shown(doc.origin).c_str(), InputFormatName(doc.format),
              doc.page_starts.empty() ? "" : (", " + std::to_string(doc.page_starts.size()) + " pages").c_str());
  std::printf("  ingested:  %s by %s\n", d.ingested_at.c_str(), d.tool_version.c_str());
  if (d.near_duplicate_of)
    std::printf("  near-duplicate of d%lld: its events are not counted\n",
                static_cast<long long>(d.near_duplicate_of));
}

int ShowEvent(store::Store& db, int64_t id) {
  store::StoredEvent se;
  if (Status s = db.GetEvent(id, &se); !s.ok()) return Fail(s);
  store::StoredDocument doc;
  if (Status s = db.GetDocument(se.document_id, &doc); !s.ok()) return Fail(s);
  const Event& e = se.event;
  const bool ansi = isatty(STDOUT_FILENO) == 1;
  std::printf("event %lld\n", static_cast<long long>(se.id));
  std::printf("  %s -> %s  %s  (quad class %d, Goldstein %.1f%s%s)\n",
              e.source.empty() ? "-" : e.source.c_str(), e.target.empty() ? "-" : e.target.c_str(),
              e.event_code.c_str(), e.quad_class, e.goldstein, e.plover.empty() ? "" : ", PLOVER ",
              e.plover.c_str());
  std::printf("  date:      %s (%s%s%s)\n", e.date.ToIso().c_str(), DatePrecisionName(e.date_precision),
              e.date_text.empty() ? "" : ": ", Shown(e.date_text).c_str());
  // A source or target named by a pronoun or "the country": what it was resolved to.
  if (!e.source_ref.empty())
    std::printf("  source:    \"%s\" = %s\n", Shown(e.source_text).c_str(), e.source_ref.c_str());
  if (!e.target_ref.empty())
    std::printf("  target:    \"%s\" = %s\n", Shown(e.target_text).c_str(), e.target_ref.c_str());
  std::printf("  modality:  %s", ModalityName(e.modality));
  if (!e.reported_by.empty())
    std::printf(", reported by %s (\"%s\")", e.reported_by.c_str(), Shown(e.reported_by_text).c_str());
  std::printf("\n");
  if (!e.location.empty())
    std::printf("  location:  %s, %s (%.4f, %.4f)\n", Shown(e.location.name).c_str(), e.location.country.c_str(),
                e.location.latitude, e.location.longitude);
  if (e.page > 0) std::printf("  page:      %d\n", e.page);
  std::printf("  sentence %d: %s\n", e.sentence_index, store::HighlightSentence(doc.document.text, e, ansi).c_str());
  if (!ansi) std::printf("             ([S:source] [V:verb] [T:target])\n");
  std::printf("  coded by:  %s:%d: %s\n", Shown(e.pattern.file).c_str(), e.pattern.line, Shown(e.pattern.text).c_str());
  std::printf("  dictionary set: %s\n", se.dict_hash.c_str());
  std::string current;
  if (db.CurrentCoding(&current).ok() && current != se.dict_hash)
    std::printf("  NOTE: this event is from an older dictionary version (current %s); run `dyad recode`\n",
                current.c_str());
  if (se.duplicate) std::printf("  NOTE: from a near-duplicate document; not counted in queries\n");
  if (se.review.id != 0) {
    std::printf("  review:    %s by %s %s%s%s\n", store::ReviewStateName(se.review.state),
                Shown(se.review.reviewer).c_str(), se.review.at.c_str(), se.review.note.empty() ? "" : ": ",
                Shown(se.review.note).c_str());
    if (se.review.state == store::ReviewState::kRejected)
      std::printf("  NOTE: an analyst rejected this event; it is no evidence (left out of events, exports and reports)\n");
  }
  PrintDocument(doc);
  return 0;
}

int ShowDocument(store::Store& db, const std::string& key, bool include_rejected, int sentence) {
  store::StoredDocument doc;
  if (Status s = db.FindDocument(key, &doc); !s.ok()) return Fail(s);
  std::vector<store::Sentence> sentences;
  if (Status s = db.GetSentences(doc.id, &sentences); !s.ok()) return Fail(s);
  // One sentence (a role report's lead points to it): the sentence and its events only.
  auto in_scope = [&](const store::StoredEvent& e) { return sentence < 0 || e.event.sentence_index == sentence; };
  const store::Sentence* chosen = nullptr;
  for (const store::Sentence& st : sentences)
    if (st.index == sentence) chosen = &st;
  if (sentence >= 0 && !chosen)
    return Fail(Status::NotFound("d" + std::to_string(doc.id) + " has no sentence " + std::to_string(sentence) +
                                 " (it has " + std::to_string(sentences.size()) + ", numbered from 0)"));
  PrintDocument(doc);
  std::printf("  sentences: %zu stored\n", sentences.size());
  if (chosen) std::printf("  sentence %d: %s\n", chosen->index, Shown(chosen->text).c_str());
  store::EventQuery q;
  q.document_id = doc.id;
  q.include_duplicates = true;
  q.review = include_rejected ? store::ReviewFilter::kAny : store::ReviewFilter::kNotRejected;
  std::vector<store::StoredEvent> events;
  if (Status s = db.QueryEvents(q, &events); !s.ok()) return Fail(s);
  events.erase(std::remove_if(events.begin(), events.end(), [&](const store::StoredEvent& e) { return !in_scope(e); }),
               events.end());
  std::printf("\n%zu event%s (current dictionary set)%s:\n", events.size(), events.size() == 1 ? "" : "s",
              chosen ? " in this sentence" : "");
  if (!events.empty()) std::fputs(store::FormatEventTable(events, 120).c_str(), stdout);
  if (!include_rejected) {
    q.review = store::ReviewFilter::kRejected;
    q.fields = store::EventFields::kReport;
    int64_t rejected = 0;
    if (Status s = db.ForEachEvent(q, [&](const store::StoredEvent& e) { return rejected += in_scope(e), true; });
        !s.ok())
      return Fail(s);
    if (rejected > 0)
      std::printf("%lld event%s an analyst rejected left out (--include-rejected)\n", static_cast<long long>(rejected),
                  rejected == 1 ? "" : "s");
  }
  return 0;
}

int RunShow(const ShowFlags& flags) {
  store::OpenOptions options;
  options.read_only = true;
  std::unique_ptr<store::Store> db;
  if (Status s = store::Store::Open(flags.db, options, &db); !s.ok()) return Fail(s);
  const std::string& key = flags.key;
  if (!key.empty() && key.find_first_not_of("0123456789") == std::string::npos && key.size() < 18) {
    if (flags.sentence >= 0) return Fail(Status::InvalidArgument("show: --sentence picks a sentence of a document (d<N>), not of event " + key));
    return ShowEvent(*db, std::stoll(key));
  }
  return ShowDocument(*db, key, flags.include_rejected, flags.sentence);
}

Registration reg("show",
                 "Show one event (by id) with its evidence, or one document (d<N>, input id or "
                 "sha256 prefix) with its events",
                 [](CLI::App& app) -> Runner {
                   auto f = std::make_shared<ShowFlags>();
                   app.add_option("id", f->key, "EVENT_ID, or d<N> / document id / sha256 prefix")->required();
                   app.add_option("--db", f->db, "Database file (default $DYAD_DB or ./dyad.db)");
                   app.add_option("--sentence", f->sentence,
                                  "A document's sentence (numbered from 0, as `dyad search` does): it and its events only")
                       ->check(CLI::NonNegativeNumber);
                   app.add_flag("--include-rejected", f->include_rejected,
                                "A document's events: also those an analyst rejected (left out by default), with their review");
                   return [f]() { return RunShow(*f); };
                 });

}  // namespace
}  // namespace dyad::cli
