// ExtractHtml() on any (repaired) bytes: never crashes, output is valid UTF-8.
#include <cstdint>
#include <string>
#include <string_view>

#include "normalize/normalize.h"
#include "read/html_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const dyad::read::HtmlBoilerplate* boilerplate = [] {
    const dyad::read::HtmlBoilerplate* bp = nullptr;
    if (!dyad::read::HtmlBoilerplate::Default(DYAD_DATA_DIR, &bp).ok()) __builtin_trap();
    return bp;
  }();
  std::string html = dyad::normalize::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  dyad::read::HtmlArticle article;
  if (!dyad::read::ExtractHtml(html, *boilerplate, &article).ok()) return 0;
  if (dyad::normalize::FindInvalidUtf8(article.text) != std::string_view::npos) __builtin_trap();
  return 0;
}
