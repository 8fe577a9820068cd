#include <cctype>
#include "analyze/role_report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <limits>
#include <mutex>
#include <system_error>
#include <thread>

namespace dyad::analyze {
namespace {

std::string MonthOf(const Date& d) {
  if (!d.valid()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

// The rules' texts say "X" for the state under study: "X's forces" -> "Belarus's forces", "the
// United States' forces"; "X hosting" -> "Belarus hosting"; capitalised at a sentence's start.
std::string NameX(const std::string& text, const Subject& x) {
  if (x.name.empty()) return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool alone = text[i] == 'X' && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))) &&
                       (i + 1 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 1])));
    if (!alone) {
      out += text[i];
      continue;
    }
    size_t before = out.find_last_not_of(' ');
    const bool start = before == std::string::npos || out[before] == '.' || out[before] == ':';
    if (text.compare(i, 3, "X's") == 0) {
      out += Possessive(x, start);
      i += 2;
    } else {
      out += DisplayName(x, start);
    }
  }
  return out;
}

// The month after "YYYY-MM" (and before, with delta -1).
std::string ShiftMonth(const std::string& month, int delta) {
  int y = std::stoi(month.substr(0, 4));
  int m = std::stoi(month.substr(5, 2)) - 1 + delta;
  y += m >= 0 ? m / 12 : -((-m + 11) / 12);
  m = ((m % 12) + 12) % 12;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m + 1);
  return buf;
}

// The last day an evidence's date covers.
// (An Evidence, or a matched event kept by the analyzer.)
template <typename DatedEvidence>
Date EndOf(const DatedEvidence& e) {
  return e.date_end.valid() && e.date <= e.date_end ? e.date_end : e.date;
}

// Where an event's act stands in its sentence: its verb, else its source.
const Span& VerbOrSource(const Event& e) { return !e.verb_span.empty() ? e.verb_span : e.source_span; }

// The code begins with one of the CAMEO prefixes.
bool StartsWithAny(const std::string& code, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return code.compare(0, p.size(), p) == 0; });
}

bool Supporting(Bucket b) { return b == Bucket::kAsserted || b == Bucket::kReported; }

std::string Prefix3(const std::string& code) { return code.substr(0, std::min<size_t>(3, code.size())); }

std::string FormatRate(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

void BucketCounts::Add(Bucket b) {
  switch (b) {
    case Bucket::kAsserted: ++asserted; break;
    case Bucket::kReported: ++reported; break;
    case Bucket::kHypothetical: ++hypothetical; break;
    case Bucket::kNegated: ++negated; break;
    case Bucket::kAlleged: ++alleged; break;
  }
}

const char* TrendName(Trend t) {
  switch (t) {
    case Trend::kUp: return "up";
    case Trend::kDown: return "down";
    case Trend::kUnchanged: return "unchanged";
    case Trend::kNoData: return "no data";
  }
  return "no data";
}

const char* TrendArrow(Trend t) {
  switch (t) {
    case Trend::kUp: return "\u2191";
    case Trend::kDown: return "\u2193";
    case Trend::kUnchanged: return "\u2192";
    case Trend::kNoData: return "\u00b7";
  }
  return "\u00b7";
}

// Copies of the matched events' texts, in large blocks (one allocation per block, not per text).
class RoleAnalyzer::Texts {
 public:
  std::string_view Keep(std::string_view text) {
    if (text.empty()) return {};
    if (blocks_.empty() || used_ + text.size() > size_) {
      size_ = std::max<size_t>(kBlock, text.size());
      blocks_.push_back(std::make_unique<char[]>(size_));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::copy(text.begin(), text.end(), at);
    used_ += text.size();
    return {at, text.size()};
  }

 private:
  static constexpr size_t kBlock = 256 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0, size_ = 0;
};

bool RoleAnalyzer::Item::HasActor(std::string_view code) const {
  for (int i = 0; i < actor_count; ++i)
    if (actors[static_cast<size_t>(i)] == code) return true;
  return false;
}

void RoleAnalyzer::Item::AddActor(std::string_view code) {
  if (!HasActor(code) && actor_count < static_cast<int>(actors.size()))
    actors[static_cast<size_t>(actor_count++)] = code;
}

RoleAnalyzer::RoleAnalyzer(const RuleSet& rules, const Conflict& conflict, Subject x,
                           RoleOptions options)
    : rules_(rules),
      conflict_(conflict),
      x_(std::move(x)),
      classifier_(rules, conflict, x_),
      options_(options),
      texts_(std::make_unique<Texts>()) {
  if (!options_.from.valid()) options_.from = conflict_.begin();
  for (const Rule& r : rules_.rules)
    if (r.even_handed && r.AppliesToKind(conflict_.kind)) even_handed_ = &r;
}

RoleAnalyzer::~RoleAnalyzer() = default;

std::string_view RoleAnalyzer::Keep(std::string_view text) { return texts_->Keep(text); }

// The document of a matched event, kept once: found by the store's document id and checked
// against the event's document fields (events built by hand may share an id).
int RoleAnalyzer::DocumentOf(int64_t document_id, const std::string& source, const std::string& url,
                             const std::string& title, const Date& date) {
  std::vector<int>& with_id = documents_by_id_[document_id];
  for (int i : with_id) {
    const Document& d = documents_[static_cast<size_t>(i)];
    if (d.source == source && d.url == url && d.title == title && d.date == date) return i;
  }
  with_id.push_back(static_cast<int>(documents_.size()));
  Document& d = documents_.emplace_back();
  d.source = Keep(source);
  d.url = Keep(url);
  d.title = Keep(title);
  d.date = date;
  // As DocKey: the URL, else the publisher, title and date.
  std::string key = !url.empty() ? url : source + "\n" + title + "\n" + date.ToIso();
  d.key = document_keys_.try_emplace(std::move(key), static_cast<int>(document_keys_.size())).first->second;
  if (!source.empty()) d.source_id = sources_.try_emplace(source, static_cast<int>(sources_.size())).first->second;
  return with_id.back();
}

Evidence RoleAnalyzer::EvidenceOf(const Item& it) const {
  Evidence ev;
  ev.from_sentence = it.event_id < 0;
  ev.event_id = ev.from_sentence ? 0 : it.event_id;
  ev.document_id = it.document_id;
  ev.sentence_index = it.sentence_index;
  ev.date = it.date;
  ev.date_end = it.date_end;
  ev.precision = it.precision;
  ev.date_text = it.date_text;
  ev.sentence = it.sentence;
  ev.source = it.source;
  ev.event_code = it.event_code;
  ev.target = it.target;
  ev.reported_by = it.reported_by;
  ev.reported_by_text = it.reported_by_text;
  ev.bucket = it.bucket;
  const Document& d = documents_[static_cast<size_t>(it.document)];
  ev.doc_source = d.source;
  ev.doc_url = d.url;
  ev.doc_title = d.title;
  ev.doc_date = d.date;
  if (it.review >= 0) {
    const ReviewText& r = reviews_[static_cast<size_t>(it.review)];
    ev.review_state = r.state;
    ev.reviewer = r.reviewer;
    ev.reviewed_at = r.at;
    ev.review_note = r.note;
    ev.machine_coding = r.machine_coding;
  }
  const Hit& first = HitOf(it, 0);  // the first match in category order
  ev.rule_id = first.rule->id;
  ev.weight = first.rule->weight;
  return ev;
}

Evidence RoleAnalyzer::EvidenceOf(const Item& it, size_t k) const {
  Evidence ev = EvidenceOf(it);
  const Hit& h = HitOf(it, k);
  ev.rule_id = h.rule->id;
  ev.weight = h.rule->weight;
  ev.target_from_conflict = h.target_from_conflict;
  ev.reason = h.reason;
  return ev;
}

void RoleAnalyzer::Add(const store::StoredEvent& se) {
  if (se.duplicate) return;
  const Event& e = se.event;
  Date date = e.date.valid() ? e.date : se.doc_date;
  if (date.valid()) {
    // An event dated by a period ("since 2014": 2014-01-01..2014-12-31) is in the
    // window when the period overlaps it.
    Date end = e.date.valid() && e.date_end.valid() && date <= e.date_end ? e.date_end : date;
    if (options_.from.valid() && end < options_.from) return;
    if (options_.to.valid() && date > options_.to) return;
  }
  ++scanned_;
  if (se.doc_date.valid() && (!latest_document_.valid() || latest_document_ < se.doc_date))
    latest_document_ = se.doc_date;
  auto on_a_side = [&](const std::string& code) {
    const Side side = conflict_.SideOf(code, x_.code);
    return side == Side::kAggressor || side == Side::kVictim || side == Side::kAggressorAlly || side == Side::kVictimAlly;
  };
  if ((on_a_side(e.source) || on_a_side(e.target)) && !documents_in_conflict_.count(se.document_id))
    documents_in_conflict_.emplace(se.document_id,
                                   DocumentOf(se.document_id, se.doc_source, se.doc_url, se.doc_title, se.doc_date));
  // What others do to X, and what X does, by sentence (AddSentence: RuleSet::acted_on).
  if (!rules_.acted_on.codes.empty() && !e.source.empty() && !IsX(e.source) && IsX(e.target) &&
      e.modality == Modality::kAsserted && StartsWithAny(e.event_code, rules_.acted_on.codes))
    acted_on_.insert({se.document_id, e.sentence_index});
  if (IsX(e.source) || IsX(e.reported_by)) x_acts_.insert({se.document_id, e.sentence_index});
  if (!rules_.judgement.codes.empty() && !e.source.empty() && !x_.code.empty() &&
      !IsX(e.source) && IsX(e.target) && StartsWithAny(e.event_code, rules_.judgement.codes)) {
    const Span& verb = VerbOrSource(e);
    NoteJudgement(KeyOf(se.document_id, e.sentence_index, e.sentence), verb.empty() ? 0 : verb.end);
  }
  if (even_handed_ && IsX(e.source) && e.event_code.size() >= 2 && e.modality == Modality::kAsserted) {
    const Side side = conflict_.SideOf(e.target, x_.code);
    if (side == Side::kVictim || side == Side::kVictimAlly)
      victim_side_acts_.emplace(KeyOf(se.document_id, e.sentence_index, e.sentence), e.event_code.substr(0, 2));
  }
  std::vector<int> overridden;
  std::vector<Match> matches = classifier_.Classify(e, &overridden);
  if (matches.empty() && overridden.empty()) return;
  const bool waits = std::any_of(matches.begin(), matches.end(), [](const Match& m) { return m.by_document; });
  if (waits) {
    if (documents_in_conflict_.count(se.document_id)) {
      for (Match& m : matches) m.by_document = false;
    } else {
      // Listed later if the document is about the conflict; what holds now is listed now.
      std::vector<Match> tied, firm;
      for (Match& m : matches) (m.by_document ? tied : firm).push_back(std::move(m));
      pending_[se.document_id].emplace_back(se, std::move(tied));
      matches = std::move(firm);
    }
  }
  AddMatched(se, date, std::move(matches), overridden);
}

std::vector<int64_t> RoleAnalyzer::PendingDocuments() const {
  std::vector<int64_t> out;
  for (const auto& entry : pending_)
    if (!documents_in_conflict_.count(entry.first)) out.push_back(entry.first);
  return out;
}

void RoleAnalyzer::ResolvePending() {
  auto pending = std::move(pending_);
  pending_.clear();
  for (auto& [document_id, events] : pending) {
    if (!documents_in_conflict_.count(document_id)) continue;
    for (auto& [se, matches] : events) {
      for (Match& m : matches) m.by_document = false;
      const Event& e = se.event;
      AddMatched(se, e.date.valid() ? e.date : se.doc_date, std::move(matches), {});
    }
  }
  ApplyEvenHanded();
}

void RoleAnalyzer::ApplyEvenHanded() {
  for (auto& [item, key, root] : aligned_acts_) {
    if (!victim_side_acts_.count({key, root})) continue;
    const auto begin = hits_.begin() + item->hits_begin, end = hits_.begin() + item->hits_end;
    if (std::any_of(begin, end, [&](const Hit& h) { return h.category == even_handed_->category; })) continue;
    for (auto h = begin; h != end; ++h)
      if (EvenHandedReplaces(h->category)) {
        h->category = even_handed_->category;
        h->rule = even_handed_;
        h->contradicts.clear();
      }
    // (An item's hits stay in category order.)
    std::stable_sort(begin, end, [](const Hit& a, const Hit& b) { return a.category < b.category; });
  }
  aligned_acts_.clear();
}

void RoleAnalyzer::AddMatched(const store::StoredEvent& se, const Date& date, std::vector<Match> matches,
                              const std::vector<int>& overridden) {
  const Event& e = se.event;
  // The sentence's categories for AddSentence: those the event is evidence for, and those its
  // rules say it is not (an admission of support is an acknowledgement, never support).
  std::vector<int>& covered = categories_of_sentence_[{se.document_id, e.sentence_index}];
  for (const Match& m : matches) covered.push_back(m.category);
  covered.insert(covered.end(), overridden.begin(), overridden.end());
  if (matches.empty()) return;
  Item& item = AddItem(e, matches, date, se.document_id,
                       DocumentOf(se.document_id, se.doc_source, se.doc_url, se.doc_title, se.doc_date));
  item.event_id = se.id;
  if (se.review.id != 0) {
    ReviewText r;
    r.state = store::ReviewStateName(se.review.state);
    r.reviewer = se.review.reviewer;
    r.at = se.review.at;
    r.note = se.review.note;
    if (se.review.state == store::ReviewState::kCorrected) {
      auto code = [](const std::string& c) { return c.empty() ? std::string("-") : c; };
      r.machine_coding = code(se.review.machine_source) + " " + code(se.review.machine_code) + " " +
                         code(se.review.machine_target);
    }
    item.review = static_cast<int>(reviews_.size());
    reviews_.push_back(std::move(r));
  }
}

void RoleAnalyzer::NoteDocumentActors(const store::DocumentActors& d) {
  if (documents_in_conflict_.count(d.document_id)) return;
  auto aggressor_side = [](Side s) { return s == Side::kAggressor || s == Side::kAggressorAlly; };
  auto victim_side = [](Side s) { return s == Side::kVictim || s == Side::kVictimAlly; };
  auto a_side = [&](Side s) { return aggressor_side(s) || victim_side(s); };
  for (const auto& [source, target] : d.pairs) {
    const Side from = conflict_.SideOf(source, x_.code);
    const Side to = conflict_.SideOf(target, x_.code);
    // An act between the sides, or one of X's with a side (as Add ties a document by X's events).
    if ((aggressor_side(from) && victim_side(to)) || (victim_side(from) && aggressor_side(to)) ||
        (from == Side::kX && a_side(to)) || (to == Side::kX && a_side(from))) {
      documents_in_conflict_.emplace(d.document_id, DocumentOf(d.document_id, d.source, d.url, d.title, d.date));
      return;
    }
  }
}

void RoleAnalyzer::AddSentence(int64_t document_id, const store::Sentence& sentence) {
  if (options_.reviewed_only || !documents_in_conflict_.count(document_id)) return;
  AddSentence(document_id, sentence, classifier_.ClassifySentence(sentence.text));
}

void RoleAnalyzer::AddSentence(int64_t document_id, const store::Sentence& sentence, std::vector<Match> matches) {
  // Reviews judge events: evidence limited to reviewed events has no room for unreviewed sentences.
  if (options_.reviewed_only) return;
  auto in_conflict = documents_in_conflict_.find(document_id);
  if (in_conflict == documents_in_conflict_.end()) return;
  const int document = in_conflict->second;
  const Date date = documents_[static_cast<size_t>(document)].date;
  if (date.valid() && ((options_.from.valid() && date < options_.from) || (options_.to.valid() && date > options_.to)))
    return;
  // A sentence about what another actor did to X, in which X acts in no event, is no evidence of
  // X's own conduct ("Poland closed its border crossings with Belarus for the duration of the drills").
  if (acted_on_.count({document_id, sentence.index}) && !x_acts_.count({document_id, sentence.index}))
    matches.erase(std::remove_if(matches.begin(), matches.end(),
                                 [&](const Match& m) { return HasCategory(rules_.acted_on.categories, m.category); }),
                  matches.end());
  if (matches.empty()) return;
  // A category one of the sentence's events is evidence for already lists the sentence.
  std::vector<int>& covered = categories_of_sentence_[{document_id, sentence.index}];
  matches.erase(std::remove_if(matches.begin(), matches.end(),
                               [&](const Match& m) {
                                 return std::find(covered.begin(), covered.end(), m.category) != covered.end();
                               }),
                matches.end());
  if (matches.empty()) return;
  for (const Match& m : matches) covered.push_back(m.category);  // a sentence stored twice counts once
  Event words_only;
  words_only.sentence = sentence.text;
  words_only.sentence_index = sentence.index;
  // Another actor's judging words before the sentence names X: what it says of X's conduct is what
  // that actor holds against X, set apart as a judgement event's is (SetApartIfJudged), in an item
  // of its own; the sentence's other categories (the response) stay evidence.
  if (!rules_.judgement.codes.empty() && classifier_.JudgedBeforeNamed(sentence.text)) {
    NoteJudgement(KeyOf(document_id, sentence.index, sentence.text), std::numeric_limits<int64_t>::max());
    const auto conduct = std::stable_partition(matches.begin(), matches.end(), [&](const Match& m) {
      return !HasCategory(rules_.judgement.categories, m.category);
    });
    const std::vector<Match> judged(std::make_move_iterator(conduct), std::make_move_iterator(matches.end()));
    matches.erase(conduct, matches.end());
    if (!judged.empty()) AddItem(words_only, judged, date, document_id, document).event_id = -(++sentence_items_);
    if (matches.empty()) return;
  }
  Item& item = AddItem(words_only, matches, date, document_id, document);
  item.event_id = -(++sentence_items_);
}

RoleAnalyzer::Item& RoleAnalyzer::AddItem(const Event& e, const std::vector<Match>& matches, Date date,
                                          int64_t document_id, int document) {
  Item& item = items_.emplace_back();
  item.document_id = document_id;
  item.date = date;
  item.sentence_index = e.sentence_index;
  if (e.date.valid()) {
    item.precision = e.date_precision;
    item.date_text = Keep(e.date_text);
    if (e.date_end.valid() && e.date < e.date_end) item.date_end = e.date_end;
  }
  item.sentence = Keep(e.sentence);
  item.source = Keep(e.source);
  item.event_code = Keep(e.event_code);
  item.target = Keep(e.target);
  item.reported_by = Keep(e.reported_by);
  item.reported_by_text = Keep(e.reported_by_text);
  item.bucket = classifier_.BucketOf(e);
  const Span& verb = VerbOrSource(e);
  item.verb_begin = e.event_code.empty() || verb.empty() ? -1 : verb.begin;
  item.document = document;
  std::string root = e.root_code.empty() ? e.event_code.substr(0, std::min<size_t>(2, e.event_code.size()))
                                         : e.root_code;
  item.dyad_key = Prefix3(e.source) + "|" + root + "|" + Prefix3(e.target);
  // A period longer than two months has no month of its own.
  const bool spanning = item.date_end.valid() && item.date_end.ToDays() - item.date.ToDays() > 62;
  item.month = spanning ? std::string() : MonthOf(date);
  item.span_end = e.date.valid() && e.date_end.valid() && date <= e.date_end ? e.date_end : date;
  if (!e.source.empty()) item.AddActor(item.source.substr(0, 3));
  if (!e.target.empty()) item.AddActor(item.target.substr(0, 3));
  for (const Place* p : {&e.location, &e.origin, &e.destination})
    if (p->country == x_.code) item.AddActor(x_.code);
  item.hits_begin = static_cast<uint32_t>(hits_.size());
  bool dyad_from_conflict = false;
  for (const Match& m : matches) {
    Hit& h = hits_.emplace_back();
    h.category = m.category;
    h.rule = m.rule;
    h.contradicts = m.contradicts;
    std::string reason;
    const std::string target = classifier_.TargetFromConflict(*m.rule, e, &reason);
    if (target.empty()) continue;
    h.target_from_conflict = Keep(target);
    h.reason = Keep(reason);
    // Corroboration counts the dyad with the target the conflict supplies (the first one).
    if (!dyad_from_conflict) {
      dyad_from_conflict = true;
      item.dyad_key = Prefix3(e.source) + "|" + root + "|" + Prefix3(target);
      item.AddActor(h.target_from_conflict.substr(0, 3));
    }
  }
  item.hits_end = static_cast<uint32_t>(hits_.size());
  if (even_handed_ && IsX(e.source) && e.event_code.size() >= 2 && StartsWithAny(e.event_code, even_handed_->codes)) {
    const Side side = conflict_.SideOf(e.target, x_.code);
    bool replaced = false;
    for (uint32_t h = item.hits_begin; h < item.hits_end; ++h) replaced = replaced || EvenHandedReplaces(hits_[h].category);
    if (replaced && (side == Side::kAggressor || side == Side::kAggressorAlly))
      aligned_acts_.emplace_back(&item, KeyOf(document_id, e.sentence_index, item.sentence), e.event_code.substr(0, 2));
  }
  if (!rules_.judgement.codes.empty()) {
    conduct_items_[KeyOf(document_id, e.sentence_index, item.sentence)].push_back(&item);
    SetApartIfJudged(item);
  }
  return item;
}

RoleAnalyzer::SentenceKey RoleAnalyzer::KeyOf(int64_t document_id, int sentence_index, std::string_view sentence) {
  return {document_id, sentence_index, std::hash<std::string_view>{}(sentence)};
}

void RoleAnalyzer::NoteJudgement(const SentenceKey& key, int64_t verb_end) {
  auto [at, added] = judgement_end_.emplace(key, verb_end);
  if (!added) {
    if (verb_end >= at->second) return;
    at->second = verb_end;
  }
  auto items = conduct_items_.find(key);
  if (items == conduct_items_.end()) return;
  for (Item* item : items->second) SetApartIfJudged(*item);
}

void RoleAnalyzer::SetApartIfJudged(Item& item) {
  if (item.bucket != Bucket::kAsserted && item.bucket != Bucket::kReported) return;
  const auto judged = judgement_end_.find(KeyOf(item.document_id, item.sentence_index, item.sentence));
  if (judged == judgement_end_.end()) return;
  // Conduct named before the judging verb is told on its own ("Iran shipped drones to Russia, and
  // the EU sanctioned it"); a sentence without an event has no position and reads as one judgement.
  if (item.verb_begin >= 0 && item.verb_begin < judged->second) return;
  if (item.hits_begin == item.hits_end) return;
  for (uint32_t h = item.hits_begin; h < item.hits_end; ++h)
    if (!HasCategory(rules_.judgement.categories, hits_[h].category)) return;
  item.bucket = Bucket::kAlleged;
}

// The chart's first month. A few early events set apart from the rest by more than a year
// ("in March 2014", then nothing until 2022) would squeeze the chart into its last fifth: the chart
// then starts after the gap (at the start of a conflict phase inside it, when there is one) and
// says so; the tables keep every month.
void RoleAnalyzer::ChooseChartStart(RoleReport* report) const {
  std::map<std::string, int> per_month;  // asserted and reported events, as plotted
  int total = 0;
  for (const Item& it : items_) {
    if (it.month.empty() || !Supporting(it.bucket)) continue;
    ++per_month[it.month];
    ++total;
  }
  report->chart_from = report->months.empty() ? "" : report->months.front();
  if (per_month.size() < 2) return;
  auto months_between = [](const std::string& a, const std::string& b) {
    return (std::stoi(b.substr(0, 4)) - std::stoi(a.substr(0, 4))) * 12 + std::stoi(b.substr(5, 2)) -
           std::stoi(a.substr(5, 2));
  };
  const int few = std::max(2, total / 4);
  std::string cut_after, cut_at;
  int before = 0, left_out = 0;
  std::string previous;
  for (const auto& [month, n] : per_month) {
    if (!previous.empty() && months_between(previous, month) > 12 && before <= few) {
      cut_after = previous;
      cut_at = month;
      left_out = before;
    }
    before += n;
    previous = month;
  }
  if (cut_at.empty()) return;
  std::string from = cut_at, why;
  for (const Phase& p : conflict_.phases) {
    const std::string begins = MonthOf(p.begin);
    if (begins > cut_after && begins <= cut_at && begins < from) {
      from = begins;
      why = ", the start of the phase '" + p.name + "'";
    }
  }
  report->chart_from = from;
  report->chart_note = "The chart starts at " + from + why + ": " + std::to_string(left_out) + " earlier " +
                       (left_out == 1 ? "event" : "events") + " (" + per_month.begin()->first +
                       (per_month.begin()->first == cut_after ? "" : " .. " + cut_after) + "), followed by " +
                       std::to_string(months_between(cut_after, cut_at) - 1) +
                       " months without evidence, would squeeze it; the timeline table lists every month.";
}

RoleReport RoleAnalyzer::Finish() const {
  RoleReport report;
  report.x = x_;
  report.reviewed_only = options_.reviewed_only;
  report.include_rejected = options_.include_rejected && !options_.reviewed_only;
  report.standing = conflict_.StandingOf(x_.code);
  switch (report.standing) {
    case Standing::kAggressorParty:
    case Standing::kVictimParty:
      report.standing_note = x_.code + " is a party to " + conflict_.name + " (the " +
                             (report.standing == Standing::kAggressorParty ? "aggressor" : "victim") +
                             " side in " + conflict_.file +
                             "): this report lists its conduct as a party, not the categories of a third state's involvement.";
      break;
    case Standing::kAggressorAlly:
    case Standing::kVictimAlly:
      report.standing_note = x_.code + " is listed in " + conflict_.file + " as an ally of the " +
                             (report.standing == Standing::kAggressorAlly ? "aggressor" : "victim") +
                             " side; the categories are those of a third state's involvement.";
      break;
    case Standing::kThird:
      report.standing_note = x_.code + " is not a party to " + conflict_.name +
                             ": the categories are those of a third state's involvement.";
      break;
  }
  report.conflict_id = conflict_.id;
  report.conflict_name = conflict_.name;
  report.conflict_file = conflict_.file;
  report.rules_file = rules_.file;
  report.disclaimer = rules_.disclaimer;
  report.from = options_.from;
  report.to = options_.to;
  report.events_scanned = scanned_;
  report.sentences_matched = sentence_items_;
  report.events_matched = static_cast<int64_t>(items_.size()) - sentence_items_;

  // Corroboration: distinct documents per (category, dyad, month), supporting evidence only.
  std::unordered_map<std::string, std::set<int>> corroborating;  // -> DocKeys, interned
  auto corr_key = [](int cat, const Item& it) {
    return std::to_string(cat) + "#" + it.dyad_key + "#" + it.month;
  };
  for (const Item& it : items_) {
    if (!Supporting(it.bucket)) continue;
    const int document = documents_[static_cast<size_t>(it.document)].key;
    for (size_t k = 0; k < HitCount(it); ++k) corroborating[corr_key(HitOf(it, k).category, it)].insert(document);
  }

  std::string first_month, last_month;
  const Item* earliest = nullptr;
  const Item* latest = nullptr;
  for (const Item& it : items_) {
    const Date& d = it.date;
    if (!d.valid()) continue;
    if (it.month.empty()) {  // dated only by a long period
      ++report.events_spanning;
      continue;
    }
    if (!report.first_event.valid() || d < report.first_event) report.first_event = d;
    if (!report.last_event.valid() || d > report.last_event) report.last_event = d;
    if (!earliest || d < earliest->date) earliest = &it;
    if (!latest || EndOf(it) > EndOf(*latest)) latest = &it;
  }
  if (earliest) report.earliest = EvidenceOf(*earliest);
  if (latest) report.latest = EvidenceOf(*latest);
  first_month = MonthOf(report.first_event);
  last_month = options_.to.valid() ? MonthOf(options_.to) : MonthOf(report.last_event);
  if (!first_month.empty() && !last_month.empty() && first_month <= last_month) {
    for (std::string m = first_month; m <= last_month; m = ShiftMonth(m, 1)) report.months.push_back(m);
    std::string current;
    for (const std::string& m : report.months) {
      Date start{std::stoi(m.substr(0, 4)), std::stoi(m.substr(5, 2)), 1};
      Date end = start.AddDays(Date::DaysInMonth(start.year, start.month) - 1);
      const Phase* p = conflict_.PhaseAt(end);
      std::string name = p ? p->name : "";
      if (name != current) report.phases.push_back({m, name});
      current = name;
    }
    ChooseChartStart(&report);
  }

  // An event's id -> its item (the last one with that id), for the contradiction pairing.
  std::map<int64_t, const Item*> by_id;
  for (const Item& it : items_) by_id[it.event_id] = &it;
  for (const Category& cat : rules_.categories) {
    if (!cat.AppliesTo(report.standing)) continue;
    CategoryReport cr;
    cr.category = cat;
    // "Direct participation of X's forces" reads with the state's name in the report.
    for (std::string* text : {&cr.category.name, &cr.category.description, &cr.category.bears_on})
      *text = NameX(*text, x_);
    for (const ConflictInstrument& ci : conflict_.instruments)
      if (std::find(ci.categories.begin(), ci.categories.end(), cat.key) != ci.categories.end())
        cr.category.tests.push_back(ci.test);
    std::set<int> sources, documents;  // interned
    // An item as evidence of this category; its Evidence is built only for what the report
    // lists (most of a large store's matches are only counted).
    struct Candidate {
      const Item* item;
      size_t k;  // the category's place among the item's hits
      int corroboration;
      double score;
      const Item& base() const { return *item; }
      const std::string& key() const { return item->dyad_key; }  // the item's dyad key
    };
    auto evidence_of = [&](const Candidate& c) {
      Evidence ev = EvidenceOf(*c.item, c.k);
      ev.corroboration = c.corroboration;
      ev.score = c.score;
      return ev;
    };
    std::vector<Candidate> claims, denials;  // denials: negated events of this category
    std::vector<Candidate> unasserted;       // hypothetical and negated events
    std::vector<Candidate> alleged;          // what others allege X did
    std::pair<const Item*, size_t> earliest_of{nullptr, 0}, latest_of{nullptr, 0};
    for (const Item& it : items_) {
      size_t k = 0;
      while (k < HitCount(it) && HitOf(it, k).category != cat.number) ++k;
      if (k == HitCount(it)) continue;
      const Item& ev = it;
      const int weight = HitOf(it, k).rule->weight;
      cr.counts.Add(ev.bucket);
      if (!it.month.empty()) cr.by_month[it.month].Add(ev.bucket);
      if (ev.date.valid()) {
        if (!cr.first.valid() || ev.date < cr.first) cr.first = ev.date;
        if (!cr.last.valid() || ev.date > cr.last) cr.last = ev.date;
        if (!earliest_of.first || ev.date < earliest_of.first->date) earliest_of = {&it, k};
        if (!latest_of.first || EndOf(ev) > EndOf(*latest_of.first)) latest_of = {&it, k};
      }
      if (Supporting(ev.bucket)) {
        const Document& document = documents_[static_cast<size_t>(it.document)];
        if (document.source_id >= 0) sources.insert(document.source_id);
        documents.insert(document.key);
        auto c = corroborating.find(corr_key(cat.number, it));
        const int corroboration = c == corroborating.end() ? 1 : static_cast<int>(c->second.size());
        const double score = weight * 10.0 + (ev.bucket == Bucket::kAsserted ? 3 : 2) +
                             2.0 * std::min(corroboration, 5);
        claims.push_back({&it, k, corroboration, score});
      } else if (ev.bucket == Bucket::kAlleged) {
        alleged.push_back({&it, k, 1, weight * 10.0});
      } else {
        const Candidate c{&it, k, 1, weight * 10.0};
        unasserted.push_back(c);
        if (ev.bucket == Bucket::kNegated) denials.push_back(c);
      }
    }
    if (earliest_of.first) cr.earliest = EvidenceOf(*earliest_of.first, earliest_of.second);
    if (latest_of.first) cr.latest = EvidenceOf(*latest_of.first, latest_of.second);
    cr.sources = static_cast<int>(sources.size());
    cr.documents = static_cast<int>(documents.size());
    auto best_first = [](const Candidate& a, const Candidate& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.base().date < b.base().date;
    };
    // Each list best first, one entry per sentence, at most evidence_per_category.
    auto list_best = [&](std::vector<Candidate>& candidates, std::vector<Evidence>* out) {
      std::stable_sort(candidates.begin(), candidates.end(), best_first);
      std::set<std::string_view> seen;
      for (const Candidate& c : candidates) {
        if (static_cast<int>(out->size()) >= options_.evidence_per_category) break;
        if (!seen.insert(c.base().sentence).second) continue;
        out->push_back(evidence_of(c));
      }
    };
    list_best(claims, &cr.strongest);
    list_best(unasserted, &cr.unasserted);
    list_best(alleged, &cr.alleged);

    // Contradictions pair a claim and a denial of the same proposition: the same
    // category, the same actors, and dates within contradiction_days.
    auto near = [&](const Item& a, const Item& b) {
      const Date& a0 = a.date;
      const Date& b0 = b.date;
      if (!a0.valid() || !b0.valid()) return false;
      int64_t slack = options_.contradiction_days;
      return a0.ToDays() <= b.span_end.ToDays() + slack && b0.ToDays() <= a.span_end.ToDays() + slack;
    };
    std::set<int64_t> used;
    // One sentence can give several events (a denial coded 016 and as a negated
    // event): each pair of sentences is listed once.
    auto paired = [&](const Item& claim, const Item& denial) {
      for (const Contradiction& k : cr.contradictions)
        if (k.claim.sentence == claim.sentence && k.denial.sentence == denial.sentence) return true;
      return false;
    };
    // (a): an asserted/reported event and a negated event of the same dyad and root.
    for (const Candidate& d : denials) {
      if (static_cast<int>(cr.contradictions.size()) >= options_.contradictions_per_category) break;
      for (const Candidate& c : claims) {
        if (c.key() != d.key() || !near(*by_id[c.base().event_id], *by_id[d.base().event_id])) continue;
        if (paired(c.base(), d.base())) break;
        cr.contradictions.push_back(
            {evidence_of(c), evidence_of(d), "same actors and CAMEO root (" + d.key() + "), one asserted and one negated"});
        used.insert(d.base().event_id);
        break;
      }
    }
    // (b): X's statements that a rule marks as denying this category, paired with
    // the nearest claim of this category whose actors include every actor of the
    // denial (X denying that X's forces took part answers claims about X's forces).
    for (const Item& it : items_) {
      if (static_cast<int>(cr.contradictions.size()) >= options_.contradictions_per_category) break;
      int denying = -1;
      for (size_t k = 0; k < HitCount(it); ++k) {
        if (HitOf(it, k).category == cat.number) continue;
        const auto& cs = HitOf(it, k).contradicts;
        if (std::find(cs.begin(), cs.end(), cat.number) != cs.end()) denying = static_cast<int>(k);
      }
      if (denying < 0 || used.count(it.event_id)) continue;
      const Candidate* best = nullptr;
      int64_t best_dist = 0;
      for (const Candidate& c : claims) {
        const Item& claim = *by_id[c.base().event_id];
        if (!near(claim, it)) continue;
        bool same_actors = claim.HasActor(x_.code);
        for (int a = 0; a < it.actor_count; ++a)
          same_actors = same_actors && claim.HasActor(it.actors[static_cast<size_t>(a)]);
        if (!same_actors) continue;
        int64_t dist = c.base().date.ToDays() - it.date.ToDays();
        if (dist < 0) dist = -dist;
        if (!best || dist < best_dist) {
          best = &c;
          best_dist = dist;
        }
      }
      if (!best || paired(best->base(), it)) continue;
      Evidence denial = EvidenceOf(it);
      denial.rule_id = HitOf(it, static_cast<size_t>(denying)).rule->id;
      denial.weight = HitOf(it, static_cast<size_t>(denying)).rule->weight;
      cr.contradictions.push_back({evidence_of(*best), denial,
                                   "a denial by " + x_.code + " officials of the same " + cat.key +
                                       " claim (same actors, within " + std::to_string(options_.contradiction_days) +
                                       " days)"});
      used.insert(it.event_id);
    }
    report.categories.push_back(std::move(cr));
  }

  // Escalation watch.
  EscalationWatch& w = report.watch;
  EscalationSettings es = rules_.escalation;
  es.signals.erase(std::remove_if(es.signals.begin(), es.signals.end(),
                                  [&](const Signal& sig) {
                                    for (int c : sig.categories) {
                                      const Category* cat = rules_.FindCategory(c);
                                      if (cat && cat->AppliesTo(report.standing)) return false;
                                    }
                                    return !sig.categories.empty();
                                  }),
                   es.signals.end());
  if (last_month.empty() || es.signals.empty()) {
    w.trend = Trend::kNoData;
    w.reason = es.signals.empty() ? "no escalation signals are defined in the rules file"
                                  : "no dated evidence in the window";
    return report;
  }
  // Which month is compared: the last one, complete or pro-rated, or, when the evidence covers
  // too few of its days to pro-rate, the complete month before it.
  const Date as_of = options_.to.valid() ? options_.to : latest_document_;
  std::string month = last_month;
  std::string basis_note;
  int covered = 0, dim = 0;
  if (as_of.valid() && MonthOf(as_of) == last_month && as_of.day < Date::DaysInMonth(as_of.year, as_of.month)) {
    covered = as_of.day;
    dim = Date::DaysInMonth(as_of.year, as_of.month);
  }
  if (covered > 0 && covered < es.min_partial_days) {
    month = ShiftMonth(last_month, -1);
    w.basis = "previous complete month";
    w.skipped_month = last_month;
    w.skipped_days = covered;
    basis_note = "; " + last_month + " has evidence for " + std::to_string(covered) + " of " + std::to_string(dim) +
                 " days only (up to " + as_of.ToIso() + ", fewer than " + std::to_string(es.min_partial_days) +
                 "), too few to pro-rate: the last complete month, " + month + ", is compared";
    covered = 0;
  } else if (covered > 0) {
    w.basis = "pro-rated";
    w.days_covered = covered;
    w.days_in_month = dim;
  } else {
    w.basis = "complete";
    basis_note = "; " + month + " is a complete month";
  }
  w.month = month;
  w.baseline_from = ShiftMonth(month, -es.baseline_months);
  w.baseline_to = ShiftMonth(month, -1);
  auto in_signal = [&](const Signal& s, const Item& it) {
    bool cat = s.categories.empty();
    for (int c : s.categories)
      for (size_t k = 0; k < HitCount(it); ++k) cat = cat || HitOf(it, k).category == c;
    if (!cat) return false;
    if (s.codes.empty()) return true;
    for (const std::string& p : s.codes) {
      if (it.event_code.compare(0, p.size(), p) == 0) return true;
    }
    return false;
  };
  int total_last = 0, total_base = 0;
  for (const Signal& s : es.signals) {
    SignalTrend st;
    st.name = s.name;
    int base = 0;
    for (const Item& it : items_) {
      if (!Supporting(it.bucket) || it.month.empty() || !in_signal(s, it)) continue;
      if (it.month == month) ++st.last;
      else if (it.month >= w.baseline_from && it.month <= w.baseline_to) ++base;
    }
    st.baseline = static_cast<double>(base) / es.baseline_months;
    w.signals.push_back(st);
  }
  for (const Item& it : items_) {
    if (!Supporting(it.bucket) || it.month.empty()) continue;
    bool any = false;
    for (const Signal& s : es.signals) any = any || in_signal(s, it);
    if (!any) continue;
    if (it.month == month) ++total_last;
    else if (it.month >= w.baseline_from && it.month <= w.baseline_to) ++total_base;
  }
  w.last = total_last;
  w.baseline = static_cast<double>(total_base) / es.baseline_months;
  // A partial last month: pro-rate its count to a whole month (and say so).
  double last = total_last;
  std::string partial = basis_note;
  if (covered > 0) {
    last = total_last * static_cast<double>(dim) / covered;
    partial = "; " + month + " is partial (" + std::to_string(covered) + " of " + std::to_string(dim) +
              " days, evidence up to " + as_of.ToIso() + ")" +
              (total_last == 0 ? std::string(", pro-rated")
                               : ": " + std::to_string(total_last) + " pro-rated to " + FormatRate(last) +
                                     " for the comparison");
  }
  w.last_pro_rated = last;
  std::string names;
  for (const Signal& s : es.signals) names += (names.empty() ? "" : ", ") + s.name;
  std::string detail;
  for (const SignalTrend& st : w.signals)
    detail += (detail.empty() ? "" : "; ") + st.name + " " + std::to_string(st.last) + " (baseline " +
              FormatRate(st.baseline) + ")";
  std::string window = w.baseline_from + ".." + w.baseline_to;
  if (total_last == 0 && total_base == 0) {
    w.trend = Trend::kUnchanged;
    w.reason = "no " + names + " events in " + month + " or in " + window + partial;
  } else if (last >= w.baseline * es.ratio && last - w.baseline >= es.min_change) {
    w.trend = Trend::kUp;
    w.reason = std::to_string(w.last) + " " + names + " events in " + month + " against " +
               FormatRate(w.baseline) + "/month in " + window + " (" + detail + ")" + partial;
  } else if (last <= w.baseline / es.ratio && w.baseline - last >= es.min_change) {
    w.trend = Trend::kDown;
    w.reason = std::to_string(w.last) + " " + names + " events in " + month + " against " +
               FormatRate(w.baseline) + "/month in " + window + " (" + detail + ")" + partial;
  } else {
    w.trend = Trend::kUnchanged;
    w.reason = std::to_string(w.last) + " " + names + " events in " + month +
               ", within the range of " + FormatRate(w.baseline) + "/month in " + window + " (" +
               detail + ")" + partial;
  }
  return report;
}

RoleReport BuildRoleReport(const RuleSet& rules, const Conflict& conflict, const Subject& x,
                           const RoleOptions& options,
                           const std::vector<store::StoredEvent>& events) {
  RoleAnalyzer a(rules, conflict, x, options);
  for (const store::StoredEvent& e : events) a.Add(e);
  a.ResolvePending();
  return a.Finish();
}

namespace {

// Streams the rows of `query` into `analyzer`: the store reads them on a second thread while this
// one classifies them. Reading (SQLite, the page cache) and classifying take about as long as
// each other on a large store, so with a second core the report takes about half as long. Rows
// travel in batches whose buffers are reused (their strings keep their capacity), and the reader
// waits when the classifier is two batches behind, so memory stays at three batches.
Status ReadWhileClassifying(store::Store& store, const store::EventQuery& query, RoleAnalyzer* analyzer) {
  auto on_this_thread = [&] {
    return store.ForEachEvent(query, [&](const store::StoredEvent& e) {
      analyzer->Add(e);
      return true;
    });
  };
  if (std::thread::hardware_concurrency() < 2) return on_this_thread();
  constexpr size_t kBatchRows = 256;
  struct Batch {
    std::vector<store::StoredEvent> rows = std::vector<store::StoredEvent>(kBatchRows);
    size_t size = 0;
  };
  std::array<Batch, 3> batches;
  std::mutex mu;
  std::condition_variable changed;
  std::deque<Batch*> free_batches = {&batches[0], &batches[1], &batches[2]};
  std::deque<Batch*> full_batches;
  bool reading_done = false;
  Status read_status;

  auto reader = [&] {
    Batch* batch = nullptr;
    auto hand_over = [&] {
      std::lock_guard lock(mu);
      full_batches.push_back(batch);
      batch = nullptr;
      changed.notify_all();
    };
    Status s = store.ForEachEvent(query, [&](const store::StoredEvent& e) {
      if (!batch) {
        std::unique_lock lock(mu);
        changed.wait(lock, [&] { return !free_batches.empty(); });
        batch = free_batches.front();
        free_batches.pop_front();
        batch->size = 0;
      }
      batch->rows[batch->size++] = e;
      if (batch->size == kBatchRows) hand_over();
      return true;
    });
    if (batch) hand_over();
    std::lock_guard lock(mu);
    read_status = s;
    reading_done = true;
    changed.notify_all();
  };
  std::thread reading;
  try {
    reading = std::thread(reader);
  } catch (const std::system_error&) {  // no thread to be had
    return on_this_thread();
  }
  for (;;) {
    Batch* batch = nullptr;
    {
      std::unique_lock lock(mu);
      changed.wait(lock, [&] { return !full_batches.empty() || reading_done; });
      if (full_batches.empty()) break;
      batch = full_batches.front();
      full_batches.pop_front();
    }
    for (size_t i = 0; i < batch->size; ++i) analyzer->Add(batch->rows[i]);
    std::lock_guard lock(mu);
    free_batches.push_back(batch);
    changed.notify_all();
  }
  if (reading.joinable()) reading.join();
  return read_status;
}

// A sentence naming X with what the sentence rules match in it.
struct ClassifiedSentence {
  int64_t document_id = 0;
  store::Sentence sentence;
  std::vector<Match> matches;
};

// Streams the sentences matching `fts_query` into `apply`, on this thread and in the order read,
// each with its matches (SentenceMatches). The store reads them on a second thread, which also
// classifies the second half of each batch while this one classifies the first: classifying is
// most of the cost (0.6 of 0.8 G instructions on the 1M-event store), and it needs nothing of the
// other sentences. Batches are reused, as in ReadWhileClassifying.
Status ReadAndClassifySentences(store::Store& store, const std::string& fts_query, const RoleAnalyzer& analyzer,
                                const std::function<void(ClassifiedSentence&)>& apply) {
  auto on_this_thread = [&] {
    ClassifiedSentence c;
    return store.ForEachSentenceMatching(fts_query, [&](int64_t document_id, const store::Sentence& sentence) {
      c.document_id = document_id;
      c.sentence = sentence;
      c.matches = analyzer.SentenceMatches(sentence.text);
      apply(c);
      return true;
    });
  };
  if (std::thread::hardware_concurrency() < 2) return on_this_thread();
  constexpr size_t kBatchRows = 256, kHalf = kBatchRows / 2;
  struct Batch {
    std::vector<ClassifiedSentence> rows = std::vector<ClassifiedSentence>(kBatchRows);
    size_t size = 0;
  };
  std::array<Batch, 3> batches;
  std::mutex mu;
  std::condition_variable changed;
  std::deque<Batch*> free_batches = {&batches[0], &batches[1], &batches[2]};
  std::deque<Batch*> full_batches;
  bool reading_done = false;
  Status read_status;

  auto reader = [&] {
    Batch* batch = nullptr;
    auto hand_over = [&] {
      for (size_t i = kHalf; i < batch->size; ++i)
        batch->rows[i].matches = analyzer.SentenceMatches(batch->rows[i].sentence.text);
      std::lock_guard lock(mu);
      full_batches.push_back(batch);
      batch = nullptr;
      changed.notify_all();
    };
    Status s = store.ForEachSentenceMatching(fts_query, [&](int64_t document_id, const store::Sentence& sentence) {
      if (!batch) {
        std::unique_lock lock(mu);
        changed.wait(lock, [&] { return !free_batches.empty(); });
        batch = free_batches.front();
        free_batches.pop_front();
        batch->size = 0;
      }
      ClassifiedSentence& c = batch->rows[batch->size++];
      c.document_id = document_id;
      c.sentence = sentence;
      if (batch->size == kBatchRows) hand_over();
      return true;
    });
    if (batch) hand_over();
    std::lock_guard lock(mu);
    read_status = s;
    reading_done = true;
    changed.notify_all();
  };
  std::thread reading;
  try {
    reading = std::thread(reader);
  } catch (const std::system_error&) {  // no thread to be had
    return on_this_thread();
  }
  for (;;) {
    Batch* batch = nullptr;
    {
      std::unique_lock lock(mu);
      changed.wait(lock, [&] { return !full_batches.empty() || reading_done; });
      if (full_batches.empty()) break;
      batch = full_batches.front();
      full_batches.pop_front();
    }
    for (size_t i = 0; i < std::min(batch->size, kHalf); ++i)
      batch->rows[i].matches = analyzer.SentenceMatches(batch->rows[i].sentence.text);
    for (size_t i = 0; i < batch->size; ++i) apply(batch->rows[i]);
    std::lock_guard lock(mu);
    free_batches.push_back(batch);
    changed.notify_all();
  }
  if (reading.joinable()) reading.join();
  return read_status;
}

}  // namespace

Status BuildRoleReportFromStore(store::Store& store, const RuleSet& rules,
                                const Conflict& conflict, const Subject& x,
                                const RoleOptions& options, RoleReport* out) {
  bool any = false;
  if (Status s = store.HasEvents(&any); !s.ok()) return s;
  if (!any)
    return Status::NotFound("no events in " + store.path() +
                         ": the database is empty; code some documents into it first");
  RoleAnalyzer a(rules, conflict, x, options);
  // Only an explicit window is pushed into the query: undated events (documents
  // without a publication date) stay in the report, marked undated, unless the
  // user asked for a window. The analyzer applies the conflict's start itself.
  store::EventQuery q;
  if (options.from.valid()) q.from = options.from;
  if (options.to.valid()) q.to = options.to;
  // Only the events involving X are read (from the store's indexes, not a scan of every
  // event): X's code in the source, target, reporter or a place, or the sentence naming X or
  // one of the conflict's groups from X (the keyword and group conditions of the rules).
  // Reviewed evidence only: every accepted event is read (a correction may have made X an actor
  // the indexes do not know of), whole, with its review; the analyzer keeps those that concern X.
  if (options.reviewed_only) {
    q.review = store::ReviewFilter::kAccepted;
  } else {
    q.involving = x.code;
    q.fields = store::EventFields::kReport;  // what RoleAnalyzer::Add reads
    q.review = options.include_rejected ? store::ReviewFilter::kAny : store::ReviewFilter::kNotRejected;
  }
  // Every word the classifier reads as naming X (names, capitals, adjectives and their plurals).
  std::vector<std::string> names = x.names;
  if (names.empty() && !x.name.empty()) names.push_back(x.name);
  std::vector<std::string> adjectives = x.adjectives;
  if (adjectives.empty() && !x.adjective.empty()) adjectives.push_back(x.adjective);
  for (const std::string& n : names) q.involving_words.push_back(n);
  for (const std::string& a : adjectives) {
    q.involving_words.push_back(a);
    q.involving_words.push_back(a + "s");
  }
  for (const Group& g : conflict.groups) {
    if (x.code.empty() || g.country.compare(0, x.code.size(), x.code) != 0) continue;
    for (const std::string& m : g.match) q.involving_words.push_back(m);
  }
  // (X's weapon systems name it for the rules that use {x_weapon}.)
  for (const std::string& w : x.weapons) q.involving_words.push_back(w);
  Status s = ReadWhileClassifying(store, q, &a);
  if (!s.ok()) return s;
  // Events that hold only in a document about the conflict: ask the store what the documents
  // none of X's events tied to the conflict are about. What a document is about is read from all
  // its events, rejected ones too: rejecting one event must not take another out of the report.
  auto note_actors = [&](const std::vector<int64_t>& document_ids, bool include_rejected) {
    if (document_ids.empty()) return Status::Ok();
    return store.ForEachDocumentActors(document_ids, include_rejected, [&](const store::DocumentActors& d) {
      a.NoteDocumentActors(d);
      return true;
    });
  };
  s = note_actors(a.PendingDocuments(), /*include_rejected=*/true);
  if (!s.ok()) return s;
  a.ResolvePending();
  // Then the sentences naming X (the same words), for the rules that read sentences without an event.
  const bool sentence_rules = std::any_of(rules.rules.begin(), rules.rules.end(), [](const Rule& r) { return r.sentences; });
  // (Never in a reviewed-only report: AddSentence lists none there.)
  if (sentence_rules && !q.involving_words.empty() && !options.reviewed_only) {
    std::string fts_query;
    for (const std::string& w : q.involving_words) {
      if (w.find('"') != std::string::npos) continue;  // not one FTS phrase
      fts_query += (fts_query.empty() ? "\"" : " OR \"") + w + "\"";
    }
    // Sentences of documents none of X's events tied to the conflict wait until the document's
    // other events say whether it is about the war between the sides.
    std::map<int64_t, std::vector<std::pair<store::Sentence, std::vector<Match>>>> pending;
    s = ReadAndClassifySentences(store, fts_query, a, [&](ClassifiedSentence& c) {
      if (a.IsConflictDocument(c.document_id)) {
        a.AddSentence(c.document_id, c.sentence, std::move(c.matches));
      } else if (!c.matches.empty()) {
        pending[c.document_id].emplace_back(c.sentence, std::move(c.matches));
      }
    });
    if (!s.ok()) return s;
    // The actors of those documents' events, in one query: one query per document (its SQL
    // prepared each time, every event row read) cost a tenth of the report's instructions on the
    // 1M-event store.
    std::vector<int64_t> document_ids;
    document_ids.reserve(pending.size());
    for (const auto& entry : pending) document_ids.push_back(entry.first);
    s = note_actors(document_ids, options.include_rejected);
    if (!s.ok()) return s;
    for (auto& [document_id, sentences] : pending)
      for (auto& [sentence, matches] : sentences) a.AddSentence(document_id, sentence, std::move(matches));
  }
  *out = a.Finish();
  return Status::Ok();
}

}  // namespace dyad::analyze
