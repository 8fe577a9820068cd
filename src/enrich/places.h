// Places: a gazetteer of countries, first-level regions and cities
// (data/gazetteer/*.tsv), matched in sentences, and the event's location,
// origin and destination read from the prepositions before the names
// ("in Belarus", "from Belarus towards Kyiv").
//
// Thread safety: a Gazetteer and a PlaceLexicon are immutable after Load();
// Find() and AssignPlaces() are const / pure.
#ifndef DYAD_ENRICH_PLACES_H_
#define DYAD_ENRICH_PLACES_H_

#include <bitset>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/event.h"
#include "dyad/status.h"
#include "enrich/text.h"

namespace dyad::enrich {

class Gazetteer {
 public:
  // Loads <dir>/countries.tsv, <dir>/regions.tsv and <dir>/cities.tsv (each
  // optional, at least one required). Columns: name, alternate names (|),
  // ISO3, admin1, lat, lon, feature, population. When two rows share a name,
  // countries beat regions, regions beat cities, bigger cities beat smaller.
  // Fails with "path:line: ..." on a malformed row.
  Status Load(const std::string& dir);

  // A gazetteer name in the text: tokens [first, last).
  struct Match {
    int first = 0;
    int last = 0;
    const Place* place = nullptr;  // owned by the Gazetteer
  };
  // Longest, case-sensitive matches on token boundaries, left to right, not overlapping.
  std::vector<Match> Find(const std::vector<Token>& tokens) const;
  // The same into *out (cleared first), reusing its buffer.
  void Find(const std::vector<Token>& tokens, std::vector<Match>* out) const;

  size_t size() const { return places_.size(); }
  // Exact lookup by name or alternate name; nullptr when unknown.
  const Place* Lookup(std::string_view name) const;

 private:
  Status LoadFile(const std::string& path, int rank);
  struct Name {
    std::vector<std::string> words;
    size_t place = 0;
  };
  std::vector<Place> places_;
  std::vector<int> rank_;            // per place: 0 country, 1 region, 2 city
  std::vector<int64_t> population_;  // per place
  // Hashed: Find() looks up every capitalised token (a tree walk compared strings ~17 times).
  // (Found by a token's string_view: the hash and equality take one.)
  std::unordered_map<std::string, std::vector<Name>, ViewHash, std::equal_to<>> by_first_word_;
  // A filter of by_first_word_'s keys on their length and first two and last two bytes: most
  // capitalised words of a sentence start no name, and are turned away before the hash.
  static size_t FirstWordSlot(std::string_view word);
  static constexpr size_t kFirstWordSlots = size_t{1} << 16;
  std::bitset<kFirstWordSlots> first_word_slots_;
  std::map<std::string, size_t, std::less<>> by_name_;
};

// The prepositions of data/enrich/places.tsv.
struct PlaceLexicon {
  std::vector<std::vector<std::string>> location, origin, destination;
  std::vector<std::vector<std::string>> provenance;  // "come from", "imported from": no place of the act
  std::set<std::string, std::less<>> gap;
  // The last words of the four phrase lists above: RoleOf reads the lists only at a word it may hold.
  WordFilter last_words;
  // Each list's phrases by their last word (indices into the list, in its order): RoleOf tries only
  // the phrases that end in the word it is at. Built by Load.
  using ByLastWord = std::unordered_map<std::string, std::vector<uint32_t>, ViewHash, std::equal_to<>>;
  ByLastWord location_by_last, origin_by_last, destination_by_last, provenance_by_last;
  Status Load(const std::string& path);
};

enum class PlaceRole { kNone, kLocation, kOrigin, kDestination };

// The role the words before a match give it ("in" -> location).
PlaceRole RoleOf(const PlaceLexicon& lexicon, const std::vector<Token>& tokens, const Gazetteer::Match& match);

struct EventPlaces {
  Place location, origin, destination;
};

// For the event whose verb is tokens [verb_first, verb_last): the nearest place
// of each role in the same clause (within 12 tokens). Location falls back to
// the origin ("launched from Belarus"). Places from token `exclude_from` on are
// ignored (-1: none), so that a speech act does not take the places of what it
// reports. Place::span holds BYTE offsets into the sentence.
EventPlaces AssignPlaces(const PlaceLexicon& lexicon, const std::vector<Token>& tokens,
                         const std::vector<Gazetteer::Match>& matches, int verb_first, int verb_last,
                         int exclude_from = -1);

}  // namespace dyad::enrich

#endif  // DYAD_ENRICH_PLACES_H_
