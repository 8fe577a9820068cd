#include "enrich/places.h"

#include <cstdlib>
#include <filesystem>

namespace dyad::enrich {
namespace {

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

std::vector<std::string> NameWords(std::string_view name) {
  // (Tokens and lower-cased text kept from name to name: the gazetteer's load splits every name.)
  thread_local std::vector<Token> tokens;
  thread_local std::string lowered;
  Tokenize(name, &tokens, &lowered);
  std::vector<std::string> words;
  for (const Token& t : tokens) words.emplace_back(t.text);
  return words;
}

[[gnu::always_inline]] inline bool IsHardBoundary(const Token& t) { return t.lower == ";" || t.lower == ":" || t.lower == "." || t.lower == "?"; }

// A capitalised demonym or adjective between a preposition and a name:
// "in Russian-occupied Crimea".
bool IsAdjectival(const Token& t) {
  const LowerWord& w = t.lower;
  auto ends = [&](const char* s) {
    std::string_view suf(s);
    return w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  };
  return t.capitalised && (ends("ian") || ends("ese") || ends("ish") || ends("ern"));
}

}  // namespace

Status Gazetteer::LoadFile(const std::string& path, int rank) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(path, 7, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    auto bad = [&](const std::string& what) {
      return Status::Error(path + ":" + std::to_string(row.line) + ": " + what + ": '" + row.cols[0] + "'");
    };
    Place p;
    p.name = row.cols[0];
    p.country = row.cols[2];
    p.admin1 = row.cols[3];
    if (!ParseDouble(row.cols[4], &p.latitude) || !ParseDouble(row.cols[5], &p.longitude) || p.latitude < -90 ||
        p.latitude > 90 || p.longitude < -180 || p.longitude > 180) {
      return bad("bad latitude/longitude");
    }
    p.feature = row.cols[6];
    if (p.feature.empty()) return bad("empty feature");
    if (p.country.size() != 3) return bad("country must be an ISO 3166-1 alpha-3 code");
    int64_t population = 0;
    if (row.cols.size() > 7 && !row.cols[7].empty()) population = std::atoll(row.cols[7].c_str());

    std::vector<std::string> names = {p.name};
    const std::string& alts = row.cols[1];
    for (size_t start = 0; start < alts.size();) {
      size_t bar = alts.find('|', start);
      std::string alt = alts.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
      if (!alt.empty()) names.push_back(alt);
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    const size_t index = places_.size();
    places_.push_back(std::move(p));
    rank_.push_back(rank);
    population_.push_back(population);
    for (const std::string& name : names) {
      auto it = by_name_.find(name);
      if (it != by_name_.end()) {
        size_t old = it->second;
        bool better = rank < rank_[old] || (rank == rank_[old] && population > population_[old]);
        if (!better) continue;
        it->second = index;
        for (Name& n : by_first_word_[NameWords(name).front()]) {
          if (n.place == old && n.words == NameWords(name)) n.place = index;
        }
        continue;
      }
      std::vector<std::string> words = NameWords(name);
      if (words.empty()) continue;
      by_name_.emplace(name, index);
      first_word_slots_.set(FirstWordSlot(words.front()));
      by_first_word_[words.front()].push_back(Name{std::move(words), index});
    }
  }
  return Status::Ok();
}

Status Gazetteer::Load(const std::string& dir) {
  static const char* kFiles[] = {"countries.tsv", "regions.tsv", "cities.tsv"};
  bool any = false;
  for (int rank = 0; rank < 3; ++rank) {
    std::string path = dir + "/" + kFiles[rank];
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    any = true;
    if (Status s = LoadFile(path, rank); !s.ok()) return s;
  }
  if (!any) return Status::Error(dir + ": no gazetteer file (countries.tsv, regions.tsv, cities.tsv)");
  return Status::Ok();
}

const Place* Gazetteer::Lookup(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &places_[it->second];
}

size_t Gazetteer::FirstWordSlot(std::string_view word) { return WordShapeHash(word) % kFirstWordSlots; }

std::vector<Gazetteer::Match> Gazetteer::Find(const std::vector<Token>& tokens) const {
  std::vector<Match> out;
  Find(tokens, &out);
  return out;
}

void Gazetteer::Find(const std::vector<Token>& tokens, std::vector<Match>* matches) const {
  std::vector<Match>& out = *matches;
  out.clear();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].capitalised || !first_word_slots_[FirstWordSlot(tokens[i].text)]) continue;
    auto it = by_first_word_.find(tokens[i].text);
    if (it == by_first_word_.end()) continue;
    const Name* best = nullptr;
    for (const Name& n : it->second) {
      if (i + n.words.size() > tokens.size()) continue;
      if (best && n.words.size() <= best->words.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < n.words.size() && ok; ++k) ok = tokens[i + k].text == n.words[k];
      if (ok) best = &n;
    }
    if (!best) continue;
    const size_t end = i + best->words.size();
    // Word boundary: "Kyiv-based" is not Kyiv.
    if (end < tokens.size() && tokens[end].text == "-" && end + 1 < tokens.size() &&
        tokens[end].begin == tokens[end - 1].end) {
      continue;
    }
    // Part of a longer proper name: "Helsinki Committee", "Minsk Agreements".
    if (end < tokens.size() && tokens[end].word && tokens[end].capitalised) {
      i = end - 1;
      continue;
    }
    out.push_back(Match{static_cast<int>(i), static_cast<int>(end), &places_[best->place]});
    i = end - 1;
  }
}

Status PlaceLexicon::Load(const std::string& path) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(path, 2, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    const std::string& kind = row.cols[0];
    std::vector<std::string> words = SplitWords(row.cols[1]);
    if (words.empty()) return Status::Error(path + ":" + std::to_string(row.line) + ": empty phrase: '" + kind + "'");
    if (kind == "location") {
      location.push_back(words);
    } else if (kind == "origin") {
      origin.push_back(words);
    } else if (kind == "provenance") {
      provenance.push_back(words);
    } else if (kind == "destination") {
      destination.push_back(words);
    } else if (kind == "gap") {
      for (const std::string& w : words) gap.insert(w);
    } else {
      return Status::Error(path + ":" + std::to_string(row.line) + ": unknown kind: '" + kind + "'");
    }
  }
  for (const auto* phrases : {&location, &origin, &destination, &provenance})
    for (const auto& p : *phrases) last_words.Add(p.back());
  for (auto [phrases, index] : {std::pair{&location, &location_by_last}, std::pair{&origin, &origin_by_last},
                                std::pair{&destination, &destination_by_last}, std::pair{&provenance, &provenance_by_last}}) {
    index->clear();
    for (uint32_t i = 0; i < phrases->size(); ++i) (*index)[(*phrases)[i].back()].push_back(i);
  }
  return Status::Ok();
}

PlaceRole RoleOf(const PlaceLexicon& lex, const std::vector<Token>& tokens, const Gazetteer::Match& match) {
  // (Only the phrases that end in tokens[k]'s word, by the list's index of last words.)
  auto ends_at = [&](int k, const std::vector<std::vector<std::string>>& phrases, const PlaceLexicon::ByLastWord& by_last) {
    const auto it = by_last.find(tokens[k].lower);
    if (it == by_last.end()) return false;
    for (const uint32_t i : it->second) {
      const auto& p = phrases[i];
      int start = k + 1 - static_cast<int>(p.size());
      size_t next;
      if (start >= 0 && MatchPhrase(tokens, static_cast<size_t>(start), p, &next)) return true;
    }
    return false;
  };
  // Walk back over gap words ("in the city of", "in eastern") to a preposition.
  for (int k = match.first - 1, skipped = 0; k >= 0 && skipped <= 5; --k, ++skipped) {
    if (lex.last_words.MayContainSlot(tokens[k].filter_slot)) {  // (else no phrase ends at k)
      // ("the shells Russia fires come from North Korea": where goods come from is no place of the act.)
      if (ends_at(k, lex.provenance, lex.provenance_by_last)) return PlaceRole::kNone;
      if (ends_at(k, lex.origin, lex.origin_by_last)) return PlaceRole::kOrigin;  // before "to": "out of"
      if (ends_at(k, lex.destination, lex.destination_by_last)) return PlaceRole::kDestination;
      if (ends_at(k, lex.location, lex.location_by_last)) return PlaceRole::kLocation;
    }
    if (tokens[k].text == "'s") {  // "in Russia's Belgorod Oblast": skip the possessor
      while (k - 1 >= 0 && tokens[k - 1].word && tokens[k - 1].capitalised) --k;
      continue;
    }
    if (!(lex.gap.count(tokens[k].lower) || tokens[k].text == "-" || IsAdjectival(tokens[k]))) break;
  }
  return PlaceRole::kNone;
}

EventPlaces AssignPlaces(const PlaceLexicon& lex, const std::vector<Token>& tokens,
                         const std::vector<Gazetteer::Match>& matches, int verb_first, int verb_last,
                         int exclude_from) {
  EventPlaces out;
  if (verb_first < 0) return out;
  struct Best {
    int distance = 1 << 30;
    const Gazetteer::Match* match = nullptr;
  } best[4];
  for (size_t i = 0; i < matches.size(); ++i) {
    const Gazetteer::Match& m = matches[i];
    // A possessor before another place ("Russia's" in "Russia's Belgorod Oblast") is not the place.
    if (m.last + 1 < static_cast<int>(tokens.size()) && tokens[m.last].text == "'s" && i + 1 < matches.size() &&
        matches[i + 1].first == m.last + 1) {
      continue;
    }
    if (exclude_from >= 0 && m.first >= exclude_from) continue;
    PlaceRole role = RoleOf(lex, tokens, m);
    if (role == PlaceRole::kNone) continue;
    int lo, hi, distance;
    if (m.first >= verb_last) {
      lo = verb_last;
      hi = m.first;
      distance = m.first - verb_last;
    } else if (m.last <= verb_first) {
      lo = m.last;
      hi = verb_first;
      distance = verb_first - m.last + 1;  // ties go to the place after the verb
    } else {
      continue;  // the verb phrase itself
    }
    if (distance > 12) continue;
    bool crossed = false;
    for (int k = lo; k < hi; ++k) crossed = crossed || IsHardBoundary(tokens[k]);
    if (crossed) continue;
    Best& b = best[static_cast<int>(role)];
    if (distance < b.distance) b = Best{distance, &m};
  }
  auto fill = [&](PlaceRole role, Place* place) {
    const Gazetteer::Match* m = best[static_cast<int>(role)].match;
    if (!m) return;
    *place = *m->place;
    place->span.begin = tokens[m->first].begin;
    place->span.end = tokens[m->last - 1].end;
  };
  fill(PlaceRole::kLocation, &out.location);
  fill(PlaceRole::kOrigin, &out.origin);
  fill(PlaceRole::kDestination, &out.destination);
  if (out.location.empty()) out.location = out.origin;
  return out;
}

}  // namespace dyad::enrich
