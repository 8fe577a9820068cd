#include "dict/options.h"

#include <cctype>

namespace dyad::dict {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// First integer after position `from` (-1 if none).
int FirstIntAfter(const std::string& s, size_t from) {
  size_t i = from;
  while (i < s.size() && !std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i >= s.size()) return -1;
  int v = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && v < 100000000)
    v = v * 10 + (s[i++] - '0');
  return v;
}

// Boolean: first T or F after '='; no '=' -> true.
bool BoolAfterEquals(const std::string& s) {
  size_t eq = s.find('=');
  if (eq == std::string::npos) return true;
  for (size_t i = eq + 1; i < s.size(); ++i) {
    if (s[i] == 'T') return true;
    if (s[i] == 'F') return false;
  }
  return true;
}

// "[code]" within 15 characters after `from`.
std::string BracketCode(const std::string& s, size_t from) {
  size_t lb = s.find('[', from);
  if (lb == std::string::npos || lb - from > 15) return "";
  size_t rb = s.find(']', lb);
  if (rb == std::string::npos) return "";
  return Trim(std::string_view(s).substr(lb + 1, rb - lb - 1));
}

}  // namespace

Status ApplyOptionLine(std::string_view raw, TabariOptions* o) {
  std::string line = Trim(raw);
  if (line.empty() || raw.front() == '/' || raw.front() == '#') return Status::Ok();
  size_t colon = line.find(':');
  if (colon == std::string::npos) return Status::Error("options line has no ':': '" + line + "'");
  std::string name = Upper(Trim(std::string_view(line).substr(0, colon)));
  std::string args_raw = line.substr(colon + 1);
  std::string args = Upper(args_raw);
  if (name.empty()) return Status::Error("options line has no command: '" + line + "'");
  switch (name[0]) {
    case 'C': {
      if (name.size() >= 4 && name[3] == 'M') {  // COMMA
        if (args.find("OFF") != std::string::npos) {
          o->comma_off = true;
          return Status::Ok();
        }
        o->comma_off = false;
        auto set = [&](const char* key, int* field) {
          size_t p = args.find(key);
          if (p == std::string::npos) return;
          int v = FirstIntAfter(args, p + std::char_traits<char>::length(key));
          if (v >= 0) *field = v;
        };
        set("BMIN", &o->comma_bmin);
        set("BMAX", &o->comma_bmax);
        set("EMIN", &o->comma_emin);
        set("EMAX", &o->comma_emax);
        set(" MIN", &o->comma_min);
        set(" MAX", &o->comma_max);
        return Status::Ok();
      }
      if (name.size() >= 4 && name[3] == 'P') {  // COMPLEX
        auto num = [&](const char* key, bool first_word_rule) {
          size_t p = args.find(key);
          while (p != std::string::npos && first_word_rule && p > 0 && args[p - 1] != ' ')
            p = args.find(key, p + 1);
          if (p == std::string::npos) return 0;
          int v = FirstIntAfter(args, p);
          return v < 0 ? 0 : v;
        };
        o->complex_verbs = num("VERBS", true);
        o->complex_actors = num("ACTORS", false);
        o->complex_pronouns = num("PRONOUNS", false);
        o->complex_conj = num("CONJ", false);
        o->complex_comma = num("COMMA", false);
        o->complex_lateverb = num("LATEVERB", false);
        auto has = [&](const char* key) { return args.find(key) != std::string::npos; };
        o->complex_noactprior = has("ACTPRIOR");
        o->complex_noactafter = has("ACTAFTER");
        o->complex_noverb = has("NOVERB");
        o->complex_nosource = has("NOSOURCE");
        o->complex_notarget = has("NOTARGET");
        o->complex_noevent = has("NOEVENT");
        o->complex_explain = has("EXPLAIN");
        return Status::Ok();
      }
      return Status::Error("unknown options command: '" + line + "'");
    }
    case 'D': {  // DEFAULT
      if (args.find("OFF") != std::string::npos) {
        o->default_source.clear();
        o->default_target.clear();
        o->default_prior = o->default_after = false;
        return Status::Ok();
      }
      size_t p = args.find("SOURCE");
      if (p != std::string::npos) {
        std::string code = BracketCode(args, p + 6);
        if (code.empty()) return Status::Error("DEFAULT SOURCE without a code: '" + line + "'");
        o->default_source = code;
        if (args.find("PRIOR") != std::string::npos) o->default_prior = true;
      }
      p = args.find("TARGET");
      if (p != std::string::npos) {
        std::string code = BracketCode(args, p + 6);
        if (code.empty()) return Status::Error("DEFAULT TARGET without a code: '" + line + "'");
        o->default_target = code;
        if (args.find("AFTER") != std::string::npos) o->default_after = true;
      }
      return Status::Ok();
    }
    case 'F': {  // FORWARD: format [DOC] [OFF]
      std::string a = Trim(args);
      size_t sp = a.find(' ');
      o->forward_format = a.substr(0, sp);
      o->forward_set = true;
      o->forward = o->forward_format.find('S') != std::string::npos &&
                   a.find("OFF") == std::string::npos;
      o->forward_doc = a.find("DOC") != std::string::npos;
      return Status::Ok();
    }
    case 'L': {  // LABEL: code=text
      size_t eq = args_raw.find('=');
      if (eq == std::string::npos) return Status::Error("LABEL without '=': '" + line + "'");
      o->labels[Trim(std::string_view(args_raw).substr(0, eq))] = Trim(std::string_view(args_raw).substr(eq + 1));
      return Status::Ok();
    }
    case 'N': {
      if (args.find("ONLY") != std::string::npos) o->nonevents = 2;
      else if (args.find('T') != std::string::npos) o->nonevents = 1;
      else o->nonevents = 0;
      return Status::Ok();
    }
    case 'O':
      o->output = Trim(args);
      return Status::Ok();
    case 'S': {  // SET:
      if (args.find("CODE") != std::string::npos) {
        if (args.find("SEN") != std::string::npos) o->code_by = CodeBy::kSentence;
        else if (args.find("ALL") != std::string::npos) o->code_by = CodeBy::kAll;
        else o->code_by = CodeBy::kClause;
        return Status::Ok();
      }
      auto has = [&](const char* key) { return args.find(key) != std::string::npos; };
      if (has("HAIKU")) return Status::Ok();
      if (has("YYYY")) { o->yyyy = BoolAfterEquals(args); return Status::Ok(); }
      if (has("TIME")) { o->time_shift = BoolAfterEquals(args) ? 1 : 0; return Status::Ok(); }
      if (has("LABEL")) { o->label = BoolAfterEquals(args); return Status::Ok(); }
      if (has("MATCH")) return Status::Error("SET: MATCH is not supported (use OUTPUT: MATCH): '" + line + "'");
      if (has("FBIS")) { o->fbis = BoolAfterEquals(args); return Status::Ok(); }
      if (has("DUP ") || has("SKIP ")) return Status::Ok();
      if (has("CONV")) { o->convert_agents = BoolAfterEquals(args); return Status::Ok(); }
      if (has("MINIM")) {
        int v = FirstIntAfter(args, args.find("MINIM"));
        if (v < 0) return Status::Error("SET: MINIMUM WORDS without a number: '" + line + "'");
        o->minimum_words = v;
        return Status::Ok();
      }
      if (has("USAGE")) return Status::Ok();
      return Status::Error("unknown SET option: '" + line + "'");
    }
    default:
      return Status::Error("unknown options command: '" + line + "'");
  }
}

}  // namespace dyad::dict
