// Status carries a code so that callers decide by code, never by reading the message.
#include "dyad/status.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(StatusTest, CodesMessagesAndPrefixes) {
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::Ok().code(), StatusCode::kOk);
  const Status bad = Status::Error("file.toml:3: unknown key 'x'");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);  // a failure on bad input
  EXPECT_EQ(Status::NotFound("no event 7").code(), StatusCode::kNotFound);
  EXPECT_EQ(Status::Corruption("x").code(), StatusCode::kCorruption);
  EXPECT_EQ(Status::Unavailable("busy").code(), StatusCode::kUnavailable);
  EXPECT_EQ(Status::Aborted("deadlock").code(), StatusCode::kAborted);
  EXPECT_STREQ(StatusCodeName(StatusCode::kAborted), "aborted");
  const Status prefixed = Status::NotFound("no event 7").Prefixed("show: ");
  EXPECT_EQ(prefixed.message(), "show: no event 7");
  EXPECT_EQ(prefixed.code(), StatusCode::kNotFound);
  EXPECT_TRUE(Status::Ok().Prefixed("x: ").ok());
  EXPECT_STREQ(StatusCodeName(StatusCode::kResourceExhausted), "resource exhausted");
}

// A located failure keeps its place and its reason apart, so that a caller storing them apart
// (dyad ingest: the failures table's origin and reason, the summary's count by kind) never
// splits the message (issue 11, item 13: cmd_ingest.cc cut "path:line: " off the message, and
// the ingest summary cut the reason at its first ':' or '(' to find its kind).
TEST(StatusTest, LocatedFailuresKeepPlaceReasonAndKindApart) {
  const Status s = Status::ResourceExhausted("document too large (more than 10 bytes)")
                       .WithKind("document too large")
                       .At("feed.jsonl:12");
  EXPECT_EQ(s.message(), "feed.jsonl:12: document too large (more than 10 bytes)");
  EXPECT_EQ(s.where(), "feed.jsonl:12");
  EXPECT_EQ(s.what(), "document too large (more than 10 bytes)");
  EXPECT_EQ(s.kind(), "document too large");
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  // A second place goes in front: "a page of a feed".
  const Status twice = Status::Error("invalid date: 'x'").At("item 3").At("feed.xml");
  EXPECT_EQ(twice.message(), "feed.xml: item 3: invalid date: 'x'");
  EXPECT_EQ(twice.where(), "feed.xml: item 3");
  EXPECT_EQ(twice.what(), "invalid date: 'x'");
  EXPECT_EQ(twice.kind(), "");
  // Without a place the reason is the message.
  const Status plain = Status::Error("no events").WithKind("empty");
  EXPECT_EQ(plain.where(), "");
  EXPECT_EQ(plain.what(), "no events");
  // A prefix is no place: the message changes, the kind stays.
  const Status prefixed = s.Prefixed("ingest: ");
  EXPECT_EQ(prefixed.message(), "ingest: feed.jsonl:12: document too large (more than 10 bytes)");
  EXPECT_EQ(prefixed.where(), "");
  EXPECT_EQ(prefixed.what(), prefixed.message());
  EXPECT_EQ(prefixed.kind(), "document too large");
  EXPECT_TRUE(Status::Ok().At("x").ok());
  EXPECT_EQ(Status::Ok().At("x").message(), "");
}

// StatusOr<T>: a value or the failure that prevented it (as abseil's absl::StatusOr).
TEST(StatusOrTest, HoldsAValueOrAFailure) {
  StatusOr<int> seven = 7;
  ASSERT_TRUE(seven.ok());
  EXPECT_TRUE(seven.status().ok());
  EXPECT_EQ(*seven, 7);
  EXPECT_EQ(seven.value(), 7);
  StatusOr<std::string> text = std::string("abc");
  EXPECT_EQ(text->size(), 3u);
  StatusOr<std::string> missing = Status::NotFound("no event 9");
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "no event 9");
  EXPECT_EQ(missing.value_or("none"), "none");
  // An OK status holds no value: it is a bug of the caller, kept as an internal error.
  StatusOr<int> none = Status::Ok();
  EXPECT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace dyad
