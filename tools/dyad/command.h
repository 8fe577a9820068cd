// Sub-command registry. Each cmd_<name>.cc defines one sub-command and registers
// it with a static Registration object; main.cc builds the CLI11 app from them.
// The CLI is a thin layer: parse flags, call the engine, print.
#ifndef DYAD_TOOLS_COMMAND_H_
#define DYAD_TOOLS_COMMAND_H_

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dyad/status.h"

namespace dyad::cli {

// Setup adds the sub-command's options to `app` and returns the function that
// runs it (called after parsing). The runner returns the process exit code.
using Runner = std::function<int()>;
using Setup = std::function<Runner(CLI::App& app)>;

struct Command {
  std::string name;
  std::string description;
  Setup setup;
};

std::vector<Command>& Commands();

struct Registration {
  Registration(std::string name, std::string description, Setup setup) {
    Commands().push_back({std::move(name), std::move(description), std::move(setup)});
  }
};

// One-line error to stderr, prefixed "dyad: ". Returns the exit code to use.
int Fail(const std::string& message, int exit_code = 1);

// The one place a failure's code becomes an exit status: 1 for bad input, a request that cannot
// be met or a data file that does not load (the files a user gives are input), 74 an I/O error,
// 75 a busy database (try again), 70 a bug. Bad flags exit 2 (Fail with 2).
int ExitCodeOf(const Status& s);
int Fail(const Status& s, const std::string& prefix = "");

// A CLI11 check for counts (--limit): a whole number >= 0, with a one-line message.
const CLI::Validator& NonNegativeCount();

// Flushes stdout; true (and *why: "cannot write standard output: No space
// left on device") when anything written to it so far was lost. Reports a
// failure once: later calls return false.
bool StdoutFailed(std::string* why);

// The database a sub-command uses without --db: $DYAD_DB when set and not empty, else ./dyad.db.
std::string DefaultDatabase();

// True when stderr is a terminal (progress bars are shown only then).
bool StderrIsTerminal();

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_COMMAND_H_
