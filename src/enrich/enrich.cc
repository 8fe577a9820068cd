#include "enrich/enrich.h"

#include <atomic>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>

#include "enrich/attribution.h"
#include "enrich/dates.h"
#include "enrich/places.h"
#include "enrich/text.h"

namespace dyad::enrich {

struct Enricher::Impl {
  // Tells apart enrichers that live at the same address one after the other (the cache below).
  uint64_t id = NextId();
  static uint64_t NextId() {
    static std::atomic<uint64_t> next{1};
    return next++;
  }
  DateLexicon dates;
  CueLexicon cues;
  PlaceLexicon place_words;
  Gazetteer gazetteer;
  ChargeLexicon charges;
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
  if (Status s = impl->charges.Load(dir + "charges.tsv"); !s.ok()) return s;
  out->reset(new Enricher(std::move(impl)));
  return Status::Ok();
}

namespace {
void TokenizePartOfLastRead(const Enricher::Impl& impl, std::string_view part, std::vector<Token>* out,
                            std::string* lowered);
}  // namespace

std::vector<Charge> Enricher::FindCharges(std::string_view clause,
                                          const std::vector<code::ActorMention>& mentions) const {
  if (mentions.empty()) return {};
  thread_local std::vector<Token> clause_tokens;  // (reused from clause to clause)
  thread_local std::string clause_lowered;
  TokenizePartOfLastRead(*impl_, clause, &clause_tokens, &clause_lowered);
  return impl_->charges.Find(clause, clause_tokens, mentions);
}
const std::string& Enricher::charges_path() const { return impl_->charges.path(); }

namespace {

// The verb's tokens [first, last), or {-1, -1} for an empty or bad span.
std::pair<int, int> VerbTokens(const std::vector<Token>& tokens, code::ByteSpan span, size_t sentence_size) {
  if (span.empty() || static_cast<size_t>(span.end) > sentence_size) return {-1, -1};
  // The tokens are in text order and do not overlap: the ones overlapping the span are those
  // from the first ending after its start to the last starting before its end.
  const auto from = std::partition_point(tokens.begin(), tokens.end(),
                                         [&](const Token& t) { return t.end <= span.begin; });
  int first = -1, last = -1;
  for (auto it = from; it != tokens.end() && it->begin < span.end; ++it) {
    if (first < 0) first = static_cast<int>(it - tokens.begin());
    last = static_cast<int>(it - tokens.begin()) + 1;
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


// The words a target's phrase may open with before its name: "from (the) (territory of) Belarus".
bool IsPlaceHead(std::string_view w) {
  // (Compass words too: "from southern Belarus" is governed by "from".)
  static const WordSet kWords = {"the",      "a",        "an",       "its",      "their",   "territory",
                                 "soil",     "airspace", "side",     "of",       "land",    "lands",
                                 "bases",    "base",     "northern", "southern", "eastern", "western",
                                 "central",  "north",    "south",    "east",     "west",    "occupied"};
  return kWords.count(w) > 0;
}

// The word that governs the phrase starting at token `first`, skipping determiners and heads.
// ... and where it stands (-1: none).
int GoverningAt(const std::vector<Token>& tokens, int first) {
  for (int k = first - 1; k >= 0 && k >= first - 5; --k) {
    if (!tokens[k].word) return -1;
    if (!IsPlaceHead(tokens[k].lower)) return k;
  }
  return -1;
}
std::string GoverningWord(const std::vector<Token>& tokens, int first) {
  const int at = GoverningAt(tokens, first);
  return at < 0 ? "" : std::string(tokens[at].lower);
}

// "from airfields in Belarus", "from launch sites near Belgorod": the phrase at token `first` is
// governed by "in"/"near"/"inside" (GoverningWord) whose own phrase opens with "from", within
// three words of common nouns ("from Russia in Belarus" names two places: the second is where
// the act arrives): where the act comes from, as "from Belarus" is.
bool InsideFromPhrase(const std::vector<Token>& tokens, int first) {
  static const WordSet kPlace = {"in", "inside", "near", "within"};
  static const WordSet kStop = {"to", "at", "on", "against", "into", "towards", "toward", "by", "for", "with", "over"};
  int g = first - 1;
  while (g >= 0 && tokens[g].word && IsPlaceHead(tokens[g].lower)) --g;
  if (g < 0 || !tokens[g].word || !kPlace.count(tokens[g].lower)) return false;
  for (int k = g - 1, words = 0; k >= 0 && words < 3; --k) {
    if (!tokens[k].word) return false;
    ++words;
    if (tokens[k].lower == "from") return k + 1 < g;  // some common noun between
    if (kStop.count(tokens[k].lower) || tokens[k].capitalised) return false;
  }
  return false;
}

// Whether the pattern that coded the event names the lower-case `word` as a whole word ("from":
// "- * FROM_ [0874]"): then the dictionary reads the phrase it opens as part of the act ("withdrew
// from Syria": Syria is the target).
bool PatternNames(const std::string& pattern, std::string_view word) {
  std::string needle = " ";
  for (char c : word) needle += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  needle += "_ ";
  return pattern.find(needle) != std::string::npos;
}

bool IsInstrumentSuffix(const std::vector<Token>& tokens, int after) {
  static const WordSet kWords = {"made",       "built",    "supplied", "designed", "produced",
                                               "manufactured", "donated", "provided", "origin",  "developed"};
  return after + 1 < static_cast<int>(tokens.size()) && tokens[after].lower == "-" &&
         kWords.count(tokens[after + 1].lower) > 0;
}

// Verbal acts (CAMEO 01-14: statements, meetings, agreements, demands, threats) happen at a venue;
// material acts (15-20) are done to the place they name.
bool IsVerbalRoot(const std::string& root) { return !root.empty() && root < "15"; }

// The target is a place the act comes from, happens at, or a weapon's maker, not whom it is done
// to (issue 9): "launched missiles from Belarus", "signed an agreement in Brussels" (the EU's
// seat), "US-made rockets". Such a target is dropped (it stays a place: origin or location); a target named
// after "at/on/against/towards/into" further on takes its place.
void CorrectTarget(const SentenceContext& ctx, const std::vector<Token>& tokens,
                   const std::vector<Gazetteer::Match>& places, EventInSentence& e,
                   std::vector<code::ActorMention>* mentions, bool* mentions_found) {
  Event* ev = e.event;
  auto [tf, tl] = VerbTokens(tokens, e.target, ctx.sentence.size());
  auto [vf, vl] = VerbTokens(tokens, e.verb, ctx.sentence.size());
  if (tf < 0 || vf < 0 || tf < vl) return;  // only a target after the verb is read this way
  const std::string root = ev->root_code;
  const int governor_at = GoverningAt(tokens, tf);
  const std::string governor = governor_at < 0 ? "" : std::string(tokens[governor_at].lower);
  // Only acts that move forces or goods have an origin ("a demand from the US President" names a
  // counterpart, "withdrew from Panama" the one withdrawn from: roots 03, 08 keep their target;
  // so does 16: "expelled diplomats from the UK", "recalled its envoy from Minsk").
  // (A trip, 042, goes to a place: "flew from Belarusian airfields" names where it left from.)
  const bool moves = root == "06" || root == "07" || root == "15" || (!root.empty() && root >= "17") ||
                     ev->event_code.starts_with("042");
  bool origin = moves && (governor == "from" || InsideFromPhrase(tokens, tf)) && !PatternNames(ev->pattern.text, "from");
  bool instrument = IsInstrumentSuffix(tokens, tl);
  // ... or its maker after the weapon: "shot down an army drone made in Turkey".
  if (governor == "in" && governor_at >= 1) {
    static const WordSet kMade = {"made", "built", "produced", "manufactured", "assembled", "designed", "developed"};
    instrument = instrument || kMade.count(tokens[governor_at - 1].lower) > 0;
  }
  bool venue = false;
  if ((governor == "in" || governor == "at") && IsVerbalRoot(root) &&
      !PatternNames(ev->pattern.text, governor)) {
    // A city named as a venue stands for its host state at most (PLOVER's gold codes "agreed to set
    // up a centre in Tokyo" with Japan as target), never for an organisation seated there: "signed
    // an agreement in Brussels" is not an agreement with the EU.
    for (const Gazetteer::Match& m : places)
      venue = venue || (m.first <= tf && m.last >= tl &&
                        (m.place->feature == "city" || m.place->feature == "capital") &&
                        ev->target.compare(0, 3, m.place->country) != 0);
  }
  // "held joint exercises near the Ukrainian border": where a verbal or cooperative act happens.
  static const WordSet kNear = {"near", "along", "outside", "beside"};
  // (A protest near a place of the protesters' own country is domestic: the target stays, as
  // PLOVER codes domestic protest.)
  const bool domestic_protest = root == "14" && ev->source.size() >= 3 && ev->source.compare(0, 3, ev->target, 0, 3) == 0;
  // (Unless the pattern itself reads the word: "- * BESIDE_ + [062]", forces operating beside an army.)
  const bool nearby = IsVerbalRoot(root) && kNear.count(governor) > 0 && !domestic_protest &&
                      !PatternNames(ev->pattern.text, governor);
  // "fighting alongside M23", "fought beside Congolese soldiers", "fought for Ukraine", "on Russia's
  // side", "on the side of Kyiv": the side one fights for is an ally, not the enemy; "against X"
  // further on is the target.
  auto word_at = [&](int k) {  // (a view: no copy of the word)
    return k >= 0 && k < static_cast<int>(tokens.size()) ? std::string_view(tokens[k].lower) : std::string_view();
  };
  bool side = false;  // "side" just before or after the target
  for (int k = tf - 3; k <= tl + 3; ++k) side = side || word_at(k) == "side";
  // "side by side with X", "shoulder to shoulder with X", "together with X", "in support of X": allies too.
  bool comrade = false;
  for (int k = tf - 3; k < tf; ++k)
    comrade = comrade || word_at(k) == "side" || word_at(k) == "shoulder" || word_at(k) == "together";
  const bool support = (word_at(tf - 2) == "support" && word_at(tf - 1) == "of") ||
                       (word_at(tf - 3) == "support" && word_at(tf - 2) == "of");  // "of the X"
  // "fighting in the Russian army", "served within North Korea's forces", "in the ranks of the M23":
  // the force one serves in is one's side.
  const bool in_force = (governor == "in" || governor == "within") && ev->target.size() >= 6 &&
                        ev->target.compare(3, 3, "MIL") == 0;
  const bool ranks = (word_at(tf - 2) == "ranks" && word_at(tf - 1) == "of") ||
                     (word_at(tf - 3) == "ranks" && word_at(tf - 2) == "of");
  const bool ally = root == "19" && (governor == "alongside" || governor == "beside" || governor == "for" ||
                                     (governor == "on" && side) || (governor == "with" && comrade) || support ||
                                     in_force || ranks);
  // "Lukashenko admitted the country's involvement", "Putin said Russia would ...": a statement
  // about one's own country (CAMEO 01) is addressed to no one.
  const bool own_country =
      root == "01" && ev->target.size() >= 3 && ev->source.compare(0, 3, ev->target, 0, 3) == 0;
  if (!origin && !instrument && !venue && !nearby && !ally && !own_country) return;
  ev->target.clear();
  ev->target_text.clear();
  ev->target_ref.clear();
  ev->target_span = Span{};
  e.target = {};
  if (!origin && !ally && !instrument) return;
  // "launched missiles from Belarus at Kyiv", "fired missiles made in North Korea at Kharkiv": the
  // actor the act is aimed at.
  if (!ctx.actors && !*mentions_found && ctx.find_actors) *mentions = ctx.find_actors(ctx.sentence);
  *mentions_found = true;
  static const WordSet kAimed = {"at", "on", "against", "towards", "toward", "into", "targeting"};
  for (const code::ActorMention& m : ctx.actors ? *ctx.actors : *mentions) {
    auto [mf, ml] = VerbTokens(tokens, m.span, ctx.sentence.size());
    if (mf < tl) continue;
    bool crossed = false;
    for (int k = tl; k < mf; ++k) crossed = crossed || (!tokens[k].word && tokens[k].lower != "-");
    if (crossed) break;
    const std::string aimed = GoverningWord(tokens, mf);
    // (A trip is aimed at where it goes: "flew from Minsk to Beijing".)
    if (!kAimed.count(aimed) && !(aimed == "to" && ev->event_code.starts_with("042"))) continue;
    ev->target = m.code;
    ev->target_text = m.text;
    ev->target_ref = m.ref;
    e.target = m.span;
    e.target_moved = true;
    break;
  }
}

}  // namespace

namespace {
// The actor mentions that lie on tokens, with their tokens, into *located (cleared first: each
// caller keeps one on its thread, so no allocation once warm).
void LocateMentions(const std::vector<Token>& tokens, const std::vector<code::ActorMention>& mentions,
                    size_t sentence_size, std::vector<TokenMention>* located) {
  located->clear();
  for (const code::ActorMention& m : mentions) {
    auto [first, last] = VerbTokens(tokens, m.span, sentence_size);
    if (first >= 0) located->push_back(TokenMention{first, last, &m});
  }
}

// The tokens and cues of the sentence last read on this thread: the engine asks for a
// sentence's reported content and then enriches its events, and the sentence is read once.
struct ReadSentence {
  uint64_t enricher = 0;
  std::string text;
  std::string lowered;  // the text lower-cased, which the tokens' lower-case forms view
  std::vector<Token> tokens;
  SentenceCues cues;
};
ReadSentence& LastRead() {
  thread_local ReadSentence last;
  return last;
}
const ReadSentence& Read(const Enricher::Impl& impl, std::string_view sentence) {
  ReadSentence& last = LastRead();
  if (last.enricher != impl.id || last.text != sentence) {
    last.enricher = impl.id;
    last.text.assign(sentence);
    Tokenize(last.text, &last.tokens, &last.lowered);  // (the tokens view last.text and last.lowered, kept with them)
    FindCues(impl.cues, last.tokens, &last.cues);
  }
  return last;
}

// Tokenize(part) for a part of the sentence last read (a reported clause): the sentence's tokens
// inside it, moved to the part's offsets, when no token of the sentence crosses its ends. Every
// rule of Tokenize reads back only inside the token it builds, and forward at most two bytes; a
// rule reading past the part's end joins the bytes there to the token (so it crosses the end),
// except "St." before a capitalised word, which the part's last byte being no period or space
// rules out. The tokens' lower-case forms view the sentence's lower-cased text (the part's own in
// *lowered when it is tokenised alone): read them before the next sentence is.
void TokenizePartOfLastRead(const Enricher::Impl& impl, std::string_view part, std::vector<Token>* out,
                            std::string* lowered) {
  const ReadSentence& last = LastRead();
  const size_t at = last.enricher == impl.id && !part.empty() && part.size() < last.text.size() &&
                            part.back() != '.' && part.back() != ' '
                        ? last.text.find(part)
                        : std::string::npos;
  const std::vector<Token>& tokens = last.tokens;
  size_t first = 0, end = 0;
  bool inside = at != std::string::npos;
  if (inside) {
    const auto begin = static_cast<int32_t>(at), part_end = static_cast<int32_t>(at + part.size());
    while (first < tokens.size() && tokens[first].begin < begin) ++first;
    end = first;
    while (end < tokens.size() && tokens[end].begin < part_end) ++end;
    inside = (first == 0 || tokens[first - 1].end <= begin) && (end == first || tokens[end - 1].end <= part_end);
  }
  if (!inside) {
    Tokenize(part, out, lowered);
    return;
  }
  out->assign(tokens.begin() + static_cast<std::ptrdiff_t>(first), tokens.begin() + static_cast<std::ptrdiff_t>(end));
  for (Token& t : *out) {
    t.begin -= static_cast<int32_t>(at);
    t.end -= static_cast<int32_t>(at);
    t.text = part.substr(static_cast<size_t>(t.begin), static_cast<size_t>(t.end - t.begin));
  }
}
}  // namespace

void Enricher::Enrich(const SentenceContext& ctx, std::vector<EventInSentence>& events) const {
  if (events.empty()) return;
  const ReadSentence& read = Read(*impl_, ctx.sentence);
  const std::vector<Token>& tokens = read.tokens;
  const std::vector<DateExpr> dates = FindDates(impl_->dates, tokens, ctx.sentence, ctx.document_date);
  thread_local std::vector<Gazetteer::Match> places;  // (kept by the thread: no allocation per sentence)
  impl_->gazetteer.Find(tokens, &places);

  std::vector<code::ActorMention> found;
  const std::vector<code::ActorMention>* mentions = &found;
  // Actors are only needed to name reporters.
  const bool need_actors =
      !read.cues.report_verbs.empty() || !read.cues.sources.empty() || !read.cues.reason_verbs.empty();
  if (need_actors && ctx.actors) mentions = ctx.actors;
  else if (ctx.find_actors && need_actors) found = ctx.find_actors(ctx.sentence);
  thread_local std::vector<TokenMention> located;
  LocateMentions(tokens, *mentions, ctx.sentence.size(), &located);
  // A reporting verb inside an actor's name is no report: "The United States imposed..." has
  // "States", not "X states that...". (The sentence's cues are copied only when one is.)
  auto in_name = [&](const Cue& r) {
    for (const TokenMention& m : located)
      if (r.first < m.last && r.last > m.first) return true;
    return false;
  };
  std::optional<SentenceCues> edited;
  if (std::any_of(read.cues.report_verbs.begin(), read.cues.report_verbs.end(), in_name)) {
    edited.emplace(read.cues);
    std::erase_if(edited->report_verbs, in_name);
  }
  const SentenceCues& cues = edited ? *edited : read.cues;

  std::vector<code::ActorMention> all_mentions;
  bool all_found = false;
  for (EventInSentence& e : events) {
    Event* ev = e.event;
    if (!ev) continue;
    CorrectTarget(ctx, tokens, places, e, &all_mentions, &all_found);
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
    // "X has never admitted sending shells": the content of a negated report is no assertion.
    if (ev->modality == Modality::kAsserted && !is_report && ReportIsNegated(impl_->cues, cues, tokens, vf))
      ev->modality = Modality::kHypothetical;
    Attribution a = Attribute(cues, tokens, ctx.sentence, located, vf, vl);
    ev->reported_by = a.code;
    ev->reported_by_text = a.text;

    // Where.
    EventPlaces where =
        AssignPlaces(impl_->place_words, tokens, places, vf, vl, ReportComplementStart(cues, tokens, vf, vl));
    ev->location = std::move(where.location);
    ev->origin = std::move(where.origin);
    ev->destination = std::move(where.destination);
  }
}

bool Enricher::MayReport(std::string_view sentence) const {
  const ReadSentence& read = Read(*impl_, sentence);
  const SentenceCues& cues = read.cues;
  return !cues.report_verbs.empty() || !cues.sources.empty() || !cues.reason_verbs.empty() ||
         HasComplementVerb(read.tokens);
}

std::vector<Enricher::ReportedContent> Enricher::FindReportedContent(
    std::string_view sentence, const ActorFinder& find_actors,
    const std::vector<code::ActorMention>* sentence_actors) const {
  std::vector<ReportedContent> out;
  if (!MayReport(sentence)) return out;
  const ReadSentence& read = Read(*impl_, sentence);
  const std::vector<Token>& tokens = read.tokens;
  const SentenceCues& cues = read.cues;
  std::vector<code::ActorMention> found;
  const std::vector<code::ActorMention>* mentions = &found;
  if (sentence_actors) mentions = sentence_actors;
  else if (find_actors) found = find_actors(sentence);
  thread_local std::vector<TokenMention> located;
  LocateMentions(tokens, *mentions, sentence.size(), &located);
  for (const ReportedClause& c : FindReportedClauses(cues, tokens, located)) {
    ReportedContent content;
    content.clause = {tokens[c.first].begin, tokens[c.last - 1].end};
    if (c.speaker_first >= 0) content.speaker = {tokens[c.speaker_first].begin, tokens[c.speaker_last - 1].end};
    if (c.subject_first >= 0) content.subject = {tokens[c.subject_first].begin, tokens[c.subject_last - 1].end};
    content.subject_possessive = c.subject_possessive;
    content.first_person = c.first_person;
    content.control = c.control;
    if (c.verb_first >= 0) content.verb = {tokens[c.verb_first].begin, tokens[c.verb_last - 1].end};
    if (c.passive_report_first >= 0)
      content.passive_report = {tokens[c.passive_report_first].begin, tokens[c.passive_report_last - 1].end};
    out.push_back(content);
  }
  return out;
}

}  // namespace dyad::enrich
