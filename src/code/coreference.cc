#include "code/coreference.h"

#include <cctype>

#include <algorithm>
#include <sstream>

#include "common/escape.h"

namespace dyad::code {

namespace {

bool IsUpperLetter(char c) { return c >= 'A' && c <= 'Z'; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::vector<std::string> Fields(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string f;
  while (in >> f) out.push_back(f);
  return out;
}

// The codes of a (possibly coded-compound) code "A/B/C".
std::vector<std::string_view> Parts(std::string_view code) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b <= code.size()) {
    size_t e = code.find('/', b);
    if (e == std::string_view::npos) e = code.size();
    if (e > b) out.push_back(code.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

bool IsPlainCode(std::string_view c) { return c.find('/') == std::string_view::npos; }

bool ValidCode(std::string_view c) {
  if (c.empty()) return false;
  for (char ch : c)
    if (!IsUpperLetter(ch) && !(ch >= '0' && ch <= '9')) return false;
  return true;
}

}  // namespace

bool IsParagraphBreak(std::string_view between) {
  int breaks = 0;
  for (char c : between)
    if (c == '\n' && ++breaks >= 2) return true;
  return false;
}

bool CorefRules::IsStateCode(std::string_view code) const {
  if (code.size() < 3) return false;
  for (int i = 0; i < 3; ++i)
    if (!IsUpperLetter(code[i])) return false;
  return states.count(code.substr(0, 3)) > 0;
}

void CorefRules::ParseLines(const std::vector<std::string>& lines, const std::string& file,
                            std::vector<std::string>* warnings) {
  // (ITS is no TABARI pronoun: the coder resolves it only as a possessive before an agent.)
  static const std::unordered_set<std::string> kPronounWords = {"HE", "HIM", "SHE", "HER", "IT",
                                                                "ITS", "THEY", "THEM", "THEIR"};
  auto warn = [&](size_t i, const std::string& what) {
    if (warnings)
      warnings->push_back(file + ":" + std::to_string(i + 1) + ": " + EscapeForMessage(what) + ": '" +
                          EscapeForMessage(lines[i]) + "'");
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (size_t hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
    const auto f = Fields(l);
    if (f.empty()) continue;
    const std::string cmd = Upper(f[0]);
    if (cmd == "PRONOUN:") {
      if (f.size() < 3) { warn(i, "PRONOUN: needs a kind and words"); continue; }
      const std::string kind = Upper(f[1]);
      PronounKind k = kind == "PERSON" ? PronounKind::kPerson
                      : kind == "THING" ? PronounKind::kThing
                      : kind == "GROUP" ? PronounKind::kGroup
                                        : PronounKind::kNone;
      if (k == PronounKind::kNone) { warn(i, "unknown pronoun kind (PERSON, THING or GROUP)"); continue; }
      for (size_t j = 2; j < f.size(); ++j) {
        const std::string w = Upper(f[j]);
        if (!kPronounWords.count(w)) { warn(i, "not one of the coder's pronouns (HE HIM SHE HER IT ITS THEY THEM THEIR)"); continue; }
        pronouns[w] = k;
      }
    } else if (cmd == "EXPLETIVE:") {
      if (f.size() < 2) { warn(i, "EXPLETIVE: needs words"); continue; }
      for (size_t j = 1; j < f.size(); ++j) expletive_after.insert(Upper(f[j]));
    } else if (cmd == "WINDOW:") {
      int v = -1;
      if (f.size() == 3) {
        try {
          size_t used = 0;
          v = std::stoi(f[2], &used);
          if (used != f[2].size()) v = -1;
        } catch (...) {
          v = -1;
        }
      }
      const std::string which = f.size() > 1 ? Upper(f[1]) : "";
      if (v < 0 || v > 100 || (which != "PRONOUN" && which != "DEFINITE" && which != "EVENT")) {
        warn(i, "WINDOW: expects PRONOUN, DEFINITE or EVENT and a number of sentences 0-100");
        continue;
      }
      (which == "PRONOUN" ? pronoun_window : which == "DEFINITE" ? definite_window : event_window) = v;
    } else if (cmd == "NONSTATE:") {
      for (size_t j = 1; j < f.size(); ++j) nonstates.insert(Upper(f[j]));
    } else if (cmd == "SET:") {
      // SET: NAME CODE...  (states a descriptor may stand for: "the kingdom", "the Gulf state")
      if (f.size() < 3) { warn(i, "SET: needs a name and state codes"); continue; }
      std::vector<std::string> codes;
      bool bad = false;
      for (size_t j = 2; j < f.size(); ++j) {
        std::string c = Upper(f[j]);
        if (c.size() != 3 || !ValidCode(c)) bad = true;
        codes.push_back(std::move(c));
      }
      if (bad) { warn(i, "SET: state codes are three letters"); continue; }
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
      sets[Upper(f[1])] = std::move(codes);
    } else if (cmd == "SEAT:") {
      // SEAT: WORD... = STATE [UNLESS WORD...]
      const auto eq = std::find(f.begin(), f.end(), "=");
      if (eq == f.begin() + 1 || eq == f.end() || eq + 1 == f.end()) { warn(i, "SEAT: expects WORDS = STATE [UNLESS WORDS]"); continue; }
      Seat seat;
      for (auto it = f.begin() + 1; it != eq; ++it) seat.words.push_back(Upper(*it));
      seat.state = Upper(*(eq + 1));
      if (seat.state.size() != 3 || !ValidCode(seat.state)) { warn(i, "SEAT: the state is a three-letter code"); continue; }
      auto rest = eq + 2;
      if (rest != f.end()) {
        if (Upper(*rest) != "UNLESS" || rest + 1 == f.end()) { warn(i, "SEAT: after the state, only UNLESS and words"); continue; }
        for (++rest; rest != f.end(); ++rest) seat.unless.push_back(Upper(*rest));
      }
      seats.push_back(std::move(seat));
    } else if (cmd == "MENTION:") {
      // MENTION: WORD WORD ... = STATE|STATES|AGGRESSOR|GROUP [AGENT] [IN SET] [MOST] [SUBJECT]
      //          WORD WORD ... = ACTOR OF CODE...
      auto eq = std::find(f.begin(), f.end(), "=");
      std::vector<std::string> rhs;
      if (eq != f.end())
        for (auto it = eq + 1; it != f.end(); ++it) rhs.push_back(Upper(*it));
      if (eq != f.begin() + 1 && eq != f.end() && rhs.size() >= 2 && rhs[0] == "ACTOR" && rhs[1] == "OF") {
        DefiniteRule r;
        for (auto it = f.begin() + 1; it != eq; ++it) r.words.push_back(Upper(*it));
        r.kind = DefiniteKind::kActorOf;
        bool bad = rhs.size() == 2;
        for (size_t j = 2; j < rhs.size(); ++j) {
          const std::string& c = rhs[j];
          bad = bad || c.size() > 4 || c.find_first_not_of("0123456789") != std::string::npos;
          r.codes.push_back(c);
        }
        if (bad) { warn(i, "ACTOR OF expects CAMEO code prefixes (digits: 18 19 20)"); continue; }
        r.file = file;
        r.line = static_cast<int>(i + 1);
        definites.push_back(std::move(r));
        continue;
      }
      // A trailing SUBJECT: the phrase is resolved only before its sentence's first verb.
      const bool subject_only = !rhs.empty() && rhs.back() == "SUBJECT";
      if (subject_only) rhs.pop_back();
      // ... and MOST before it: the state the document has named most often so far.
      const bool most_named = !rhs.empty() && rhs.back() == "MOST";
      if (most_named) rhs.pop_back();
      std::string set_name;
      if (rhs.size() >= 3 && rhs[rhs.size() - 2] == "IN") {
        set_name = rhs.back();
        rhs.resize(rhs.size() - 2);
      }
      if (eq == f.begin() + 1 || eq == f.end() || rhs.empty() || rhs.size() > 2) {
        warn(i, "MENTION: expects 'words = STATE|STATES|AGGRESSOR|GROUP [agent] [IN set]' or 'words = ACTOR OF codes'");
        continue;
      }
      DefiniteRule r;
      r.subject_only = subject_only;
      r.most_named = most_named;
      for (auto it = f.begin() + 1; it != eq; ++it) r.words.push_back(Upper(*it));
      const std::string& kind = rhs[0];
      if (kind == "STATE") r.kind = DefiniteKind::kState;
      else if (kind == "STATES") r.kind = DefiniteKind::kStates;
      else if (kind == "AGGRESSOR") r.kind = DefiniteKind::kAggressor;
      else if (kind == "GROUP") r.kind = DefiniteKind::kGroup;
      else { warn(i, "unknown mention kind (STATE, STATES, AGGRESSOR or GROUP)"); continue; }
      if (rhs.size() == 2) {
        r.agent = rhs[1];
        if (!ValidCode(r.agent)) { warn(i, "bad agent code"); continue; }
      }
      if (r.kind == DefiniteKind::kGroup && r.agent.empty()) { warn(i, "GROUP needs an agent code (REB, UAF ...)"); continue; }
      if (r.most_named && r.kind != DefiniteKind::kState) { warn(i, "MOST is for STATE mentions only"); continue; }
      if (!set_name.empty()) {
        if (r.kind != DefiniteKind::kState) { warn(i, "IN set is for STATE mentions only"); continue; }
        const auto found = sets.find(set_name);
        if (found == sets.end()) { warn(i, "unknown set (define it with SET: before the mention)"); continue; }
        r.among = found->second;
      }
      r.file = file;
      r.line = static_cast<int>(i + 1);
      definites.push_back(std::move(r));
    } else {
      warn(i, "unknown coreference command");
    }
  }
  std::stable_sort(definites.begin(), definites.end(),
                   [](const DefiniteRule& a, const DefiniteRule& b) { return a.words.size() > b.words.size(); });
  definite_first_words.clear();
  for (const DefiniteRule& r : definites)
    if (!r.words.empty() &&
        std::find(definite_first_words.begin(), definite_first_words.end(), r.words[0]) == definite_first_words.end())
      definite_first_words.push_back(r.words[0]);
  IndexDefinites();
}

void CorefRules::IndexDefinites() {
  definite_starts_.clear();
  for (uint32_t index = 0; index < definites.size(); ++index) {
    const auto& words = definites[index].words;
    if (words.empty()) continue;
    auto start = std::find_if(definite_starts_.begin(), definite_starts_.end(),
                              [&](const DefiniteStart& s) { return s.first == words[0]; });
    if (start == definite_starts_.end()) {
      definite_starts_.push_back({words[0], {}, {}});
      start = definite_starts_.end() - 1;
    }
    if (words.size() == 1) {
      start->one_word.push_back(index);
      continue;
    }
    auto second = std::find_if(start->by_second.begin(), start->by_second.end(),
                               [&](const auto& entry) { return entry.first == words[1]; });
    if (second == start->by_second.end()) {
      start->by_second.push_back({words[1], {}});
      second = start->by_second.end() - 1;
    }
    second->second.push_back(index);  // (indices ascend: `definites` is walked in order)
  }
  for (auto& start : definite_starts_) {
    std::sort(start.by_second.begin(), start.by_second.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [second, indices] : start.by_second) start.second_words.Add(second);
  }
  // (Sorted by first word: DefiniteCandidates looks a word up by binary search, as every word of
  // every sentence is looked up.)
  std::sort(definite_starts_.begin(), definite_starts_.end(),
            [](const DefiniteStart& a, const DefiniteStart& b) { return a.first < b.first; });
  definite_first_words_ = WordShapeFilter();
  for (const DefiniteStart& start : definite_starts_) definite_first_words_.Add(start.first);
}

namespace {
// A word without its possessive ending ("COUNTRY'S" -> "COUNTRY", "COUNTRIES'" -> "COUNTRIES"),
// or "" when it has none.
std::string_view PossessiveStem(std::string_view word) {
  if (word.size() > 2 && word.ends_with("'S")) return word.substr(0, word.size() - 2);
  if (word.size() > 1 && word.ends_with("'")) return word.substr(0, word.size() - 1);
  return {};
}
}  // namespace

void CorefRules::DefiniteCandidatesOf(std::string_view first, std::string_view second, std::vector<uint32_t>* out) const {
  auto find = [&](std::string_view word) -> const DefiniteStart* {
    auto it = std::lower_bound(definite_starts_.begin(), definite_starts_.end(), word,
                               [](const DefiniteStart& s, std::string_view w) { return s.first < w; });
    return it != definite_starts_.end() && it->first == word ? &*it : nullptr;
  };
  const std::string_view first_stem = PossessiveStem(first);
  if (!definite_first_words_.MayContain(first) &&
      (first_stem.empty() || !definite_first_words_.MayContain(first_stem)))
    return;  // (no rule starts with the word or its stem)
  // A rule of one word may end in a possessive; a longer rule's first word is matched exactly.
  if (!first_stem.empty())
    if (const DefiniteStart* stem = find(first_stem))
      out->insert(out->end(), stem->one_word.begin(), stem->one_word.end());
  if (const DefiniteStart* found = find(first)) {
    const DefiniteStart& start = *found;
    out->insert(out->end(), start.one_word.begin(), start.one_word.end());
    // The second word exactly (any rule), or without its possessive (a rule of two words).
    auto add = [&](std::string_view word, bool two_words_only) {
      if (!start.second_words.MayContain(word)) return;
      auto it = std::lower_bound(start.by_second.begin(), start.by_second.end(), word,
                                 [](const auto& entry, std::string_view w) { return entry.first < w; });
      if (it == start.by_second.end() || it->first != word) return;
      for (const uint32_t index : it->second)
        if (!two_words_only || definites[index].words.size() == 2) out->push_back(index);
    };
    if (!second.empty()) {
      add(second, false);
      if (const std::string_view stem = PossessiveStem(second); !stem.empty()) add(stem, true);
    }
  }
  if (out->size() < 2) return;
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

CorefRules CorefRules::FromDictionaries(const dict::DictionarySet& dicts, std::vector<std::string>* warnings) {
  CorefRules rules;
  bool any = false;
  for (const auto& f : dicts.files()) {
    if (f.kind != "coref") continue;
    any = true;
    rules.ParseLines(f.lines, f.path, warnings);
  }
  if (!any) return rules;
  for (const auto& entry : dicts.actors())
    for (const auto& c : entry.codes)
      if (c.code.size() == 3 && ValidCode(c.code) && IsUpperLetter(c.code[0]) && IsUpperLetter(c.code[1]) &&
          IsUpperLetter(c.code[2]) && !rules.nonstates.count(c.code))
        rules.states.insert(c.code);
  return rules;
}

// ---------------------------------------------------------------- Discourse

void Discourse::AssignFrom(const Discourse& other) {
  // (Every member but the rules, which are the same: copy-assigned, so that the vectors and the
  // strings in them reuse their buffers.)
  sentences_ = other.sentences_;
  force_ = other.force_;
  named_ = other.named_;
  people_ = other.people_;
  people_count_ = other.people_count_;
  sentence_count_ = other.sentence_count_;
}

void Discourse::BeginSentence(bool new_paragraph) {
  // Keep only the sentences a rule may look back at (memory stays bounded on long documents).
  const size_t keep = static_cast<size_t>(std::max({rules_.pronoun_window, rules_.definite_window, rules_.event_window})) + 1;
  sentences_.push_back(std::make_shared<Sentence>(Sentence{new_paragraph && !sentences_.empty(), {}}));
  ++sentence_count_;
  if (sentences_.size() > keep) sentences_.erase(sentences_.begin(), sentences_.end() - static_cast<long>(keep));
}

Discourse::Sentence& Discourse::Writable() {
  if (sentences_.empty()) sentences_.push_back(std::make_shared<Sentence>());
  if (sentences_.back().use_count() > 1) sentences_.back() = std::make_shared<Sentence>(*sentences_.back());
  return *sentences_.back();
}

void Discourse::Add(DiscourseMention mention) {
  Remember(mention);
  std::vector<DiscourseMention>& mentions = Writable().mentions;
  // (Room for a sentence's usual few mentions at once, not one allocation and move per doubling.)
  if (mentions.capacity() == 0) mentions.reserve(4);
  mentions.push_back(std::move(mention));
}

void Discourse::NoteEvent(const std::string& code, const std::string& actor, const std::string& text) {
  if (code.empty() || actor.empty()) return;
  // (Not remembered as a state the text named: "the two countries" still looks for names.)
  Writable().acts.push_back({code, {actor, text, false, true}});
}

bool Discourse::HasNamed(std::string_view state) const {
  for (const NamedState& n : named_)
    if (n.state == state) return true;
  for (const DiscourseMention& m : current())
    if (m.code.compare(0, 3, state) == 0) return true;
  return false;
}

void Discourse::Remember(const DiscourseMention& m) {
  // (Only a code with a role names a person, "PRKGOV"; never a bare state or a compound.)
  if (m.code.size() >= 6 && m.code.find('/') == std::string::npos) {
    RememberPerson(m.code, m.text, m.text);
    if (!m.name.empty()) RememberPerson(m.code, m.name, m.text);
  }
  // (The parts of m.code read in place: Parts() would build a vector for each mention.)
  const std::string_view code = m.code;
  for (size_t b = 0, e = 0; b <= code.size(); b = e + 1) {
    e = code.find('/', b);
    if (e == std::string_view::npos) e = code.size();
    if (e == b) continue;
    const std::string_view part = code.substr(b, e - b);
    if (!rules_.IsStateCode(part)) continue;
    const std::string_view state = part.substr(0, 3);
    const bool bare = part.size() == 3;
    auto it = std::find_if(named_.begin(), named_.end(), [&](const NamedState& n) { return n.state == state; });
    if (it == named_.end()) {
      named_.push_back({std::string(state), m.text, sentence_count_, bare, 1});
      continue;
    }
    it->sentence = sentence_count_;
    ++it->mentions;
    if (bare || !it->bare) {
      it->text = m.text;
      it->bare = bare;
    }
  }
}

namespace {

enum class Pick { kFound, kNothing, kStop };

// The pronoun rule applied to one earlier sentence. Only its subject mentions (before its first
// verb) are candidates: "The resolution demands that Russia withdraw. It calls upon Belarus..." —
// the subject is no actor, so IT is not Russia, and the search stops (kStop).
Pick PickForPronoun(const CorefRules& rules, PronounKind kind, const std::vector<DiscourseMention>& all,
                    Antecedent* out) {
  if (all.empty()) return Pick::kNothing;
  std::vector<const DiscourseMention*> ms;
  for (const auto& m : all)
    if (m.subject) ms.push_back(&m);
  if (ms.empty()) return Pick::kStop;
  if (kind == PronounKind::kGroup) {
    // The first parsed compound: all its members.
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i]->compound < 0) continue;
      std::string code, text;
      for (size_t j = i; j < ms.size(); ++j) {
        if (ms[j]->compound != ms[i]->compound) continue;
        for (auto part : Parts(ms[j]->code)) {
          bool seen = false;
          for (auto have : Parts(code)) seen = seen || have == part;
          if (seen) continue;
          if (!code.empty()) code += '/';
          code += part;
        }
        if (!text.empty()) text += " and ";
        text += ms[j]->text;
      }
      *out = {code, text};
      return Pick::kFound;
    }
    for (const auto* m : ms)
      if (m->agent || !IsPlainCode(m->code)) {
        *out = {m->code, m->text};
        return Pick::kFound;
      }
    *out = {ms.front()->code, ms.front()->text};
    return Pick::kFound;
  }
  for (const auto* m : ms) {
    if (m->compound >= 0 || !IsPlainCode(m->code)) continue;
    if (kind == PronounKind::kPerson && m->code.size() == 3 && rules.IsStateCode(m->code)) continue;  // a country is not "he"
    *out = {m->code, m->text};
    return Pick::kFound;
  }
  return Pick::kNothing;
}

}  // namespace

bool Discourse::ResolvePronoun(PronounKind kind, Antecedent* out) const {
  if (kind == PronounKind::kNone || sentences_.size() < 2) return false;
  const int current = static_cast<int>(sentences_.size()) - 1;
  for (int k = 1; k <= rules_.pronoun_window; ++k) {
    const int idx = current - k;
    if (idx < 0) break;
    // Sentence idx+1 opens a paragraph: only the sentence right before the pronoun's own may lie
    // across that break, and the search ends there.
    const bool crossing = sentences_[idx + 1]->new_paragraph;
    if (crossing && k > 1) break;
    const Pick pick = PickForPronoun(rules_, kind, sentences_[idx]->mentions, out);
    if (pick == Pick::kFound) return true;
    if (pick == Pick::kStop || crossing) break;
  }
  return false;
}

void Discourse::NoteForce(const std::string& state, const std::string& text) {
  for (auto& f : force_)
    if (f.state.code == state) {
      ++f.acts;
      return;
    }
  force_.push_back({{state, text}, 1});
}

namespace {
// How far back a surname or given name alone looks for the full name (ResolveNamePart).
constexpr long kNameLookback = 200;

// The word of `t` at byte `at` starts with a capital ("Émile" as well as "Emile").
bool CapitalisedAt(std::string_view t, size_t at) {
  if (t[at] >= 'A' && t[at] <= 'Z') return true;
  const unsigned char c = static_cast<unsigned char>(t[at]);
  bool upper = false;
  return c >= 0xC3 && c <= 0xC8 && at + 1 < t.size() &&
         FoldLatinLetter(c, static_cast<unsigned char>(t[at + 1]), &upper) != 0 && upper;
}

// A name: two to four words, every one capitalised ("João Lourenço", "Kim Jong Un").
bool LooksLikeFullName(std::string_view t) {
  if (t.empty() || t.find(' ') == std::string_view::npos) return false;  // one word: no short form of it
  size_t words = 0;
  for (size_t at = 0; at != std::string_view::npos && at < t.size(); ++words) {
    if (!CapitalisedAt(t, at)) return false;
    const size_t space = t.find(' ', at);
    at = space == std::string_view::npos ? space : space + 1;
  }
  return words >= 2 && words <= 4;
}
}  // namespace

void Discourse::RememberPerson(const std::string& code, const std::string& name, const std::string& text) {
  if (!LooksLikeFullName(name)) return;
  if (!people_) people_ = std::make_shared<std::vector<NamedPerson>>();
  // A copy that has read past its own entries starts a list of its own from them.
  if (people_->size() != people_count_)
    people_ = std::make_shared<std::vector<NamedPerson>>(people_->begin(), people_->begin() + static_cast<long>(people_count_));
  // (Long documents: the names older than the look-back are dropped now and then, when no copy
  // shares the list.)
  if (people_count_ >= 4096 && people_.use_count() == 1 && people_->front().sentence < sentence_count_ - kNameLookback)
    std::erase_if(*people_, [&](const NamedPerson& p) { return p.sentence < sentence_count_ - kNameLookback; });
  people_->push_back({code, name, text, sentence_count_});
  people_count_ = people_->size();
}

bool Discourse::ResolveNamePart(std::string_view word, const std::vector<DiscourseMention>& before,
                                Antecedent* out) const {
  // `a` (text as written) is `word` (as the coder reads it: upper case, letters with diacritics
  // folded, "Lourenço" is LOURENCO).
  auto same = [&](std::string_view a) {
    size_t k = 0;
    for (size_t i = 0; i < a.size(); ++i, ++k) {
      if (k >= word.size()) return false;
      const unsigned char c = static_cast<unsigned char>(a[i]);
      bool upper = false;
      const char base =
          c >= 0xC3 && c <= 0xC8 && i + 1 < a.size() ? FoldLatinLetter(c, static_cast<unsigned char>(a[i + 1]), &upper) : 0;
      if (base != 0) ++i;
      if ((base != 0 ? base : static_cast<char>(std::toupper(c))) != word[k]) return false;
    }
    return k == word.size();
  };
  // `t` starts or ends with the word (compared first: most names end there, without reading the
  // rest of the name).
  auto part_of = [&](std::string_view t) {
    const size_t first_space = t.find(' '), last_space = t.rfind(' ');
    if (first_space == std::string_view::npos) return false;
    return same(t.substr(0, first_space)) || same(t.substr(last_space + 1));
  };
  auto names_in = [&](const DiscourseMention& m, std::string_view t) {
    if (m.code.size() < 6 || m.code.find('/') != std::string::npos) return false;
    return part_of(t) && LooksLikeFullName(t);
  };
  // The mention's own words, or the name written after its title.
  auto names = [&](const DiscourseMention& m) {
    return names_in(m, m.text) || (!m.name.empty() && names_in(m, m.name));
  };
  for (auto it = before.rbegin(); it != before.rend(); ++it)
    if (names(*it)) {
      *out = {it->code, it->text};
      return true;
    }
  // The sentences before, however far back the rule windows reach (at most kNameLookback
  // sentences: an article's people, without a cost that grows with a book).
  if (!people_) return false;
  for (size_t i = people_count_; i-- > 0;) {
    const NamedPerson& p = (*people_)[i];
    if (p.sentence < sentence_count_ - kNameLookback) break;
    if (p.sentence == sentence_count_ || !part_of(p.name)) continue;  // (its own sentence: `before`)
    *out = {p.code, p.text};
    return true;
  }
  return false;
}

bool Discourse::ResolveDefinite(const DefiniteRule& rule, const std::vector<DiscourseMention>& before,
                                Antecedent* out) const {
  // The named state of the rule's set (any state when it has none) that `better` prefers over the
  // best so far; false when there is none.
  auto pick_named = [&](auto better) {
    const NamedState* best = nullptr;
    for (const auto& n : named_)
      if ((rule.among.empty() || std::binary_search(rule.among.begin(), rule.among.end(), n.state)) &&
          (!best || better(n, *best)))
        best = &n;
    if (best) *out = {rule.agent.empty() ? best->state : best->state + rule.agent, best->text};
    return best != nullptr;
  };
  if (rule.most_named) {
    // (named_ counts the mentions recorded so far: the earlier sentences'; this sentence's are
    // recorded after it is coded.)
    return pick_named([](const NamedState& n, const NamedState& best) {
      return n.mentions > best.mentions || (n.mentions == best.mentions && n.sentence > best.sentence);
    });
  }
  if (rule.kind == DefiniteKind::kGroup) {
    // Nearest first: the phrase's own sentence (right to left), then the earlier sentences.
    auto carries = [&](const DiscourseMention& m) {
      return m.code.size() > 3 && m.code.find(rule.agent, 3) != std::string::npos;
    };
    for (auto it = before.rbegin(); it != before.rend(); ++it)
      if (carries(*it)) {
        *out = {it->code, it->text};
        return true;
      }
    const int now = static_cast<int>(sentences_.size()) - 1;
    for (int k = 1; k <= rules_.definite_window && now - k >= 0; ++k) {
      const auto& ms = sentences_[now - k]->mentions;
      for (auto it = ms.rbegin(); it != ms.rend(); ++it)
        if (carries(*it)) {
          *out = {it->code, it->text};
          return true;
        }
    }
    return false;
  }
  if (rule.kind == DefiniteKind::kActorOf) {
    // The nearest earlier sentence with an event of the kind; inside it, the first such event
    // (the main clause). Events of the phrase's own sentence are not coded yet.
    const int now = static_cast<int>(sentences_.size()) - 1;
    for (int k = 1; k <= rules_.event_window && now - k >= 0; ++k)
      for (const Act& act : sentences_[now - k]->acts)
        for (const std::string& prefix : rule.codes)
          if (act.code.starts_with(prefix)) {
            *out = act.actor;
            return true;
          }
    return false;
  }
  if (rule.kind == DefiniteKind::kAggressor) {
    const ForceCount* most = nullptr;
    for (const auto& f : force_)
      if (!most || f.acts > most->acts) most = &f;
    if (!most) return false;
    *out = {rule.agent.empty() ? most->state.code : most->state.code + rule.agent, most->state.text, false};
    return true;
  }
  // Nearest sentence first: the phrase's own sentence (the mentions before it), then the earlier
  // sentences; inside a sentence, text order (the first-named state, as TABARI's pronoun rule and
  // FORWARD take the first actor).
  std::vector<const std::vector<DiscourseMention>*> scopes;
  scopes.push_back(&before);
  const int current = static_cast<int>(sentences_.size()) - 1;
  for (int k = 1; k <= rules_.definite_window && current - k >= 0; ++k) scopes.push_back(&sentences_[current - k]->mentions);
  struct Found {
    std::string state, text;
    size_t scope, index;
  };
  std::vector<Found> found;
  const size_t want = rule.kind == DefiniteKind::kStates ? 2 : 1;
  for (size_t sc = 0; sc < scopes.size() && found.size() < want; ++sc) {
    const auto& scope = *scopes[sc];
    for (size_t m = 0; m < scope.size() && found.size() < want; ++m) {
      for (auto p : Parts(scope[m].code)) {
        if (found.size() >= want || !rules_.IsStateCode(p)) continue;
        std::string state(p.substr(0, 3));
        if (!rule.among.empty() && !std::binary_search(rule.among.begin(), rule.among.end(), state)) continue;
        bool seen = false;
        for (const auto& f : found) seen = seen || f.state == state;
        if (!seen) found.push_back({state, scope[m].text, sc, m});
      }
    }
  }
  if (found.empty() && !rule.among.empty()) {
    // A descriptor of a kind of state ("the kingdom") may reach past the window: the document's
    // latest-named state of that kind.
    return pick_named([](const NamedState& n, const NamedState& best) { return n.sentence > best.sentence; });
  }
  if (found.size() < want) return false;
  // Name the state by its nearest bare mention ("Belarus") when one is in reach, rather than by
  // the person or group whose code carried it ("Lukashenko": BLRGOV).
  for (auto& f : found) {
    bool named = false;
    for (size_t sc = 0; sc < scopes.size() && !named; ++sc)
      for (const auto& m : *scopes[sc]) {
        for (auto p : Parts(m.code))
          if (p == f.state) named = true;
        if (named) {
          f.text = m.text;
          break;
        }
      }
  }
  // A compound lists its states in text order: earlier sentence first, then position.
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.scope != b.scope ? a.scope > b.scope : a.index < b.index;
  });
  auto with_agent = [&](const std::string& st) { return rule.agent.empty() ? st : st + rule.agent; };
  std::string code, text;
  for (const auto& f : found) {
    if (!code.empty()) code += '/';
    code += with_agent(f.state);
    if (text.find(f.text) == std::string::npos) text += (text.empty() ? "" : " and ") + f.text;
  }
  *out = {code, text};
  return true;
}

}  // namespace dyad::code
