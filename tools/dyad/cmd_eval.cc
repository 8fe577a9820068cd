// dyad eval GOLD: code the gold documents and score the events against the gold.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "command.h"
#include "dyad/engine.h"
#include "eval/gold.h"
#include "eval/score.h"

namespace dyad::cli {
namespace {

struct EvalFlags {
  std::string gold;
  std::vector<std::string> dicts;
  std::string crosswalk;
  int show = 20;
  double min_f1 = -1;
  bool no_coref = false;
  std::string split = "all";
};

void PrintScore(const char* label, const eval::Score& s) {
  std::printf("%-14s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)\n", label, s.precision(),
              s.recall(), s.f1(), s.true_positives, s.false_positives, s.false_negatives);
}

// The published crosswalk beside PLOVER gold when present, else dyad's own table.
std::string DefaultCrosswalk(const std::string& gold_path, eval::GoldFormat format) {
  if (format == eval::GoldFormat::kPlover) {
    auto beside = std::filesystem::path(gold_path).parent_path() / "cameo_to_plover05b1.tsv";
    if (std::filesystem::exists(beside)) return beside.string();
  }
  return DefaultDataDir() + "/cameo/cameo.tsv";
}

int RunEval(const EvalFlags& flags) {
  eval::GoldSet gold;
  if (Status s = eval::LoadGold(flags.gold, &gold); !s.ok()) return Fail("eval: " + s.message(), 2);
  if (Status s = eval::ApplyCountryAliases(DefaultDataDir() + "/cameo/country_aliases.tsv", &gold); !s.ok())
    return Fail("eval: " + s.message(), 2);
  if (flags.split != "all" && gold.format != eval::GoldFormat::kPlover)
    return Fail("eval: --split applies to PLOVER records only", 2);
  eval::KeepSplit(flags.split == "tune"      ? eval::Split::kTune
                  : flags.split == "heldout" ? eval::Split::kHeldOut
                                             : eval::Split::kAll,
                  &gold);
  if (gold.documents.empty()) return Fail("eval: " + flags.gold + ": no gold documents in the " + flags.split + " split", 2);
  const std::string crosswalk_path =
      flags.crosswalk.empty() ? DefaultCrosswalk(flags.gold, gold.format) : flags.crosswalk;
  eval::Crosswalk crosswalk;
  if (Status s = eval::Crosswalk::Load(crosswalk_path, &crosswalk); !s.ok())
    return Fail("eval: " + s.message(), 2);

  EngineOptions options;
  options.dictionaries = flags.dicts;
  options.coreference = !flags.no_coref;
  std::unique_ptr<Engine> engine;
  if (Status s = Engine::Create(options, &engine); !s.ok()) return Fail("eval: " + s.message(), 2);

  std::vector<std::vector<Event>> events(gold.documents.size());
  for (size_t i = 0; i < gold.documents.size(); ++i) {
    const auto& g = gold.documents[i];
    Document doc;
    doc.id = g.id;
    doc.date = g.date;
    doc.text = g.text;
    doc.origin = flags.gold + ":" + g.id;
    if (Status s = engine->Code(doc, &events[i]); !s.ok())
      std::fprintf(stderr, "dyad: eval: %s\n", s.message().c_str());
  }
  const eval::EvalReport report = eval::ScoreEvents(gold, events, crosswalk, {.strict = true});
  const eval::EvalReport exact =
      eval::ScoreEvents(gold, events, crosswalk, {.strict = true, .exact_actors = true});
  const eval::EvalReport loose = eval::ScoreEvents(gold, events, crosswalk, {.strict = false});

  std::printf("gold: %s (%s, %d documents%s)\ncrosswalk: %s\n\n", flags.gold.c_str(),
              gold.format == eval::GoldFormat::kPlover ? "PLOVER records" : "dyad JSONL",
              report.documents,
              flags.split == "tune" ? ", tuning half" : flags.split == "heldout" ? ", held-out half" : "",
              crosswalk_path.c_str());
  PrintScore("overall", report.overall);
  if (gold.format == eval::GoldFormat::kJsonl) PrintScore("exact actors", exact.overall);
  PrintScore("loose", loose.overall);
  std::printf("(overall: sentence by sentence, one to one; exact actors: the same with whole actor codes;\n"
              " loose: per document, first match, an empty gold target matches anything; for comparison only)\n");
  if (report.unanchored > 0)
    std::printf("warning: %d gold events have no \"sentence\" anchor and are matched per document\n",
                report.unanchored);
  if (report.anchors_not_found > 0)
    std::printf("warning: %d gold \"sentence\" anchors are not in their document's text\n",
                report.anchors_not_found);
  std::printf("documents with no scorable event: %d of %d (%.0f%%)\n\n", report.documents_with_no_event,
              report.documents, report.documents ? 100.0 * report.documents_with_no_event / report.documents : 0.0);
  std::printf("per %s:\n", gold.format == eval::GoldFormat::kPlover ? "PLOVER type" : "CAMEO root");
  for (const auto& [type, score] : report.per_type) PrintScore(type.c_str(), score);
  if (flags.show != 0 && !report.disagreements.empty()) {
    std::printf("\ndisagreements (%zu%s):\n", report.disagreements.size(),
                flags.show > 0 && static_cast<size_t>(flags.show) < report.disagreements.size()
                    ? (", first " + std::to_string(flags.show)).c_str()
                    : "");
    int shown = 0;
    for (const auto& d : report.disagreements) {
      if (flags.show > 0 && shown++ >= flags.show) break;
      if (d.kind == "missed") {
        std::printf("- %s missed   expected %s; coded %s\n    %s\n", d.doc_id.c_str(), d.expected.c_str(),
                    d.got.c_str(), d.text.c_str());
      } else {
        std::printf("- %s spurious %s\n    %s\n", d.doc_id.c_str(), d.got.c_str(), d.text.c_str());
      }
    }
  }
  if (flags.min_f1 >= 0 && report.overall.f1() < flags.min_f1) {
    return Fail("eval: F1 " + std::to_string(report.overall.f1()) + " is below --min-f1 " +
                std::to_string(flags.min_f1));
  }
  return 0;
}

Registration reg("eval", "Score coded events against a gold file (PLOVER records or dyad JSONL)",
                 [](CLI::App& app) -> Runner {
                   auto flags = std::make_shared<EvalFlags>();
                   app.add_option("gold", flags->gold, "Gold file: PLOVER JSON records or dyad JSONL")
                       ->required()
                       ->check(CLI::ExistingFile);
                   app.add_option("--dict", flags->dicts, "Dictionary file or directory (repeatable)")
                       ->allow_extra_args(false);
                   app.add_option("--crosswalk", flags->crosswalk,
                                  "CAMEO->PLOVER table (default: cameo_to_plover05b1.tsv beside PLOVER gold, "
                                  "else data/cameo/cameo.tsv)");
                   app.add_option("--show", flags->show, "Disagreements to list (-1 all, 0 none; default 20)");
                   app.add_option("--min-f1", flags->min_f1, "Exit 1 when overall F1 is below this");
                   app.add_option("--split", flags->split,
                                  "PLOVER records only: 'tune' (id number mod 4 = 2), 'heldout' (mod 4 = 0) "
                                  "or 'all' (default); docs/quality.md")
                       ->check(CLI::IsMember({"all", "tune", "heldout"}));
                   app.add_flag("--no-coref", flags->no_coref,
                                "Code every sentence alone (no coreference across sentences; docs/coreference.md)");
                   return [flags] { return RunEval(*flags); };
                 });

}  // namespace
}  // namespace dyad::cli
