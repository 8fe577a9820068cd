// Gold data for measuring coding quality.
//
// Two formats:
//  * PLOVER gold-standard records (a JSON array; one event per record, with
//    "text", "date", "source"/"target" actor lists and a PLOVER 0.5b1 "event").
//  * dyad's own JSONL: one document per line,
//      {"id": "...", "date": "YYYY-MM-DD", "text": "..." | "path": "relative/or/absolute.txt",
//       "events": [{"source": "BLR", "target": "UKR", "code": "19", "modality": "asserted",
//                   "sentence": "a few words of the sentence", "note": "why"}]}
//    "sentence" anchors the event to the sentence that states it (a verbatim quote, matched
//    with quotes, apostrophes and spaces folded): strict scoring counts an event only
//    against the system events of that sentence.
//    "path" lets a gold file point at a document it may not contain (third-party
//    text read in place); it is resolved against the gold file's folder.
// Loading never throws; errors name file and line (or record id).
#ifndef DYAD_EVAL_GOLD_H_
#define DYAD_EVAL_GOLD_H_

#include <string>
#include <vector>

#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad::eval {

struct GoldEvent {
  std::vector<std::string> sources;  // accepted source codes (any matches)
  std::vector<std::string> targets;  // empty: no constraint
  std::string type;                  // PLOVER type (PLOVER gold) or CAMEO code prefix (JSONL)
  std::string modality;              // "" = any
  std::string note;
  std::string sentence;              // anchor quote (JSONL gold); "" = the whole document
};

struct GoldDocument {
  std::string id;
  Date date;
  std::string text;
  std::vector<GoldEvent> events;
};

enum class GoldFormat { kPlover, kJsonl };

struct GoldSet {
  GoldFormat format = GoldFormat::kJsonl;
  std::vector<GoldDocument> documents;
};

// Recognises the format from the content (a JSON array = PLOVER records).
// Fails on a file with no gold document (empty, or only documentation records).
Status LoadGold(const std::string& path, GoldSet* out);

// The fixed split of PLOVER records into a tuning half and a held-out half, by record id:
// the number after the last '-' modulo 4 is 2 -> tuning, 0 -> held out (the dev records
// are even-numbered, so each event type is split about evenly). Dictionary work looks only
// at the tuning half; docs/quality.md reports both. Ids without a number are held out.
enum class Split { kAll, kTune, kHeldOut };
Split SplitOf(const std::string& record_id);
// Keeps the documents of one half (kAll keeps everything).
void KeepSplit(Split split, GoldSet* gold);

// Renames gold actor codes whose first three letters are a legacy country code ("JAP") to the ISO
// code dyad emits ("JPN"), from a TSV with columns gold, iso (data/cameo/country_aliases.tsv).
// Fails with "path:line: ..." on a malformed row.
Status ApplyCountryAliases(const std::string& path, GoldSet* gold);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_GOLD_H_
