// dyad review EVENT_ID --state confirmed|rejected|corrected [--source X] [--target Y] [--code Z]
//            [--note TEXT] [--reviewer NAME] [--db FILE]
// An analyst's verdict on one event's machine coding, stored beside it (never over it) and in the
// audit log; `dyad role --reviewed-only` and `dyad export --reviewed-only` then use only confirmed
// and corrected events. Without --state, prints the event's reviews.
#include <cstdio>
#include <cstdlib>

#include "command.h"
#include "store/review.h"
#include "store/store.h"
#include "write/cameo_table.h"

namespace dyad::cli {
namespace {

struct ReviewFlags {
  std::string db = "dyad.db";
  int64_t event = 0;
  std::string state;
  std::string source, target, code;
  std::string note;
  std::string reviewer;
};

void PrintReview(const store::Review& r) {
  std::printf("review %lld  %s  %s by %s", static_cast<long long>(r.id), r.at.c_str(),
              store::ReviewStateName(r.state), r.reviewer.c_str());
  if (r.state == store::ReviewState::kCorrected) {
    auto c = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    std::printf(": %s %s %s (machine: %s %s %s)", c(r.source).c_str(), r.event_code.c_str(), c(r.target).c_str(),
                c(r.machine_source).c_str(), r.machine_code.c_str(), c(r.machine_target).c_str());
  }
  if (!r.note.empty()) std::printf("  \"%s\"", r.note.c_str());
  std::printf("\n");
}

int Run(const ReviewFlags& f) {
  store::OpenOptions options;
  options.create = false;
  std::unique_ptr<store::Store> db;
  if (Status s = store::Store::Open(f.db, options, &db); !s.ok()) return Fail(s, "review: ");
  if (f.state.empty()) {
    std::vector<store::Review> history;
    if (Status s = db->ReviewHistory(f.event, &history); !s.ok()) return Fail(s, "review: ");
    if (history.empty()) std::printf("event %lld: not reviewed\n", static_cast<long long>(f.event));
    for (const auto& r : history) PrintReview(r);
    return 0;
  }
  store::Review review;
  review.state = store::ParseReviewState(f.state);
  review.note = f.note;
  review.reviewer = f.reviewer;
  if (review.reviewer.empty()) {
    const char* user = std::getenv("USER");
    review.reviewer = user != nullptr ? user : "";
  }
  if (review.state != store::ReviewState::kCorrected && !(f.source.empty() && f.target.empty() && f.code.empty()))
    return Fail("review: --source, --target and --code are corrections: give them with --state corrected", 2);
  if (review.state == store::ReviewState::kCorrected) {
    review.source = f.source;
    review.target = f.target;
    review.event_code = f.code;
    write::CameoTable cameo;
    if (Status s = write::CameoTable::Load(write::DefaultCameoTablePath(), &cameo); !s.ok()) return Fail(s, "review: ");
    if (Status s = store::CompleteCorrection(cameo, &review); !s.ok()) return Fail("review: --" + s.message(), 2);
  }
  store::Review stored;
  if (Status s = db->AddReview(f.event, review, &stored); !s.ok()) return Fail(s, "review: ");
  std::printf("event %lld: ", static_cast<long long>(f.event));
  PrintReview(stored);
  return 0;
}

Registration reg(
    "review", "Confirm, reject or correct an event's coding (stored beside it, in the audit log)",
    [](CLI::App& app) -> Runner {
      auto f = std::make_shared<ReviewFlags>();
      if (const char* env = std::getenv("DYAD_DB"); env && *env) f->db = env;
      app.add_option("event", f->event, "Event id (as `dyad events` and `dyad show` give it)")->required();
      app.add_option("--db", f->db, "Evidence database (default $DYAD_DB or dyad.db)");
      app.add_option("--state", f->state, "confirmed, rejected or corrected; none prints the event's reviews")
          ->check(CLI::IsMember({"confirmed", "rejected", "corrected"}));
      app.add_option("--source", f->source, "Corrected source actor code ('-' for none)");
      app.add_option("--target", f->target, "Corrected target actor code ('-' for none)");
      app.add_option("--code", f->code, "Corrected CAMEO event code");
      app.add_option("--note", f->note, "Why (kept with the review)");
      app.add_option("--reviewer", f->reviewer, "Who reviews (default $USER)");
      return [f]() { return Run(*f); };
    });

}  // namespace
}  // namespace dyad::cli
