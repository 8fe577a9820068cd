// dyad role X --conflict ID: what role state X plays in a conflict, as indicators
// and evidence per involvement category (docs/role-report.md).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analyze/classify.h"
#include "analyze/model.h"
#include "analyze/role_inputs.h"
#include "analyze/role_report.h"
#include "command.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct RoleFlags {
  std::string state;
  std::string conflict;
  std::string db;
  std::string from, to;
  std::string format = "md";
  std::string output;
  std::string data_dir = DYAD_DATA_DIR;
  std::string rules;
  std::string conflicts_dir;
  std::string chart_js;
  int evidence = 3;
  bool reviewed_only = false;
  bool include_rejected = false;
};

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

int Run(const RoleFlags& f) {
  std::optional<Date> from, to;
  if (!f.from.empty()) {
    from = Date::Parse(f.from);
    if (!from || !from->valid()) return Fail("role: --from '" + f.from + "' is not a date YYYY-MM-DD", 2);
  }
  if (!f.to.empty()) {
    to = Date::Parse(f.to);
    if (!to || !to->valid()) return Fail("role: --to '" + f.to + "' is not a date YYYY-MM-DD", 2);
  }
  if (from && to && *to < *from) return Fail("role: --to is before --from", 2);

  analyze::RoleInputPaths paths;
  paths.data_dir = f.data_dir;
  paths.rules = f.rules;
  paths.conflicts_dir = f.conflicts_dir;
  analyze::RoleInputs inputs;
  if (Status s = analyze::LoadRoleInputs(paths, f.state, f.conflict, &inputs); !s.ok())
    return Fail(s, "role: ");

  std::string chart_js;
  if (f.format == "html") {
    std::string path = f.chart_js.empty() ? f.data_dir + "/../web/vendor/chart.umd.min.js" : f.chart_js;
    if (!ReadFile(path, &chart_js) || chart_js.empty())
      return Fail("role: cannot read the Chart.js file " + path +
                  " (needed for --format html; see web/vendor/update-chartjs.sh or pass --chart-js)");
  }

  std::error_code ec;
  const bool file = !store::IsPostgresUrl(f.db);
  if (file && !std::filesystem::is_regular_file(f.db, ec))
    return Fail("role: database " + f.db + " not found (give --db FILE, or set DYAD_DB)");
  if (file && std::filesystem::file_size(f.db, ec) == 0 && !ec)
    return Fail("role: database " + f.db + " is empty: code some documents into it first");
  store::OpenOptions options;
  options.read_only = true;
  options.create = false;
  options.migrate = false;
  std::unique_ptr<store::Store> db;
  if (Status s = store::Store::Open(f.db, options, &db); !s.ok()) return Fail(s, "role: ");

  analyze::RoleOptions ro;
  if (from) ro.from = *from;
  if (to) ro.to = *to;
  ro.evidence_per_category = f.evidence;
  ro.reviewed_only = f.reviewed_only;
  ro.include_rejected = f.include_rejected;
  analyze::RoleReport report;
  if (Status s = analyze::BuildRoleReportFromStore(*db, inputs.rules, inputs.conflict, inputs.subject, ro, &report); !s.ok())
    return Fail(s, "role: ");

  std::string text;
  if (f.format == "json") text = analyze::RenderJson(report);
  else if (f.format == "html") text = analyze::RenderHtml(report, chart_js);
  else text = analyze::RenderMarkdown(report);

  if (f.output.empty() || f.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::string why; StdoutFailed(&why)) return Fail(Status::IOError("role: " + why));
    return 0;
  }
  std::ofstream out(f.output, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Fail(Status::IOError("role: cannot write " + f.output));
  return 0;
}

// The report format an output file's extension asks for ("r.html" -> html), else `otherwise`.
std::string FormatOfOutput(const std::string& output, const std::string& otherwise) {
  std::string extension = std::filesystem::path(output).extension().string();
  for (char& c : extension) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (extension == ".html" || extension == ".htm") return "html";
  if (extension == ".json") return "json";
  if (extension == ".md" || extension == ".markdown") return "md";
  return otherwise;
}

Registration reg(
    "role", "What role a state plays in a conflict: evidence per involvement category",
    [](CLI::App& app) -> Runner {
      auto f = std::make_shared<RoleFlags>();
      f->db = DefaultDatabase();
      app.add_option("state", f->state, "The state under study: a 3-letter code (BLR) or a name (Belarus, DPRK, UAE; data/countries.tsv)")->required();
      app.add_option("--conflict", f->conflict, "Conflict id or alias, any case (data/conflicts/*.toml, or --conflicts DIR)")->required();
      app.add_option("--db", f->db, "Evidence database (default $DYAD_DB or dyad.db)");
      app.add_option("--from", f->from, "First event date YYYY-MM-DD (default: the conflict's start)");
      app.add_option("--to", f->to, "Last event date YYYY-MM-DD (default: the latest event)");
      CLI::Option* format = app.add_option("--format", f->format, "md, html or json (default: from -o's extension, else md)")
          ->check(CLI::IsMember({"md", "html", "json"}));
      app.add_option("-o,--output", f->output, "Write the report to FILE instead of standard output");
      app.add_option("--evidence", f->evidence, "Pieces of evidence shown per category")
          ->check(CLI::Range(1, 100));
      app.add_flag("--reviewed-only", f->reviewed_only,
                   "Only evidence an analyst confirmed or corrected (`dyad review`, or the web page), corrections applied");
      app.add_flag("--include-rejected", f->include_rejected,
                   "Also events an analyst rejected (left out by default), shown with their review")
          ->excludes("--reviewed-only");
      app.add_option("--rules", f->rules, "Involvement rules file (default data/rules/involvement.toml)");
      app.add_option("--conflicts", f->conflicts_dir, "Directory of conflict files (default data/conflicts)");
      app.add_option("--data", f->data_dir, "dyad's data directory");
      app.add_option("--chart-js", f->chart_js, "Chart.js UMD file to inline in HTML reports");
      return [f, format]() {
        // `-o report.html` means HTML unless --format says otherwise.
        if (format->count() == 0) f->format = FormatOfOutput(f->output, f->format);
        return Run(*f);
      };
    });

}  // namespace
}  // namespace dyad::cli
