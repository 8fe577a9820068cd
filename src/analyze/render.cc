// Renderers of the role report: Markdown, JSON, self-contained HTML (Chart.js inlined).
#include <nlohmann/json.hpp>
#include <string>

#include "analyze/role_report.h"
#include "store/format.h"

namespace dyad::analyze {
namespace {

bool Since(const Evidence& e) {
  std::string text = e.date_text;
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text.find("since") != std::string::npos || text.find("from") == 0;
}

// How finely a period's start or end reads: "2014" (whole years), "2022-02" (whole months) or a day.
enum class Grain { kDay, kMonth, kYear };

std::string Format(const Date& d, Grain g) {
  const std::string iso = d.ToIso();
  return g == Grain::kYear ? iso.substr(0, 4) : g == Grain::kMonth ? iso.substr(0, 7) : iso;
}

Grain StartGrain(const Evidence& e) {
  switch (e.precision) {
    case DatePrecision::kMonth: return Grain::kMonth;
    case DatePrecision::kYear: return Grain::kYear;
    case DatePrecision::kSeason:
    case DatePrecision::kRange: {
      if (e.date.day != 1) return Grain::kDay;
      const bool year_end = e.date_end.valid() && e.date_end.month == 12 && e.date_end.day == 31;
      return e.date.month == 1 && (Since(e) || year_end) ? Grain::kYear : Grain::kMonth;
    }
    default: return Grain::kDay;
  }
}

Grain EndGrain(const Evidence& e) {
  switch (e.precision) {
    case DatePrecision::kMonth: return Grain::kMonth;
    case DatePrecision::kYear: return Grain::kYear;
    case DatePrecision::kSeason:
    case DatePrecision::kRange: {
      const Date& b = e.date_end;
      if (Since(e) || !b.valid() || b.day != Date::DaysInMonth(b.year, b.month)) return Grain::kDay;
      const Grain start = StartGrain(e);
      return start == Grain::kDay ? Grain::kDay : b.month == 12 && start == Grain::kYear ? Grain::kYear : Grain::kMonth;
    }
    default: return Grain::kDay;
  }
}

}  // namespace

std::string DateLabel(const Evidence& e) {
  if (!e.date.valid()) return "undated";
  const Date& a = e.date;
  const std::string iso = a.ToIso();
  switch (e.precision) {
    case DatePrecision::kMonth:
      return iso.substr(0, 7);
    case DatePrecision::kYear:
      return iso.substr(0, 4);
    case DatePrecision::kWeek:
      return "week of " + iso;
    case DatePrecision::kSeason:
    case DatePrecision::kRange: {
      if (Since(e)) return "since " + Format(a, StartGrain(e));
      if (!e.date_end.valid()) return iso;
      const std::string start = Format(a, StartGrain(e)), end = Format(e.date_end, EndGrain(e));
      return start == end ? start : start + ".." + end;
    }
    default:
      return iso;
  }
}

std::string PeriodLabel(const Evidence& earliest, const Evidence& latest) {
  if (!earliest.date.valid() || !latest.date.valid()) return "";
  const bool same = earliest.date == latest.date && earliest.date_end == latest.date_end &&
                    earliest.precision == latest.precision && earliest.date_text == latest.date_text;
  if (same) return DateLabel(earliest);
  const Date end = latest.date_end.valid() && latest.date <= latest.date_end ? latest.date_end : latest.date;
  const std::string from = Format(earliest.date, StartGrain(earliest)), to = Format(end, EndGrain(latest));
  return from == to ? from : from + " .. " + to;
}

namespace {

std::string DateOr(const Date& d, const char* fallback) { return d.valid() ? d.ToIso() : fallback; }

// Only http(s) addresses become links: a document header "url: javascript:..." is shown as text.
bool SafeUrl(const std::string& url) {
  std::string head = url.substr(0, 8);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

// The escalation table's heading for the compared month, saying how it was compared.
std::string WatchMonthHeading(const EscalationWatch& w) {
  if (w.basis == "pro-rated")
    return w.month + " (partial: " + std::to_string(w.days_covered) + " of " + std::to_string(w.days_in_month) +
           " days), pro-rated";
  if (w.basis == "previous complete month")
    return w.month + " (complete; " + w.skipped_month + " left out: " + std::to_string(w.skipped_days) +
           (w.skipped_days == 1 ? " day" : " days") + " of evidence)";
  return w.month + (w.basis == "complete" ? " (complete)" : "");
}

const char kNoMonth[] =
    "No month: this category's events are dated only by periods longer than two months (listed with their span).";

std::string Dyad(const Evidence& e) {
  std::string target = !e.target.empty()                 ? e.target
                       : !e.target_from_conflict.empty() ? e.target_from_conflict + " (from the conflict)"
                                                         : "---";
  return (e.source.empty() ? "---" : e.source) + " " + e.event_code + " " + target;
}

// Markdown table cells and inline text: no pipes or line breaks, and no markup from documents:
// '<' (raw HTML: "<script>", "<img onerror=...>"), '[' and ']' (links: "[x](javascript:...)"),
// '`' and '\\' are escaped, so a Markdown renderer shows them as they were written. Line breaks
// and other control characters go as store::ForTerminal does: the report is printed on terminals too.
std::string MdCell(const std::string& s) {
  std::string out;
  for (const char c : store::ForTerminal(s)) {
    if (c == '|' || c == '<' || c == '>' || c == '[' || c == ']' || c == '`' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A document in the Markdown report: a link only to an http(s) address (as in the HTML), its
// spaces, parentheses and angle brackets percent-encoded so they cannot end the link; any other
// address is shown as text after the title.
std::string MdDocument(const std::string& title, const std::string& url) {
  if (url.empty()) return MdCell(title);
  if (!SafeUrl(url)) return MdCell(title) + " (" + MdCell(url) + ")";
  std::string target;
  for (char c : url) {
    if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\n' || c == '\r') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      target += hex;
    } else {
      target += c;
    }
  }
  return "[" + MdCell(title) + "](" + target + ")";
}

std::string Html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Title(const RoleReport& r) {
  std::string x = r.x.name.empty() ? r.x.code : DisplayName(r.x) + " (" + r.x.code + ")";
  return "Role of " + x + " in " + r.conflict_name;
}

// "1 event", "2 events".
std::string Count(int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string CountsLine(const CategoryReport& c) {
  const BucketCounts& n = c.counts;
  return Count(n.total(), "event", "events") + ": " + std::to_string(n.asserted) + " asserted, " +
         std::to_string(n.reported) + " reported, " + std::to_string(n.hypothetical) +
         " hypothetical, " + std::to_string(n.negated) + " negated, " + std::to_string(n.alleged) +
         " alleged by others; " +
         Count(c.sources, "distinct source", "distinct sources") + " (publishers named in the documents), " +
         Count(c.documents, "distinct document", "distinct documents") + " (asserted and reported evidence)" +
         (c.first.valid() ? "; period " + PeriodLabel(c.earliest, c.latest) : "");
}

// The report's count of evidence read from sentences without a coded event, and what it is worth.
std::string SentencesLine(const RoleReport& r) {
  return "Sentences with no coded event, listed on their words alone: " + std::to_string(r.sentences_matched) +
         " (leads to read, weaker than coded events)";
}

// How to see the evidence in its context: the event, or the document of a sentence without one
// (sentences numbered from 0, as `dyad search` and `dyad show` number them).
std::string ShowCommand(const Evidence& e) {
  return e.from_sentence ? "dyad show d" + std::to_string(e.document_id) + " --sentence " +
                               std::to_string(e.sentence_index)
                         : "dyad show " + std::to_string(e.event_id);
}

std::string EvidenceMeta(const Evidence& e) {
  std::string s = e.from_sentence ? std::string("no coded event: the sentence's words") : Dyad(e) + ", " + BucketName(e.bucket);
  if (!e.reported_by.empty()) s += " by " + e.reported_by;
  else if (!e.reported_by_text.empty()) s += " (\"" + e.reported_by_text + "\")";
  s += "; rule " + e.rule_id;
  if (!e.reason.empty()) s += " (" + e.reason + ")";
  if (e.corroboration > 1) s += "; " + std::to_string(e.corroboration) + " documents report this dyad that month";
  if (!e.review_state.empty()) {
    // A mark to spot reviewed evidence in a long list: ✓ confirmed, ✎ corrected, ✗ rejected.
    const char* mark = e.review_state == "confirmed" ? "\u2713 " : e.review_state == "corrected" ? "\u270E " : "\u2717 ";
    s += std::string("; ") + mark + e.review_state + " by " + e.reviewer + " " + e.reviewed_at.substr(0, 10);
    if (!e.machine_coding.empty()) s += " (machine coding " + e.machine_coding + ")";
    if (!e.review_note.empty()) s += ": " + e.review_note;
  }
  return s;
}

// What the evidence is: every coded event, or only what analysts checked.
std::string EvidenceBasis(const RoleReport& r) {
  if (r.reviewed_only) return "only events an analyst confirmed or corrected (corrections applied)";
  return r.include_rejected ? "every coded event, those an analyst rejected too (machine coding; reviews shown where given)"
                            : "every coded event but those an analyst rejected (machine coding; reviews shown where given)";
}

std::string NoEvidence(const RoleReport& r) {
  return "No evidence for this category in the window (" + DateOr(r.from, "start") + " .. " +
         DateOr(r.to, "latest") + "). This means no coded event (nor sentence naming the state) matched its rules, not that it did not happen.";
}

// A category with matched events but no asserted or reported one: what it has instead.
std::string NoSupport(const CategoryReport& c) {
  const bool unasserted = c.counts.hypothetical + c.counts.negated > 0;
  const bool alleged = c.counts.alleged > 0;
  return std::string("No asserted or reported evidence: only ") +
         (unasserted ? "hypothetical or negated statements" : "") + (unasserted && alleged ? " and " : "") +
         (alleged ? "allegations by others" : "") + ".";
}

// The heading of a category's allegations: where the accusation itself is (the response
// category of X's kind of report).
std::string AllegedHeading(const RoleReport& r) {
  std::string response = "the response category";
  for (const CategoryReport& c : r.categories)
    if (c.category.key == "response" || c.category.key == "party-response") response = c.category.name;
  return "Alleged by others (the accusation itself is listed under " + response +
         "; an allegation is not evidence of the conduct)";
}

nlohmann::ordered_json EvidenceJson(const Evidence& e) {
  nlohmann::ordered_json j;
  if (e.from_sentence) j["event_id"] = nullptr;
  else j["event_id"] = e.event_id;
  j["from_sentence"] = e.from_sentence;
  j["document_id"] = e.document_id;
  j["sentence_index"] = e.sentence_index;
  j["date"] = e.date.ToIso();
  j["date_end"] = e.date_end.ToIso();
  j["date_precision"] = DatePrecisionName(e.precision);
  j["date_text"] = e.date_text;
  j["date_label"] = DateLabel(e);
  j["sentence"] = e.sentence;
  j["source"] = e.source;
  j["event_code"] = e.event_code;
  j["target"] = e.target;
  j["reported_by"] = e.reported_by;
  j["reported_by_text"] = e.reported_by_text;
  j["evidence"] = BucketName(e.bucket);
  j["doc_source"] = e.doc_source;
  j["doc_url"] = e.doc_url;
  j["doc_title"] = e.doc_title;
  j["doc_date"] = e.doc_date.ToIso();
  j["rule"] = e.rule_id;
  j["target_from_conflict"] = e.target_from_conflict;
  j["reason"] = e.reason;
  j["weight"] = e.weight;
  j["corroboration"] = e.corroboration;
  j["show"] = ShowCommand(e);
  if (e.review_state.empty()) {
    j["review"] = nullptr;
  } else {
    j["review"] = {{"state", e.review_state}, {"reviewer", e.reviewer}, {"at", e.reviewed_at}, {"note", e.review_note}};
    if (!e.machine_coding.empty()) j["review"]["machine_coding"] = e.machine_coding;
  }
  return j;
}

nlohmann::ordered_json CountsJson(const BucketCounts& n) {
  return {{"total", n.total()},
          {"asserted", n.asserted},
          {"reported", n.reported},
          {"hypothetical", n.hypothetical},
          {"negated", n.negated},
          {"alleged", n.alleged}};
}

nlohmann::ordered_json ReportJson(const RoleReport& r) {
  nlohmann::ordered_json j;
  j["state"] = {{"code", r.x.code}, {"name", r.x.name}, {"standing", StandingName(r.standing)}};
  j["standing_note"] = r.standing_note;
  j["conflict"] = {{"id", r.conflict_id}, {"name", r.conflict_name}, {"file", r.conflict_file}};
  j["rules_file"] = r.rules_file;
  j["disclaimer"] = r.disclaimer;
  j["window"] = {{"from", r.from.ToIso()}, {"to", r.to.ToIso()}};
  j["evidence_span"] = {{"first", r.first_event.ToIso()},
                        {"last", r.last_event.ToIso()},
                        {"label", PeriodLabel(r.earliest, r.latest)}};
  j["reviewed_only"] = r.reviewed_only;
  j["include_rejected"] = r.include_rejected;
  j["events_scanned"] = r.events_scanned;
  j["events_matched"] = r.events_matched;
  j["sentences_matched"] = r.sentences_matched;
  j["events_spanning"] = r.events_spanning;
  const EscalationWatch& w = r.watch;
  nlohmann::ordered_json watch;
  watch["month"] = w.month;
  watch["baseline_months"] = {w.baseline_from, w.baseline_to};
  watch["last"] = w.last;
  watch["last_month_days"] = {{"covered", w.days_covered}, {"in_month", w.days_in_month}};
  watch["last_pro_rated"] = w.last_pro_rated;
  watch["basis"] = w.basis;
  watch["skipped"] = {{"month", w.skipped_month}, {"days_covered", w.skipped_days}};
  watch["baseline_per_month"] = w.baseline;
  watch["trend"] = TrendName(w.trend);
  watch["arrow"] = TrendArrow(w.trend);
  watch["reason"] = w.reason;
  watch["signals"] = nlohmann::ordered_json::array();
  for (const SignalTrend& s : w.signals)
    watch["signals"].push_back({{"name", s.name}, {"last", s.last}, {"baseline_per_month", s.baseline}});
  j["escalation_watch"] = watch;
  j["categories"] = nlohmann::ordered_json::array();
  for (const CategoryReport& c : r.categories) {
    nlohmann::ordered_json cj;
    cj["number"] = c.category.number;
    cj["key"] = c.category.key;
    cj["name"] = c.category.name;
    cj["description"] = c.category.description;
    cj["bears_on"] = c.category.bears_on;
    cj["tests"] = nlohmann::ordered_json::array();
    for (const LegalTest& t : c.category.tests)
      cj["tests"].push_back(
          {{"instrument", t.instrument}, {"paraphrase", t.paraphrase}, {"citation", t.citation}});
    cj["has_evidence"] = c.counts.total() > 0;
    cj["counts"] = CountsJson(c.counts);
    cj["sources"] = c.sources;
    cj["documents"] = c.documents;
    cj["period"] = {{"first", c.first.ToIso()}, {"last", c.last.ToIso()}, {"label", PeriodLabel(c.earliest, c.latest)}};
    cj["strongest"] = nlohmann::ordered_json::array();
    for (const Evidence& e : c.strongest) cj["strongest"].push_back(EvidenceJson(e));
    cj["hypothetical_or_negated"] = nlohmann::ordered_json::array();
    for (const Evidence& e : c.unasserted) cj["hypothetical_or_negated"].push_back(EvidenceJson(e));
    cj["alleged"] = nlohmann::ordered_json::array();
    for (const Evidence& e : c.alleged) cj["alleged"].push_back(EvidenceJson(e));
    cj["contradictions"] = nlohmann::ordered_json::array();
    for (const Contradiction& k : c.contradictions)
      cj["contradictions"].push_back(
          {{"claim", EvidenceJson(k.claim)}, {"denial", EvidenceJson(k.denial)}, {"note", k.note}});
    nlohmann::ordered_json months = nlohmann::ordered_json::object();
    for (const auto& [m, n] : c.by_month) months[m] = CountsJson(n);
    cj["by_month"] = months;
    j["categories"].push_back(cj);
  }
  j["months"] = r.months;
  j["chart"] = {{"from", r.chart_from}, {"note", r.chart_note}};
  nlohmann::ordered_json phases = nlohmann::ordered_json::array();
  for (const auto& [m, name] : r.phases) phases.push_back({{"from_month", m}, {"phase", name}});
  j["phases"] = phases;
  return j;
}

}  // namespace

std::string RenderJson(const RoleReport& r) { return ReportJson(r).dump(2) + "\n"; }

std::string RenderMarkdown(const RoleReport& r) {
  std::string o;
  o += "# " + Title(r) + "\n\n";
  if (!r.disclaimer.empty()) o += "> " + MdCell(r.disclaimer) + "\n\n";
  if (!r.standing_note.empty()) o += r.standing_note + "\n\n";
  o += "- Conflict: " + r.conflict_id + " (" + r.conflict_file + ")\n";
  o += "- Rules: " + r.rules_file + "\n";
  o += "- Window: " + DateOr(r.from, "start") + " .. " + DateOr(r.to, "latest") + "\n";
  o += "- Evidence: " + EvidenceBasis(r) + "\n";
  o += "- Events in the window: " + std::to_string(r.events_scanned) + "; in at least one category: " +
       std::to_string(r.events_matched) + "\n";
  if (r.sentences_matched > 0) o += "- " + SentencesLine(r) + "\n";
  if (r.first_event.valid()) o += "- Evidence spans: " + PeriodLabel(r.earliest, r.latest) + "\n";
  if (r.events_spanning > 0)
    o += "- Dated only by a period longer than two months (listed with their span, not counted by month): " +
         std::to_string(r.events_spanning) + "\n";
  o += "\n## Escalation watch\n\n";
  const EscalationWatch& w = r.watch;
  o += std::string("**") + TrendArrow(w.trend) + " " + TrendName(w.trend) + "**" +
       (w.month.empty() ? "" : " (" + w.month + ")") + ": " + w.reason + "\n\n";
  if (!w.signals.empty()) {
    o += "| signal | " + WatchMonthHeading(w) + " | baseline per month (" + w.baseline_from + ".." + w.baseline_to +
         ") |\n|---|---:|---:|\n";
    for (const SignalTrend& s : w.signals) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", s.baseline);
      o += "| " + s.name + " | " + std::to_string(s.last) + " | " + buf + " |\n";
    }
    o += "\n";
  }
  o += "## Summary\n\n| # | category | events | asserted | reported | hypothetical | negated | alleged | sources | "
       "documents | period |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const CategoryReport& c : r.categories) {
    const BucketCounts& n = c.counts;
    o += "| " + std::to_string(c.category.number) + " | " + MdCell(c.category.name) + " | " +
         std::to_string(n.total()) + " | " + std::to_string(n.asserted) + " | " +
         std::to_string(n.reported) + " | " + std::to_string(n.hypothetical) + " | " +
         std::to_string(n.negated) + " | " + std::to_string(n.alleged) + " | " + std::to_string(c.sources) + " | " +
         std::to_string(c.documents) + " | " + (n.total() ? PeriodLabel(c.earliest, c.latest) : "no evidence") +
         " |\n";
  }
  o += "\n";
  for (const CategoryReport& c : r.categories) {
    o += "## " + std::to_string(c.category.number) + ". " + c.category.name + "\n\n";
    if (!c.category.description.empty()) o += c.category.description + "\n\n";
    if (!c.category.tests.empty()) {
      o += "Tests this bears on:\n\n";
      for (const LegalTest& t : c.category.tests)
        o += "- **" + t.instrument + "**: " + t.paraphrase + " (" + t.citation + ")\n";
      o += "\n";
    }
    if (!c.category.bears_on.empty()) o += "*How:* " + c.category.bears_on + "\n\n";
    if (c.counts.total() == 0) {
      o += NoEvidence(r) + "\n\n";
      continue;
    }
    o += CountsLine(c) + ".\n\n";
    if (c.strongest.empty()) {
      o += NoSupport(c) + "\n\n";
    } else {
      o += "### Strongest evidence\n\n";
      int i = 0;
      for (const Evidence& e : c.strongest) {
        o += std::to_string(++i) + ". " + DateLabel(e) + ": \"" + MdCell(e.sentence) + "\"  \n   " +
             MdCell(EvidenceMeta(e)) + "  \n   " + (e.doc_source.empty() ? "" : MdCell(e.doc_source) + ", ") +
             MdDocument(e.doc_title, e.doc_url) +
             (e.doc_date.valid() ? ", " + e.doc_date.ToIso() : "") + "; `" + ShowCommand(e) + "`\n";
      }
      o += "\n";
    }
    if (!c.unasserted.empty()) {
      o += "### Hypothetical and negated statements (not counted as evidence of conduct)\n\n";
      for (const Evidence& e : c.unasserted) {
        o += "- " + DateLabel(e) + ": \"" + MdCell(e.sentence) + "\"  \n  " + MdCell(EvidenceMeta(e)) +
             "; `" + ShowCommand(e) + "`\n";
      }
      o += "\n";
    }
    if (!c.alleged.empty()) {
      o += "### " + AllegedHeading(r) + "\n\n";
      for (const Evidence& e : c.alleged) {
        o += "- " + DateLabel(e) + ": \"" + MdCell(e.sentence) + "\"  \n  " + MdCell(EvidenceMeta(e)) +
             "; `" + ShowCommand(e) + "`\n";
      }
      o += "\n";
    }
    if (!c.contradictions.empty()) {
      o += "### Contradictions\n\n";
      for (const Contradiction& k : c.contradictions) {
        o += "- Claim (" + DateLabel(k.claim) + ", `" + ShowCommand(k.claim) + "`): \"" + MdCell(k.claim.sentence) +
             "\"  \n  Denial (" + DateLabel(k.denial) + ", `" + ShowCommand(k.denial) + "`, " + BucketName(k.denial.bucket) + "): \"" + MdCell(k.denial.sentence) + "\"  \n  " +
             k.note + "\n";
      }
      o += "\n";
    }
    o += "### By month\n\n";
    if (c.by_month.empty()) {
      o += std::string(kNoMonth) + "\n\n";
      continue;
    }
    o += "| month | asserted | reported | hypothetical | negated | alleged |\n|---|---:|---:|---:|---:|---:|\n";
    for (const auto& [m, n] : c.by_month)
      o += "| " + m + " | " + std::to_string(n.asserted) + " | " + std::to_string(n.reported) + " | " +
           std::to_string(n.hypothetical) + " | " + std::to_string(n.negated) + " | " + std::to_string(n.alleged) +
           " |\n";
    o += "\n";
  }
  o += "## Timeline by month (asserted + reported events per category)\n\n";
  if (r.months.empty()) {
    o += "No dated evidence.\n";
  } else {
    o += "| month |";
    std::string rule = "|---|";
    for (const CategoryReport& c : r.categories) {
      o += " " + std::to_string(c.category.number) + " |";
      rule += "---:|";
    }
    o += " phase |\n" + rule + "---|\n";
    size_t p = 0;
    std::string phase;
    for (const std::string& m : r.months) {
      bool any = false;
      std::string row = "| " + m + " |";
      for (const CategoryReport& c : r.categories) {
        auto it = c.by_month.find(m);
        int n = it == c.by_month.end() ? 0 : it->second.supporting();
        any = any || n > 0;
        row += ' ';
        if (n) row += std::to_string(n);
        row += " |";
      }
      bool phase_starts = p < r.phases.size() && r.phases[p].first == m;
      if (phase_starts) phase = r.phases[p++].second;
      if (!any && !phase_starts) continue;  // keep the table short: months with evidence
      o += row + " " + (phase_starts ? phase : "") + " |\n";
    }
  }
  o += "\nEvery number above counts coded events (and sentences without one, marked \"no coded event\"), which "
       "can be wrong; check each piece of evidence with its `dyad show` command before relying on it.\n";
  return o;
}

std::string RenderHtml(const RoleReport& r, const std::string& chart_js) {
  std::string o;
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html(Title(r)) +
       "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n"
       "body{font-family:system-ui,sans-serif;max-width:70em;margin:1em auto;padding:0 1em;color:#222;line-height:1.4}\n"
       "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}\n"
       "td.n{text-align:right}.note{background:#f5f5f0;border-left:4px solid #999;padding:.5em 1em}\n"
       ".watch{font-size:1.2em;padding:.5em 1em;border:1px solid #ccc}.up{background:#fdecea}.down{background:#e8f5e9}\n"
       ".ev{margin:.4em 0 .8em}.meta{color:#555;font-size:.9em}.none{color:#777;font-style:italic}\n"
       "code{background:#f0f0f0;padding:0 .2em}#chart-wrap{height:360px}\n"
       "</style>\n</head>\n<body>\n";
  o += "<h1>" + Html(Title(r)) + "</h1>\n";
  if (!r.disclaimer.empty()) o += "<p class=\"note\">" + Html(r.disclaimer) + "</p>\n";
  if (!r.standing_note.empty()) o += "<p>" + Html(r.standing_note) + "</p>\n";
  o += "<ul><li>Conflict: " + Html(r.conflict_id) + " (" + Html(r.conflict_file) + ")</li><li>Rules: " +
       Html(r.rules_file) + "</li><li>Window: " + DateOr(r.from, "start") + " .. " + DateOr(r.to, "latest") +
       "</li><li>Evidence: " + Html(EvidenceBasis(r)) + "</li><li>Events in the window: " + std::to_string(r.events_scanned) + "; in at least one category: " +
       std::to_string(r.events_matched) + "</li>" +
       (r.sentences_matched > 0 ? "<li>" + Html(SentencesLine(r)) + "</li>" : "") +
       (r.first_event.valid() ? "<li>Evidence spans: " + Html(PeriodLabel(r.earliest, r.latest)) + "</li>" : "") +
       (r.events_spanning > 0 ? "<li>Dated only by a period longer than two months (listed with their span, not "
                                "counted by month): " + std::to_string(r.events_spanning) + "</li>"
                              : "") +
       "</ul>\n";
  const EscalationWatch& w = r.watch;
  std::string cls = w.trend == Trend::kUp ? "up" : w.trend == Trend::kDown ? "down" : "";
  o += "<h2>Escalation watch</h2>\n<p class=\"watch " + cls + "\"><strong>" + TrendArrow(w.trend) + " " +
       TrendName(w.trend) + "</strong>" + (w.month.empty() ? "" : " (" + w.month + ")") + ": " +
       Html(w.reason) + "</p>\n";
  if (!w.signals.empty()) {
    o += "<table><tr><th>signal</th><th>" + Html(WatchMonthHeading(w)) + "</th><th>baseline per month (" + Html(w.baseline_from) + ".." + Html(w.baseline_to) + ")</th></tr>\n";
    for (const SignalTrend& sig : w.signals) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", sig.baseline);
      o += "<tr><td>" + Html(sig.name) + "</td><td class=\"n\">" + std::to_string(sig.last) +
           "</td><td class=\"n\">" + buf + "</td></tr>\n";
    }
    o += "</table>\n";
  }
  o += "<h2>Timeline</h2>\n<p>Asserted and reported events per month and category.</p>\n"
       "<div id=\"chart-wrap\"><canvas id=\"timeline\"></canvas></div>\n";
  if (!r.chart_note.empty()) o += "<p class=\"meta\" id=\"chart-note\">" + Html(r.chart_note) + "</p>\n";
  o += "<h2>Summary</h2>\n<table><tr><th>#</th><th>category</th><th>events</th><th>asserted</th>"
       "<th>reported</th><th>hypothetical</th><th>negated</th><th>alleged</th><th>sources</th><th>documents</th>"
       "<th>period</th></tr>\n";
  for (const CategoryReport& c : r.categories) {
    const BucketCounts& n = c.counts;
    o += "<tr><td class=\"n\">" + std::to_string(c.category.number) + "</td><td><a href=\"#cat" +
         std::to_string(c.category.number) + "\">" + Html(c.category.name) + "</a></td><td class=\"n\">" +
         std::to_string(n.total()) + "</td><td class=\"n\">" + std::to_string(n.asserted) +
         "</td><td class=\"n\">" + std::to_string(n.reported) + "</td><td class=\"n\">" +
         std::to_string(n.hypothetical) + "</td><td class=\"n\">" + std::to_string(n.negated) +
         "</td><td class=\"n\">" + std::to_string(n.alleged) + "</td><td class=\"n\">" +
         std::to_string(c.sources) + "</td><td class=\"n\">" +
         std::to_string(c.documents) + "</td><td>" + (n.total() ? PeriodLabel(c.earliest, c.latest) : "no evidence") +
         "</td></tr>\n";
  }
  o += "</table>\n";
  for (const CategoryReport& c : r.categories) {
    o += "<h2 id=\"cat" + std::to_string(c.category.number) + "\">" + std::to_string(c.category.number) +
         ". " + Html(c.category.name) + "</h2>\n";
    if (!c.category.description.empty()) o += "<p>" + Html(c.category.description) + "</p>\n";
    if (!c.category.tests.empty()) {
      o += "<p>Tests this bears on:</p><ul>\n";
      for (const LegalTest& t : c.category.tests)
        o += "<li><strong>" + Html(t.instrument) + "</strong>: " + Html(t.paraphrase) + " <span class=\"meta\">(" +
             Html(t.citation) + ")</span></li>\n";
      o += "</ul>\n";
    }
    if (!c.category.bears_on.empty()) o += "<p><em>How:</em> " + Html(c.category.bears_on) + "</p>\n";
    if (c.counts.total() == 0) {
      o += "<p class=\"none\">" + Html(NoEvidence(r)) + "</p>\n";
      continue;
    }
    o += "<p>" + Html(CountsLine(c)) + ".</p>\n";
    if (c.strongest.empty())
      o += "<p class=\"none\">" + Html(NoSupport(c)) + "</p>\n";
    if (!c.strongest.empty()) o += "<h3>Strongest evidence</h3>\n";
    for (const Evidence& e : c.strongest) {
      std::string doc = !SafeUrl(e.doc_url)
                            ? Html(e.doc_title) + (e.doc_url.empty() ? "" : " (" + Html(e.doc_url) + ")")
                            : "<a href=\"" + Html(e.doc_url) + "\" rel=\"noopener noreferrer\">" + Html(e.doc_title) + "</a>";
      o += "<div class=\"ev\">" + DateLabel(e) + ": &ldquo;" + Html(e.sentence) +
           "&rdquo;<br><span class=\"meta\">" + Html(EvidenceMeta(e)) + "; " +
           (e.doc_source.empty() ? "" : Html(e.doc_source) + ", ") + doc +
           (e.doc_date.valid() ? ", " + e.doc_date.ToIso() : "") + "; <code>" + Html(ShowCommand(e)) + "</code></span></div>\n";
    }
    if (!c.unasserted.empty()) {
      o += "<h3>Hypothetical and negated statements (not counted as evidence of conduct)</h3><ul>\n";
      for (const Evidence& e : c.unasserted)
        o += "<li>" + DateLabel(e) + ": &ldquo;" + Html(e.sentence) + "&rdquo;<br><span class=\"meta\">" +
             Html(EvidenceMeta(e)) + " <code>" + Html(ShowCommand(e)) + "</code></span></li>\n";
      o += "</ul>\n";
    }
    if (!c.alleged.empty()) {
      o += "<h3>" + Html(AllegedHeading(r)) + "</h3><ul>\n";
      for (const Evidence& e : c.alleged)
        o += "<li>" + DateLabel(e) + ": &ldquo;" + Html(e.sentence) + "&rdquo;<br><span class=\"meta\">" +
             Html(EvidenceMeta(e)) + " <code>" + Html(ShowCommand(e)) + "</code></span></li>\n";
      o += "</ul>\n";
    }
    if (!c.contradictions.empty()) {
      o += "<h3>Contradictions</h3><ul>\n";
      for (const Contradiction& k : c.contradictions)
        o += "<li>Claim (" + DateLabel(k.claim) + ", <code>" + Html(ShowCommand(k.claim)) + "</code>): &ldquo;" +
             Html(k.claim.sentence) + "&rdquo;<br>Denial (" + DateLabel(k.denial) + ", <code>" +
             Html(ShowCommand(k.denial)) + "</code>, " + BucketName(k.denial.bucket) + "): &ldquo;" + Html(k.denial.sentence) +
             "&rdquo;<br><span class=\"meta\">" + Html(k.note) + "</span></li>\n";
      o += "</ul>\n";
    }
    if (c.by_month.empty()) o += "<h3>By month</h3>\n<p class=\"none\">" + Html(kNoMonth) + "</p>\n";
    if (!c.by_month.empty()) {
      o += "<details><summary>By month</summary><table><tr><th>month</th><th>asserted</th><th>reported</th>"
           "<th>hypothetical</th><th>negated</th><th>alleged</th></tr>\n";
      for (const auto& [m, n] : c.by_month)
        o += "<tr><td>" + Html(m) + "</td><td class=\"n\">" + std::to_string(n.asserted) + "</td><td class=\"n\">" +
             std::to_string(n.reported) + "</td><td class=\"n\">" + std::to_string(n.hypothetical) +
             "</td><td class=\"n\">" + std::to_string(n.negated) + "</td><td class=\"n\">" +
             std::to_string(n.alleged) + "</td></tr>\n";
      o += "</table></details>\n";
    }
  }
  // The timeline as a table too (with the conflict's phases), for reading and printing.
  o += "<h2>Timeline by month (asserted + reported events per category)</h2>\n";
  if (r.months.empty()) o += "<p class=\"none\">No dated evidence.</p>\n";
  if (!r.months.empty()) {
    o += "<details><summary>Asserted and reported events per month and category, "
         "with the conflict's phases</summary><table><tr><th>month</th>";
    for (const CategoryReport& c : r.categories) o += "<th>" + std::to_string(c.category.number) + "</th>";
    o += "<th>phase</th></tr>\n";
    size_t p = 0;
    for (const std::string& m : r.months) {
      bool any = false;
      std::string row = "<tr><td>" + Html(m) + "</td>";
      for (const CategoryReport& c : r.categories) {
        auto it = c.by_month.find(m);
        const int n = it == c.by_month.end() ? 0 : it->second.supporting();
        any = any || n > 0;
        row += "<td class=\"n\">" + (n ? std::to_string(n) : std::string()) + "</td>";
      }
      const bool phase_starts = p < r.phases.size() && r.phases[p].first == m;
      const std::string phase = phase_starts ? r.phases[p++].second : "";
      if (!any && !phase_starts) continue;
      o += row + "<td>" + Html(phase) + "</td></tr>\n";
    }
    o += "</table></details>\n";
  }
  o += "<p class=\"meta\">Every number counts coded events (and sentences without one, marked &ldquo;no coded "
       "event&rdquo;), which can be wrong; check each piece of evidence with its <code>dyad show</code> command "
       "before relying on it.</p>\n";
  // Chart data: one dataset per category with evidence.
  std::vector<std::string> chart_months;
  for (const std::string& m : r.months)
    if (r.chart_from.empty() || m >= r.chart_from) chart_months.push_back(m);
  nlohmann::ordered_json data;
  data["labels"] = chart_months;
  data["datasets"] = nlohmann::ordered_json::array();
  static const char* kColors[] = {"#d62728", "#8c564b", "#ff7f0e", "#bcbd22", "#9467bd",
                                  "#1f77b4", "#2ca02c", "#17becf", "#7f7f7f", "#e377c2"};
  for (size_t i = 0; i < r.categories.size(); ++i) {
    const CategoryReport& c = r.categories[i];
    if (c.counts.total() == 0) continue;
    std::vector<int> values;
    for (const std::string& m : chart_months) {
      auto it = c.by_month.find(m);
      values.push_back(it == c.by_month.end() ? 0 : it->second.supporting());
    }
    data["datasets"].push_back({{"label", std::to_string(c.category.number) + ". " + c.category.name},
                                {"data", values},
                                {"backgroundColor", kColors[i % 10]}});
  }
  std::string json = data.dump();
  // Inside <script>, "</" must not appear.
  std::string safe;
  for (size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') safe += "<\\";
    else safe += json[i];
  }
  std::string js = chart_js;
  for (size_t pos = js.find("</script"); pos != std::string::npos; pos = js.find("</script", pos))
    js.replace(pos, 2, "<\\/");
  o += "<script>\n" + js + "\n</script>\n<script>\nconst data = " + safe +
       ";\nnew Chart(document.getElementById('timeline'), {type: 'bar', data: data, options: {"
       "maintainAspectRatio: false, responsive: true, scales: {x: {stacked: true}, y: {stacked: true, "
       "beginAtZero: true, ticks: {precision: 0}}}, plugins: {legend: {position: 'bottom'}}}});\n</script>\n";
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace dyad::analyze
