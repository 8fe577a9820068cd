// dyad ingest PATH... [--db FILE] [--threads N] [--dict PATH]...
// Reads files, directories (recursively) or JSONL on stdin ("-"), codes every
// document and stores documents, sentences and events (docs/store.md).
// Provenance for files without headers: --date/--source/--url/--title, or a
// sources.tsv in the files' folder (read/provenance.h); the flags win.
// Exit status: 0 all stored, 3 some documents failed (recorded with their
// reason), 1 the ingest stopped (store error), 2 bad usage or dictionaries.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "command.h"
#include "dyad/engine.h"
#include "dyad/reader.h"
#include "read/provenance.h"
#include "store/ingest.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> paths;
  std::string db = DefaultDatabase();
  std::vector<std::string> dicts;
  int threads = 0;
  bool lenient = false;
  size_t max_bytes = size_t{8} << 20;
  size_t batch = 1024;
  // Provenance for files without headers (read/provenance.h); overrides what the files say.
  std::string date, source, url, title;
};

// The sources.tsv of each folder holding an input, parsed once: folder -> rows.
class Sidecars {
 public:
  // Parses the sidecar of `file`'s folder if not done yet; a bad one is an error.
  Status Load(const std::string& file) {
    const std::filesystem::path folder = std::filesystem::path(file).parent_path();
    const std::string key = folder.string();
    if (tables_.count(key)) return Status::Ok();
    auto& rows = tables_[key];
    const std::filesystem::path sidecar = folder / read::kSourcesFile;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(sidecar, ec)) return Status::Ok();
    std::FILE* f = std::fopen(sidecar.c_str(), "rb");
    if (!f) return Status::Error(sidecar.string() + ": cannot open");
    std::string content;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) content.append(buffer, n);
    std::fclose(f);
    return read::ParseSourcesTable(content, sidecar.string(), &rows);
  }
  // The folder's "*" row, then the file's own row.
  read::Provenance For(const std::string& file) const {
    read::Provenance p;
    const std::filesystem::path path(file);
    auto it = tables_.find(path.parent_path().string());
    if (it == tables_.end()) return p;
    if (auto all = it->second.find("*"); all != it->second.end()) p.Merge(all->second);
    if (auto own = it->second.find(path.filename().string()); own != it->second.end()) p.Merge(own->second);
    return p;
  }

 private:
  std::map<std::string, std::map<std::string, read::Provenance>> tables_;
};

struct Input {
  std::string path;
  uintmax_t bytes = 0;
};

// Files of `path` (a directory is walked recursively, hidden entries skipped), sorted.
void Expand(const std::string& path, std::vector<Input>* out,
            std::vector<std::pair<std::string, Status>>* errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path == "-") {
    out->push_back({path, 0});
    return;
  }
  if (fs::is_directory(path, ec)) {
    std::vector<Input> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors->push_back({path, Status::IOError("unreadable: " + ec.message()).WithKind("unreadable")});
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        errors->push_back({path, Status::IOError("unreadable: " + ec.message()).WithKind("unreadable")});
        break;
      }
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (name == read::kSourcesFile) continue;  // the folder's provenance, not a document
      if (it->is_regular_file(ec)) found.push_back({it->path().string(), it->file_size(ec)});
    }
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    out->insert(out->end(), found.begin(), found.end());
    return;
  }
  uintmax_t size = fs::file_size(path, ec);
  out->push_back({path, ec ? 0 : size});  // a missing file fails at Open, with the reason
}

// The progress line: documents stored, rate, and an ETA from the bytes read.
class ProgressLine {
 public:
  ProgressLine(bool enabled, uintmax_t total_bytes) : enabled_(enabled), total_bytes_(total_bytes) {}
  void AddBytes(uintmax_t n) { bytes_ += n; }
  void Update(const store::IngestProgress& p) {
    if (!enabled_) return;
    std::lock_guard lock(mu_);
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const uintmax_t read = bytes_.load();
    const double read_fraction =
        total_bytes_ > 0 ? static_cast<double>(read) / static_cast<double>(total_bytes_) : 0;
    std::fprintf(stderr, "\r\033[K%s", store::IngestProgressLine(p, read_fraction).c_str());
    std::fflush(stderr);
    drawn_ = true;
  }
  void Finish() {
    std::lock_guard lock(mu_);
    if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  bool enabled_;
  uintmax_t total_bytes_;
  std::atomic<uintmax_t> bytes_{0};
  std::mutex mu_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

int RunIngest(const IngestFlags& flags) {
  EngineOptions engine_options;
  engine_options.dictionaries = flags.dicts;
  engine_options.lenient = flags.lenient;
  std::unique_ptr<Engine> engine;
  if (Status s = Engine::Create(engine_options, &engine); !s.ok()) return Fail("ingest: " + s.message(), 2);
  for (const auto& warning : engine->load_report().warnings)
    std::fprintf(stderr, "dyad: warning: %s\n", warning.c_str());

  // A mistyped path is a usage error, found before the database is created.
  for (const auto& p : flags.paths) {
    std::error_code ec;
    if (p != "-" && !std::filesystem::exists(p, ec)) return Fail("ingest: " + p + ": no such file", 2);
  }

  read::Provenance given;
  if (!flags.date.empty()) {
    given.date = Date::Parse(flags.date);
    if (!given.date) return Fail("ingest: invalid --date '" + flags.date + "' (expected YYYY-MM-DD)", 2);
  }
  given.source = flags.source;
  given.url = flags.url;
  given.title = flags.title;

  std::vector<Input> inputs;
  std::vector<std::pair<std::string, Status>> expand_errors;
  for (const auto& p : flags.paths) Expand(p, &inputs, &expand_errors);
  // A bad sources.tsv stops the ingest before anything is stored: fix it and run again.
  Sidecars sidecars;
  for (const auto& in : inputs)
    if (in.path != "-")
      if (Status s = sidecars.Load(in.path); !s.ok()) return Fail("ingest: " + s.message(), 2);

  std::unique_ptr<store::Store> db;
  if (Status s = store::Store::Open(flags.db, {}, &db); !s.ok()) return Fail(s);
  int64_t hidden_before = 0;
  std::string previous_hash;
  (void)db->CurrentCoding(&previous_hash);

  const int threads = flags.threads > 0 ? flags.threads
                                        : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  uintmax_t total_bytes = 0;
  for (const auto& in : inputs) total_bytes += in.bytes;
  ProgressLine progress(StderrIsTerminal(), total_bytes);

  store::IngestOptions options;
  options.threads = threads;
  options.batch_size = flags.batch;
  options.max_document_bytes = flags.max_bytes;
  options.progress = [&progress](const store::IngestProgress& p) { progress.Update(p); };
  nlohmann::json params = {{"paths", flags.paths}, {"dictionaries", flags.dicts}, {"db", flags.db}};
  options.audit_parameters = params.dump();

  const Engine* coder = engine.get();
  store::CodeFunction code = [coder](const Document& doc, std::vector<store::Sentence>* sentences,
                                     std::vector<Event>* events) -> Status {
    // Every sentence goes to the full-text index, not only those with events: the sentences the
    // engine coded, so stored sentence N is the sentence of the events numbered N.
    thread_local std::vector<CodedSentence> coded;
    if (Status s = coder->Code(doc, events, &coded); !s.ok()) return s;
    sentences->clear();
    sentences->reserve(coded.size());
    for (auto& c : coded) sentences->push_back({c.index, c.span, std::move(c.text)});
    return Status::Ok();
  };
  store::Ingester ingester(db.get(), code, engine->dictionary_hash(), options);
  if (Status s = ingester.Start(); !s.ok()) return Fail(s);
  for (const auto& [path, reason] : expand_errors) ingester.AddFailure(path, reason);

  ReaderOptions reader_options;
  reader_options.lenient = flags.lenient;
  reader_options.max_document_bytes = flags.max_bytes;
  for (const auto& in : inputs) {
    std::unique_ptr<DocumentReader> reader;
    // stdin too is detected: JSONL, a feed, a PDF, HTML or text separated by "---" lines.
    InputFormat format = InputFormat::kAuto;
    const std::string name = in.path == "-" ? "stdin" : in.path;
    // A reader's failure says where it was found (Status::where: "path" or "path:line") apart
    // from what it was: recorded as they are, never split out of the message.
    auto where = [&name](const Status& s) { return s.where().empty() ? name : s.where(); };
    if (Status s = DocumentReader::Open(in.path, format, reader_options, &reader); !s.ok()) {
      ingester.AddFailure(where(s), s);
      progress.AddBytes(in.bytes);
      continue;
    }
    read::Provenance provenance = in.path == "-" ? read::Provenance() : sidecars.For(in.path);
    provenance.Merge(given);
    uintmax_t seen = 0;
    while (true) {
      Document doc;
      bool done = false;
      Status s = reader->Next(&doc, &done);
      if (!s.ok()) {
        ingester.AddFailure(where(s), s);
        if (done) break;
        continue;
      }
      if (done) break;
      uintmax_t n = std::min<uintmax_t>(doc.text.size(), in.bytes > seen ? in.bytes - seen : 0);
      seen += n;
      progress.AddBytes(n);
      provenance.ApplyTo(&doc);
      ingester.Add(std::move(doc));
    }
    progress.AddBytes(in.bytes > seen ? in.bytes - seen : 0);
  }
  store::IngestSummary summary;
  Status result = ingester.Finish(&summary);
  progress.Finish();

  double rate = summary.seconds > 0 ? summary.done / summary.seconds : 0;
  std::printf("ingest: %lld inputs in %.1f s (%.0f docs/s): %lld new, %lld duplicate, %lld near-duplicate, "
              "%lld failed; %lld events stored in %s\n",
              static_cast<long long>(summary.done), summary.seconds, rate,
              static_cast<long long>(summary.new_documents), static_cast<long long>(summary.duplicates),
              static_cast<long long>(summary.near_duplicates), static_cast<long long>(summary.failed),
              static_cast<long long>(summary.events), flags.db.c_str());
  if (summary.failed > 0) {
    std::printf("  failed:");
    for (const auto& [kind, n] : summary.failure_reasons) std::printf(" %s %lld;", kind.c_str(), static_cast<long long>(n));
    std::printf("\n");
    for (size_t i = 0; i < summary.failure_examples.size() && i < 10; ++i)
      std::printf("    %s\n", summary.failure_examples[i].c_str());
    if (summary.failed > 10) std::printf("    ... (all in the failures table)\n");
  }
  if (summary.retries > 0) {
    std::printf("  %lld transaction%s run again after a conflict with another writer (a deadlock or "
                "serialization failure)\n",
                static_cast<long long>(summary.retries), summary.retries == 1 ? "" : "s");
  }
  if (!previous_hash.empty() && previous_hash != engine->dictionary_hash() &&
      db->CountHiddenEvents(&hidden_before).ok() && hidden_before > 0) {
    std::printf("  note: the dictionaries changed since the last ingest; %lld events from the older version "
                "are hidden from queries until `dyad recode`\n",
                static_cast<long long>(hidden_before));
  }
  std::fflush(stdout);
  if (!result.ok()) return Fail(result);
  return summary.failed > 0 ? 3 : 0;
}

Registration reg(
    "ingest", "Code documents and store them with their sentences and events in a database",
    [](CLI::App& app) -> Runner {
      auto f = std::make_shared<IngestFlags>();
      app.add_option("paths", f->paths, "Files, directories (recursive) or '-' for stdin (JSONL, an RSS/Atom feed, a PDF ...)")->required();
      app.add_option("--db", f->db, "Database file (default $DYAD_DB or ./dyad.db; created when absent)");
      app.add_option("--dict", f->dicts, "Dictionary file or directory (repeatable); default: bundled");
      app.add_option("--threads", f->threads, "Coding threads (default: all cores)");
      app.add_flag("--lenient", f->lenient, "Replace invalid UTF-8 instead of failing the document");
      app.add_option("--max-bytes", f->max_bytes, "Largest document in bytes (default 8 MiB)");
      app.add_option("--date", f->date, "Publication date of the documents read (YYYY-MM-DD), for files without headers");
      app.add_option("--source", f->source, "Publisher of the documents read (e.g. \"Norwegian Helsinki Committee\")");
      app.add_option("--url", f->url, "Where the documents were published");
      app.add_option("--title", f->title, "Title of the documents read");
      app.add_option("--batch", f->batch, "Documents per transaction (default 1024; a batch also commits after 1 s)");
      return [f]() { return RunIngest(*f); };
    });

}  // namespace
}  // namespace dyad::cli
