#include "app/session_cache.h"

#include <gtest/gtest.h>

#include <thread>

namespace dvld::app {
namespace {

SessionCache::Entry EntryFor(std::int64_t user_id) {
  SessionCache::Entry e;
  e.session.id = user_id * 10;
  e.session.user_id = user_id;
  e.principal.user_id = user_id;
  e.principal.username = "user" + std::to_string(user_id);
  return e;
}

TEST(SessionCache, AnswersWhatWasPut) {
  SessionCache cache;
  cache.Put("h1", EntryFor(1), cache.Generation());
  auto hit = cache.Get("h1");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->principal.username, "user1");
  EXPECT_FALSE(cache.Get("h2"));
}

TEST(SessionCache, InvalidateDropsEverything) {
  SessionCache cache;
  cache.Put("h1", EntryFor(1), cache.Generation());
  cache.Invalidate();
  EXPECT_FALSE(cache.Get("h1"));
}

TEST(SessionCache, ARecordReadBeforeAnInvalidateIsNotKept) {
  SessionCache cache;
  const auto generation = cache.Generation();  // a request reads the session here ...
  cache.Invalidate();                          // ... an administrator deactivates the account ...
  cache.Put("h1", EntryFor(1), generation);    // ... and the request's stale copy arrives
  EXPECT_FALSE(cache.Get("h1"));
}

TEST(SessionCache, EntriesExpireInRealTime) {
  SessionCache cache(std::chrono::milliseconds(20));
  cache.Put("h1", EntryFor(1), cache.Generation());
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  EXPECT_FALSE(cache.Get("h1"));
}

TEST(SessionCache, ZeroLifetimeCachesNothing) {
  SessionCache cache(std::chrono::milliseconds(0));
  cache.Put("h1", EntryFor(1), cache.Generation());
  EXPECT_FALSE(cache.Get("h1"));
}

TEST(SessionCache, StaysWithinItsCapacity) {
  SessionCache cache(std::chrono::seconds(5), 3);
  for (int i = 0; i < 10; ++i) cache.Put("h" + std::to_string(i), EntryFor(i), cache.Generation());
  EXPECT_LE(cache.Size(), 3u);
  EXPECT_TRUE(cache.Get("h9"));
}

TEST(SessionCache, TouchMovesLastSeen) {
  SessionCache cache;
  cache.Put("h1", EntryFor(1), cache.Generation());
  const auto at = core::SysTime{} + std::chrono::hours(5);
  cache.Touch("h1", at);
  EXPECT_EQ(cache.Get("h1")->session.last_seen_at, at);
}

}  // namespace
}  // namespace dvld::app
