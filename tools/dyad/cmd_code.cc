// dyad code: a Unix filter from documents to events.
//   dyad code [FILE...|-] [--dict PATH]... [--format jsonl|csv|tsv] [--threads N]
#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

#include "command.h"
#include "engine/coding_pool.h"
#include "progress.h"
#include "dyad/engine.h"
#include "dyad/reader.h"
#include "write/event_writer.h"

namespace dyad::cli {
namespace {

struct CodeFlags {
  std::vector<std::string> inputs;
  std::vector<std::string> dicts;
  std::string format = "jsonl";
  std::string input_format = "auto";
  int threads = 1;
  bool lenient = false;
  bool no_enrich = false;
  bool no_coref = false;
};

int RunCode(const CodeFlags& flags) {
  write::OutputFormat format;
  if (Status s = write::ParseOutputFormat(flags.format, &format); !s.ok()) return Fail("code: " + s.message(), 2);
  InputFormat input_format = InputFormat::kAuto;
  for (InputFormat f : {InputFormat::kText, InputFormat::kTabari, InputFormat::kJsonl, InputFormat::kHtml})
    if (flags.input_format == InputFormatName(f)) input_format = f;

  EngineOptions options;
  options.dictionaries = flags.dicts;
  options.lenient = flags.lenient;
  options.enrich = !flags.no_enrich;
  options.coreference = !flags.no_coref;
  std::unique_ptr<Engine> engine;
  if (Status s = Engine::Create(options, &engine); !s.ok()) return Fail("code: " + s.message(), 2);
  for (const auto& warning : engine->load_report().warnings) std::fprintf(stderr, "dyad: warning: %s\n", warning.c_str());

  std::vector<std::string> inputs = flags.inputs;
  if (inputs.empty()) inputs.push_back("-");
  write::EventWriter writer(std::cout, format);
  CodingPool pool(*engine, std::max(1, flags.threads));
  Progress progress("coding", StderrIsTerminal());
  int failures = 0;
  for (const auto& path : inputs) {
    ReaderOptions reader_options;
    reader_options.lenient = flags.lenient;
    reader_options.hash = false;  // no output shows Document::sha256
    std::unique_ptr<DocumentReader> reader;
    if (Status s = DocumentReader::Open(path, input_format, reader_options, &reader); !s.ok()) {
      return Fail(s.message(), 1);
    }
    Status s = pool.Run(
        *reader,
        [&](const Document&, const std::vector<Event>& events, const std::string& lines) {
          writer.WriteLines(lines);
          progress.Add(1, events.size());
        },
        [&](const std::string& error) {
          ++failures;
          std::fprintf(stderr, "dyad: %s\n", error.c_str());
        },
        // The lines are made on the worker that coded the document.
        [&](const Document&, const std::vector<Event>& events, std::string* lines) {
          for (const auto& event : events) writer.Format(event, lines);
        });
    if (!s.ok()) return Fail(s.message(), 1);
  }
  writer.Flush();
  progress.Finish();
  return failures ? 1 : 0;
}

Registration reg("code", "Code documents (text, HTML, JSONL, TABARI records) into CAMEO events",
                 [](CLI::App& app) -> Runner {
                   auto flags = std::make_shared<CodeFlags>();
                   app.add_option("files", flags->inputs, "Input files; '-' or none reads stdin");
                   app.add_option("--dict", flags->dicts,
                                  "Dictionary file or directory (repeatable); default: bundled dictionaries")
                       ->allow_extra_args(false);
                   app.add_option("--format", flags->format, "Output: jsonl (default), csv or tsv")
                       ->check(CLI::IsMember({"jsonl", "csv", "tsv"}));
                   app.add_option("--input-format", flags->input_format,
                                  "Input: auto (default), text, html, jsonl or tabari")
                       ->check(CLI::IsMember({"auto", "text", "html", "jsonl", "tabari"}));
                   app.add_option("--threads", flags->threads, "Worker threads (default 1)")
                       ->check(CLI::Range(1, 256));
                   app.add_flag("--lenient", flags->lenient, "Replace invalid UTF-8 instead of rejecting the document");
                   app.add_flag("--no-enrich", flags->no_enrich,
                                "Bare TABARI coding: no dates, modality, attribution or places");
                   app.add_flag("--no-coref", flags->no_coref,
                                "Code every sentence alone: no pronoun or 'the country' resolution across "
                                "sentences (docs/coreference.md)");
                   return [flags] { return RunCode(*flags); };
                 });

}  // namespace
}  // namespace dyad::cli
