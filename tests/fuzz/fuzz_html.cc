// ExtractHtml() on any (repaired) bytes: never crashes, stays within its memory
// budget (ASan/libFuzzer's -rss_limit_mb), output is valid UTF-8, errors are one line.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "normalize/normalize.h"
#include "read/html_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const dyad::read::HtmlBoilerplate* boilerplate = [] {
    const dyad::read::HtmlBoilerplate* bp = nullptr;
    FUZZ_CHECK(dyad::read::HtmlBoilerplate::Default(DYAD_DATA_DIR, &bp).ok());
    return bp;
  }();
  std::string html = dyad::normalize::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  dyad::read::HtmlArticle article;
  dyad::Status s = dyad::read::ExtractHtml(html, *boilerplate, &article);
  if (!s.ok()) {
    FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(s.message()), s.message());
    return 0;
  }
  FUZZ_CHECK(dyad::normalize::FindInvalidUtf8(article.text) == std::string_view::npos);
  FUZZ_CHECK(dyad::normalize::FindInvalidUtf8(article.title) == std::string_view::npos);
  return 0;
}

// Issue 11, items 1-2: deep nesting crashed the recursive walk; nested tables
// made the parser take gigabytes.
std::vector<std::pair<std::string, std::string>> DyadFuzzGeneratedInputs() {
  using dyad::fuzz::Repeat;
  return {
      {"deep_div_40000.html", "<html><body><p>Russia attacked Ukraine." + Repeat("<div>", 40000) + "x</body>"},
      {"deep_div_4000.html", "<html><body><p>Russia attacked Ukraine." + Repeat("<div>", 4000) + "x</body>"},
      {"nested_tables_8000.html", "<table>" + Repeat("<table><tr><td>", 8000)},
      {"nested_tables_50000.html", "<table>" + Repeat("<table><tr><td>", 50000)},
      {"nested_tables_4000.html", "<table>" + Repeat("<table><tr><td>", 4000)},
      {"nested_spans_600.html", "<p>Belarus hosted troops." + Repeat("<span>", 600) + "x"},
  };
}
