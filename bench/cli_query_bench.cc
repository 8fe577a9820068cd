// The query commands users run, end to end, on a large store (docs/PERFORMANCE.md, issue 12):
// `dyad role STATE --conflict C --format json` and `dyad events --actor STATE --from --to` as
// separate processes, each run timed from the outside (wall clock) with the child's CPU time,
// page faults and peak RSS (wait4). Commands alternate, so a change in the machine's load hits
// both alike. Nothing is asserted: the figures are printed beside the bars.
//
//   dyad_cli_query_bench --db STORE [--dyad BIN] [--runs 7] [--state BLR]
//                        [--conflict russia-ukraine] [--from 2022-01-01] [--to 2022-12-31]
//                        [--role-bar 1.0]
//
// STORE may be a PostgreSQL URL (then the child's CPU time leaves out the server's). The bars:
// issue 12's for SQLite at 1M events (role < 1 s); issue 14's at 10M events on PostgreSQL are
// role < 2 s (--role-bar 2) and events < 100 ms.
//
// STORE: e.g. `dyad_make_bench_store --db STORE --events 1000000 --docs 140000` (about a minute).
// The first run of each command is listed apart (the store's pages may not be in the OS cache
// yet); the summary is over the others.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Run {
  double wall = 0, cpu = 0;  // seconds
  long max_rss_kb = 0, minor_faults = 0;
  int status = 0;
};

int Fail(const std::string& m) {
  std::fprintf(stderr, "cli_query_bench: %s\n", m.c_str());
  return 1;
}

// Runs `args` with standard output and error sent to /dev/null.
bool RunOnce(const std::vector<std::string>& args, Run* out) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const auto t0 = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return false;
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) != pid) return false;
  out->wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  out->cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  out->max_rss_kb = usage.ru_maxrss;
  out->minor_faults = usage.ru_minflt;
  out->status = status;
  return true;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Command {
  std::string name;
  std::vector<std::string> args;
  double bar_wall = 0;  // seconds
  long bar_rss_mb = 0;
  std::vector<Run> runs;
};

}  // namespace

int main(int argc, char** argv) {
  std::string dyad = DYAD_CLI_PATH, db, state = "BLR", conflict = "russia-ukraine", from = "2022-01-01",
              to = "2022-12-31";
  int runs = 7;
  double role_bar = 1.0;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return Fail("missing value for " + flag);
    const std::string value = argv[++i];
    if (flag == "--db") db = value;
    else if (flag == "--dyad") dyad = value;
    else if (flag == "--runs") runs = std::atoi(value.c_str());
    else if (flag == "--state") state = value;
    else if (flag == "--conflict") conflict = value;
    else if (flag == "--from") from = value;
    else if (flag == "--to") to = value;
    else if (flag == "--role-bar") role_bar = std::atof(value.c_str());
    else return Fail("unknown flag " + flag + " (--db STORE --dyad BIN --runs N --state S --conflict C --from D --to D --role-bar SECONDS)");
  }
  if (db.empty()) return Fail("--db STORE is required (make one with dyad_make_bench_store --db STORE)");
  if (!std::filesystem::exists(db) && db.rfind("postgres", 0) != 0) return Fail(db + ": no such store");
  if (access(dyad.c_str(), X_OK) != 0) return Fail(dyad + ": not an executable (build dyad_cli, or give --dyad)");
  if (runs < 2) return Fail("--runs must be at least 2");

  std::vector<Command> commands = {
      {"dyad role " + state + " --conflict " + conflict + " --format json",
       {dyad, "role", state, "--conflict", conflict, "--db", db, "--format", "json"}, role_bar, 300, {}},
      {"dyad events --actor " + state + " --from " + from + " --to " + to,
       {dyad, "events", "--actor", state, "--from", from, "--to", to, "--db", db}, 0.1, 50, {}},
  };
  char host[256] = "";
  gethostname(host, sizeof host);
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::printf("store %s, %s, %ld cores, load %.2f %.2f %.2f, %d runs each\n", db.c_str(), dyad.c_str(),
              sysconf(_SC_NPROCESSORS_ONLN), load[0], load[1], load[2], runs);
  for (int r = 0; r < runs; ++r) {
    for (Command& c : commands) {
      Run run;
      if (!RunOnce(c.args, &run)) return Fail("cannot run " + c.args[0]);
      if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0)
        return Fail(c.name + " failed (exit " + std::to_string(WIFEXITED(run.status) ? WEXITSTATUS(run.status) : -1) +
                    "); run it by hand to see why");
      c.runs.push_back(run);
    }
  }
  for (const Command& c : commands) {
    const Run& first = c.runs.front();
    std::vector<double> wall, cpu;
    long rss = 0, faults = 0;
    for (size_t i = 1; i < c.runs.size(); ++i) {
      wall.push_back(c.runs[i].wall);
      cpu.push_back(c.runs[i].cpu);
      rss = std::max(rss, c.runs[i].max_rss_kb);
      faults = std::max(faults, c.runs[i].minor_faults);
    }
    std::printf("\n%s\n", c.name.c_str());
    std::printf("  first run: wall %.3f s, CPU %.3f s, peak RSS %ld MB\n", first.wall, first.cpu, first.max_rss_kb / 1024);
    std::printf("  next %zu:   wall min %.3f / median %.3f / max %.3f s; CPU (user+sys) median %.3f s; peak RSS %ld MB;"
                " page faults %ld\n",
                wall.size(), *std::min_element(wall.begin(), wall.end()), Median(wall),
                *std::max_element(wall.begin(), wall.end()), Median(cpu), rss / 1024, faults);
    std::printf("  bar: wall < %.3f s, RSS < %ld MB: median %s, RSS %s\n", c.bar_wall, c.bar_rss_mb,
                Median(wall) < c.bar_wall ? "met" : "NOT met", rss / 1024 < c.bar_rss_mb ? "met" : "NOT met");
  }
  return 0;
}
