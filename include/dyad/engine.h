// dyad::Engine: the one facade over the pipeline
//   read -> normalise -> sentences -> tokens -> dictionaries -> events
//   -> dates, attribution, modality, places.
//
// Example:
//   dyad::EngineOptions options;                 // bundled dictionaries
//   std::unique_ptr<dyad::Engine> engine;
//   if (auto s = dyad::Engine::Create(options, &engine); !s.ok()) { ...s.message()... }
//   std::vector<dyad::Event> events;
//   if (auto s = engine->Code(document, &events); !s.ok()) { ... }
//
// Thread safety: an Engine is immutable after Create(); Code() may be called
// from any number of threads at once. Lifetime: events own their strings and
// do not refer back to the engine or the document.
// Errors: Create() fails with "file:line: what: 'entry'" for a bad dictionary
// line (or collects it in load_report() when options.strict is false);
// Code() fails only on input it cannot read (e.g. invalid UTF-8 when not lenient).
#ifndef DYAD_ENGINE_H_
#define DYAD_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad {

struct EngineOptions {
  // Dictionary files or directories (kind recognised from name or content).
  // Empty: the bundled dictionaries in <data_dir>/dict.
  std::vector<std::string> dictionaries;
  // Where the bundled data lives; empty = $DYAD_DATA or the build's data/ folder.
  std::string data_dir;
  // Replace invalid UTF-8 with U+FFFD instead of rejecting the document.
  bool lenient = false;
  // Fail Create() on the first bad dictionary line instead of skipping it.
  bool strict = false;
  // Add dates, modality, attribution and places (off: bare TABARI coding).
  bool enrich = true;
  // Add events from the frames in <data_dir>/frames/frames.tsv (docs/frames.md): nominal
  // and one-actor constructions the TABARI coder does not code (off: coder events only).
  // Only used when `enrich` is on (enrich off means bare TABARI coding).
  bool frames = true;
  // Resolve pronouns and definite noun phrases ("the country", "the two countries") across the
  // sentences of a document with the rules of the dictionaries' `.coref` files (docs/coreference.md;
  // the bundled data/dict/dyad.coref). Dictionaries without a `.coref` file (TABARI projects) have
  // no rules: every sentence is coded alone, as TABARI does. Off: never.
  bool coreference = true;
};

// A sentence as the engine split and coded it: the index, span and text its events carry
// (Event::sentence_index, Event::sentence_span, Event::sentence), whether or not it has events.
struct CodedSentence {
  int index = 0;
  Span span;          // code points of Document::text
  std::string text;   // normalised text
};

// Problems found while loading dictionaries that did not stop the load.
struct LoadReport {
  std::vector<std::string> warnings;  // "file:line: what: 'entry'"
  size_t actors = 0, agents = 0, verbs = 0, patterns = 0;
};

class Engine {
 public:
  static Status Create(const EngineOptions& options, std::unique_ptr<Engine>* out);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Codes every sentence of the document and appends its events. Thread-safe.
  Status Code(const Document& document, std::vector<Event>* events) const;
  // As above, and replaces *sentences (when not null) with every sentence of the document, in
  // order: the one split the events were coded from, so a store keeps the same numbering.
  Status Code(const Document& document, std::vector<Event>* events,
              std::vector<CodedSentence>* sentences) const;

  // Hex SHA-256 over the loaded dictionary files: the version of the coding.
  const std::string& dictionary_hash() const;
  const LoadReport& load_report() const;

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Where bundled data lives: $DYAD_DATA if set, else the source tree's data/.
std::string DefaultDataDir();

}  // namespace dyad

#endif  // DYAD_ENGINE_H_
