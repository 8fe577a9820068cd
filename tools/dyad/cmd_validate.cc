// dyad validate PROJECT: runs a TABARI validation project (spec §5) and reports each failing
// record, then "N passed, M failed".
#include <cstdio>
#include <fstream>
#include <iostream>

#include "code/validate.h"
#include "command.h"

namespace {

dyad::cli::Registration reg(
    "validate", "Run a TABARI validation project (.project with validation text records)",
    [](CLI::App& app) -> dyad::cli::Runner {
      auto project = std::make_shared<std::string>();
      auto min_rate = std::make_shared<double>(-1);
      auto quiet = std::make_shared<bool>(false);
      app.add_option("project", *project, "TABARI .project file")->required();
      app.add_option("--min-pass-rate", *min_rate, "exit 0 when the pass rate (0..1) is at least this");
      app.add_flag("--quiet", *quiet, "print only the closing line");
      return [project, min_rate, quiet]() -> int {
        dyad::code::ValidationReport report;
        dyad::Status s = dyad::code::RunValidation(*project, &report);
        if (!s.ok()) return dyad::cli::Fail(s.message());
        if (!*quiet)
          for (const auto& f : report.failures) {
            std::printf("FAIL %s (%s:%d): %s\n", f.id.c_str(), f.file.c_str(), f.line, f.reason.c_str());
            std::printf("  sentence: %s\n", f.sentence.c_str());
            std::printf("  expected: %s\n", f.expected.c_str());
            std::printf("  got:      %s\n", f.got.c_str());
          }
        std::printf("%d passed, %d failed\n", report.passed, report.failed);
        int total = report.passed + report.failed;
        if (report.failed == 0) return 0;
        if (*min_rate >= 0 && total > 0 && static_cast<double>(report.passed) / total >= *min_rate) return 0;
        return 1;
      };
    });

}  // namespace
