#include "enrich/enrich.h"

#include <algorithm>
#include <cstdlib>

#include "enrich/attribution.h"
#include "enrich/dates.h"
#include "enrich/places.h"
#include "enrich/text.h"

namespace dyad::enrich {

struct Enricher::Impl {
  DateLexicon dates;
  CueLexicon cues;
  PlaceLexicon place_words;
  Gazetteer gazetteer;
};

Enricher::Enricher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Enricher::~Enricher() = default;

Status Enricher::Create(const std::string& data_dir, std::unique_ptr<const Enricher>* out) {
  auto impl = std::make_unique<Impl>();
  const std::string dir = data_dir + "/enrich/";
  if (Status s = impl->dates.Load(dir + "temporal.tsv"); !s.ok()) return s;
  if (Status s = impl->cues.LoadAttribution(dir + "attribution.tsv"); !s.ok()) return s;
  if (Status s = impl->cues.LoadModality(dir + "modality.tsv"); !s.ok()) return s;
  if (Status s = impl->place_words.Load(dir + "places.tsv"); !s.ok()) return s;
  if (Status s = impl->gazetteer.Load(data_dir + "/gazetteer"); !s.ok()) return s;
  out->reset(new Enricher(std::move(impl)));
  return Status::Ok();
}

namespace {

// The verb's tokens [first, last), or {-1, -1} for an empty or bad span.
std::pair<int, int> VerbTokens(const std::vector<Token>& tokens, code::ByteSpan span, size_t sentence_size) {
  if (span.empty() || static_cast<size_t>(span.end) > sentence_size) return {-1, -1};
  int first = -1, last = -1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].end > span.begin && tokens[i].begin < span.end) {
      if (first < 0) first = static_cast<int>(i);
      last = static_cast<int>(i) + 1;
    }
  }
  return {first, last};
}

// The expression nearest the verb. For a reporting verb, expressions inside
// what is reported do not date the speech act.
// For an event inside a report ("X said on Sunday that troops attacked ... in
// 2022"), expressions inside the report come first.
const DateExpr* ChooseDate(const std::vector<DateExpr>& exprs, int verb_first, int verb_last, int complement,
                           int inside_from) {
  const DateExpr* best = nullptr;
  int best_distance = 1 << 30;
  for (const DateExpr& e : exprs) {
    if (complement >= 0 && e.first >= complement) continue;
    if (inside_from >= 0 && e.first < inside_from) continue;
    int distance;
    if (e.first >= verb_last) {
      distance = e.first - verb_last;
    } else if (e.last <= verb_first) {
      distance = verb_first - e.last;
    } else {
      distance = 0;
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = &e;
    }
  }
  return best;
}

}  // namespace

void Enricher::Enrich(const SentenceContext& ctx, std::vector<EventInSentence>& events) const {
  if (events.empty()) return;
  const std::vector<Token> tokens = Tokenize(ctx.sentence);
  const std::vector<DateExpr> dates = FindDates(impl_->dates, tokens, ctx.sentence, ctx.document_date);
  SentenceCues cues = FindCues(impl_->cues, tokens);
  const std::vector<Gazetteer::Match> places = impl_->gazetteer.Find(tokens);

  std::vector<code::ActorMention> mentions;
  // Actors are only needed to name reporters.
  const bool need_actors = !cues.report_verbs.empty() || !cues.sources.empty();
  if (ctx.find_actors && need_actors) mentions = ctx.find_actors(ctx.sentence);
  std::vector<TokenMention> located;
  for (const code::ActorMention& m : mentions) {
    auto [first, last] = VerbTokens(tokens, m.span, ctx.sentence.size());
    if (first >= 0) located.push_back(TokenMention{first, last, &m});
  }
  // A reporting verb inside an actor's name is no report: "The United States imposed..." has
  // "States", not "X states that...".
  std::erase_if(cues.report_verbs, [&](const Cue& r) {
    for (const TokenMention& m : located)
      if (r.first < m.last && r.last > m.first) return true;
    return false;
  });

  for (EventInSentence& e : events) {
    Event* ev = e.event;
    if (!ev) continue;
    auto [vf, vl] = VerbTokens(tokens, e.verb, ctx.sentence.size());
    if (!ev->date.valid() && ctx.document_date.valid()) ev->date = ctx.document_date;

    // When.
    const DateExpr* d = nullptr;
    if (vf >= 0) {
      int inside_from = -1;  // the start of the nearest report that contains the verb
      for (const Cue& r : cues.report_verbs) {
        if (r.last > vf) continue;
        int c = ReportComplementStart(cues, tokens, r.first, r.last);
        if (c >= 0 && c <= vf) inside_from = std::max(inside_from, c);
      }
      d = ChooseDate(dates, vf, vl, ReportComplementStart(cues, tokens, vf, vl), inside_from);
      if (!d && inside_from >= 0) d = ChooseDate(dates, vf, vl, ReportComplementStart(cues, tokens, vf, vl), -1);
    }
    if (d && !d->vague && d->start.valid()) {
      ev->date = d->start;
      ev->date_end = d->end;
      ev->date_precision = d->precision;
      ev->date_text = d->text;
    } else {
      ev->date_end = ev->date;
      ev->date_precision = DatePrecision::kDocument;
      ev->date_text.clear();
    }
    if (vf < 0) continue;

    // According to whom, and how sure.
    std::string root =
        ev->root_code.empty() ? ev->event_code.substr(0, std::min<size_t>(2, ev->event_code.size())) : ev->root_code;
    bool is_report = false;
    for (const Cue& r : cues.report_verbs) is_report = is_report || (r.first < vl && r.last > vf);
    ev->modality = ModalityOf(impl_->cues, cues, tokens, vf, vl, root, is_report);
    Attribution a = Attribute(cues, tokens, ctx.sentence, located, vf, vl);
    ev->reported_by = a.code;
    ev->reported_by_text = a.text;

    // Where.
    EventPlaces where =
        AssignPlaces(impl_->place_words, tokens, places, vf, vl, ReportComplementStart(cues, tokens, vf, vl));
    ev->location = where.location;
    ev->origin = where.origin;
    ev->destination = where.destination;
  }
}

std::vector<Enricher::ReportedContent> Enricher::FindReportedContent(std::string_view sentence,
                                                                     const ActorFinder& find_actors) const {
  std::vector<ReportedContent> out;
  const std::vector<Token> tokens = Tokenize(sentence);
  const SentenceCues cues = FindCues(impl_->cues, tokens);
  if (cues.report_verbs.empty() && cues.sources.empty()) return out;
  std::vector<code::ActorMention> mentions;
  if (find_actors) mentions = find_actors(sentence);
  std::vector<TokenMention> located;
  for (const code::ActorMention& m : mentions) {
    auto [first, last] = VerbTokens(tokens, m.span, sentence.size());
    if (first >= 0) located.push_back(TokenMention{first, last, &m});
  }
  for (const ReportedClause& c : FindReportedClauses(cues, tokens, located)) {
    ReportedContent content;
    content.clause = {tokens[c.first].begin, tokens[c.last - 1].end};
    if (c.speaker_first >= 0) content.speaker = {tokens[c.speaker_first].begin, tokens[c.speaker_last - 1].end};
    if (c.subject_first >= 0) content.subject = {tokens[c.subject_first].begin, tokens[c.subject_last - 1].end};
    out.push_back(content);
  }
  return out;
}

}  // namespace dyad::enrich
