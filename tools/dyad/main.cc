// dyad: event coding of news about armed conflicts. See `dyad --help`.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>

#include "command.h"

namespace dyad::cli {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

const CLI::Validator& NonNegativeCount() {
  static const CLI::Validator kCheck(
      [](std::string& value) -> std::string {
        if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
          return "not a whole number >= 0: '" + value + "'";
        return "";
      },
      "COUNT");
  return kCheck;
}

int Fail(const std::string& message, int exit_code) {
  std::fprintf(stderr, "dyad: %s\n", message.c_str());
  return exit_code;
}

int ExitCodeOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return 0;
    case StatusCode::kUnavailable:             // EX_TEMPFAIL: busy; running it again may work
    case StatusCode::kAborted: return 75;      // a conflict with another writer, the same
    case StatusCode::kIOError: return 74;      // EX_IOERR
    case StatusCode::kInternal: return 70;     // EX_SOFTWARE: a bug
    default: return 1;                         // the input or the request
  }
}

int Fail(const Status& s, const std::string& prefix) { return Fail(prefix + s.message(), ExitCodeOf(s)); }

std::string DefaultDatabase() {
  const char* env = std::getenv("DYAD_DB");
  return env && *env ? env : "dyad.db";
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

bool StdoutFailed(std::string* why) {
  static bool reported = false;
  if (reported) return false;
  errno = 0;
  std::cout.flush();
  bool failed = !std::cout;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) failed = true;
  if (failed) {
    reported = true;
    *why = "cannot write standard output";
    if (errno != 0) *why += std::string(": ") + std::strerror(errno);
  }
  return failed;
}

}  // namespace dyad::cli

int main(int argc, char** argv) {
  using namespace dyad::cli;
  CLI::App app{"dyad: who did what to whom, when and where, according to whom.\n"
               "Codes news text into CAMEO events with the evidence that supports them."};
  app.set_version_flag("--version", std::string("dyad ") + DYAD_VERSION);
  app.require_subcommand(1);
  auto& commands = Commands();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  std::map<CLI::App*, Runner> runners;
  for (auto& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    runners[sub] = command.setup(*sub);
  }
  // An unknown sub-command gets its own clear message (CLI11 would only say one is required).
  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    for (const auto& command : commands) known = known || command.name == argv[1];
    if (!known) return Fail(std::string("unknown command '") + argv[1] + "' (see dyad --help)", 2);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // One line, no usage dump: "dyad: code: The following argument was not expected: --x"
    std::string where;
    for (auto* sub : app.get_subcommands()) where = sub->get_name() + ": ";
    return Fail(where + e.what() + " (see --help)", 2);
  }
  for (auto* sub : app.get_subcommands()) {
    try {
      int code = runners[sub]();
      // A full disk or a closed pipe must not pass for success: an I/O error (74), said once
      // (a command that reported it itself called StdoutFailed already).
      if (std::string why; StdoutFailed(&why)) return Fail(dyad::Status::IOError(sub->get_name() + ": " + why));
      return code;
    } catch (const std::exception& e) {
      return Fail(sub->get_name() + ": " + e.what());
    }
  }
  return 0;
}
