// TABARI .options settings (spec §1.3) and the parser for one options line.
// Plain value type; thread-compatible.
#ifndef DYAD_DICT_OPTIONS_H_
#define DYAD_DICT_OPTIONS_H_

#include <map>
#include <string>
#include <string_view>

#include "dyad/status.h"

namespace dyad::dict {

enum class CodeBy { kClause, kSentence, kAll };

struct TabariOptions {
  CodeBy code_by = CodeBy::kClause;
  bool label = true;
  int minimum_words = 8;
  bool convert_agents = false;
  bool yyyy = false;
  // -1: not set by the options (time shifting is on iff the verbs have a <TIME> section).
  int time_shift = -1;
  bool fbis = false;

  // COMPLEX: limits (0 = off) and flags.
  int complex_verbs = 0, complex_actors = 0, complex_pronouns = 0, complex_conj = 0,
      complex_comma = 0, complex_lateverb = 0;
  bool complex_noactprior = false, complex_noactafter = false, complex_noverb = false,
       complex_nosource = false, complex_notarget = false, complex_noevent = false,
       complex_explain = false;

  // DEFAULT:
  std::string default_source, default_target;  // "" = none
  bool default_prior = false, default_after = false;

  // COMMA:
  bool comma_off = false;
  int comma_min = 2, comma_max = 10, comma_emin = 2, comma_emax = 10, comma_bmin = 128,
      comma_bmax = 0;

  // FORWARD:
  bool forward_set = false;   // a FORWARD command was read (ids are cut from fixed columns)
  bool forward = false;       // pronoun forwarding active
  bool forward_doc = false;
  std::string forward_format; // e.g. "^^*****NNN*SSS"

  // OUTPUT flags (only affect formatting).
  std::string output;         // the last OUTPUT line, upper-cased

  std::map<std::string, std::string> labels;  // LABEL: code=text
  int nonevents = 0;          // 0 FALSE, 1 TRUE, 2 ONLY
};

// Applies one options-file line ("SET: MINIMUM WORDS = 4", "COMPLEX: VERBS[5] ...").
// Empty lines and comment lines (first column '/' or '#') are accepted and ignored.
// Unknown commands return an error Status (the caller reports "file:line: ...").
Status ApplyOptionLine(std::string_view line, TabariOptions* options);

}  // namespace dyad::dict

#endif  // DYAD_DICT_OPTIONS_H_
