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
  const Status prefixed = Status::NotFound("no event 7").Prefixed("show: ");
  EXPECT_EQ(prefixed.message(), "show: no event 7");
  EXPECT_EQ(prefixed.code(), StatusCode::kNotFound);
  EXPECT_TRUE(Status::Ok().Prefixed("x: ").ok());
  EXPECT_STREQ(StatusCodeName(StatusCode::kResourceExhausted), "resource exhausted");
}

}  // namespace
}  // namespace dyad
