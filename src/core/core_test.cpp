#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/result.h"

namespace dvld::core {
namespace {

TEST(Date, ParsesOnlyRealIsoDays) {
  EXPECT_TRUE(Date::Parse("2026-11-28"));
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("2025-02-29"));
  EXPECT_FALSE(Date::Parse("2026-13-01"));
  EXPECT_FALSE(Date::Parse("2026-1-01"));
  EXPECT_FALSE(Date::Parse("26-11-28"));
  EXPECT_FALSE(Date::Parse("2026/11/28"));
  EXPECT_FALSE(Date::Parse("abcd-ef-gh"));
  EXPECT_EQ(Date::Parse("2026-11-28")->ToString(), "2026-11-28");
}

TEST(Date, AgeCountsWholeYears) {
  const auto born = *Date::Parse("2008-11-28");
  EXPECT_EQ(born.YearsUntil(*Date::Parse("2026-11-27")), 17);
  EXPECT_EQ(born.YearsUntil(*Date::Parse("2026-11-28")), 18);
}

TEST(Date, AddYearsKeepsTheDayOrFallsBackFromLeapDay) {
  EXPECT_EQ(Date::Parse("2024-02-29")->AddYears(1).ToString(), "2025-02-28");
  EXPECT_EQ(Date::Parse("2026-11-28")->AddYears(10).ToString(), "2036-11-28");
  EXPECT_EQ(Date::Parse("2026-12-31")->AddDays(1).ToString(), "2027-01-01");
}

TEST(Timestamp, RoundTripsRfc3339Utc) {
  SysTime t{};
  ASSERT_TRUE(ParseTimestamp("2026-11-28T09:05:07Z", t));
  EXPECT_EQ(FormatTimestamp(t), "2026-11-28T09:05:07Z");
  EXPECT_FALSE(ParseTimestamp("2026-11-28 09:05:07", t));
  EXPECT_FALSE(ParseTimestamp("2026-11-28T25:05:07Z", t));
  // Exactly the written shape: no signs, spaces or other separators, and a real day.
  EXPECT_FALSE(ParseTimestamp("2026-11-28T09:05:07z", t));
  EXPECT_FALSE(ParseTimestamp("2026-1 -28T09:05:07Z", t));
  EXPECT_FALSE(ParseTimestamp("2026-11-+8T09:05:07Z", t));
  EXPECT_FALSE(ParseTimestamp("2026/11/28T09:05:07Z", t));
  EXPECT_FALSE(ParseTimestamp("2026-02-29T09:05:07Z", t));
  EXPECT_FALSE(ParseTimestamp("2026-11-28T09:60:07Z", t));
  EXPECT_FALSE(ParseTimestamp("2026-11-28T09:05:60Z", t));
  EXPECT_FALSE(ParseTimestamp("2026-11-28T09:05:07Z ", t));
  ASSERT_TRUE(ParseTimestamp("2028-02-29T23:59:59Z", t));
  EXPECT_EQ(FormatTimestamp(t), "2028-02-29T23:59:59Z");
  ASSERT_TRUE(ParseTimestamp("0001-01-01T00:00:00Z", t));
  EXPECT_EQ(FormatTimestamp(t), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatTimestamp(t + std::chrono::seconds(86399)), "0001-01-01T23:59:59Z");
}

TEST(UtcOffset, ParsesAndFormatsIso8601Offsets) {
  std::chrono::minutes m{};
  ASSERT_TRUE(ParseUtcOffset("+03:00", m));
  EXPECT_EQ(m.count(), 180);
  ASSERT_TRUE(ParseUtcOffset("-05:30", m));
  EXPECT_EQ(m.count(), -330);
  ASSERT_TRUE(ParseUtcOffset("Z", m));
  EXPECT_EQ(m.count(), 0);
  ASSERT_TRUE(ParseUtcOffset("+14:00", m));
  for (const char* bad : {"", "3", "+3:00", "03:00", "+03:60", "+15:00", "-12:01", "+03-00", "+0a:00", "+03:00Z"}) {
    EXPECT_FALSE(ParseUtcOffset(bad, m)) << bad;
  }
  EXPECT_EQ(FormatUtcOffset(std::chrono::minutes(180)), "+03:00");
  EXPECT_EQ(FormatUtcOffset(std::chrono::minutes(-330)), "-05:30");
  EXPECT_EQ(FormatUtcOffset(std::chrono::minutes(0)), "+00:00");
}

TEST(Date, TheDepartmentsDayStartsAtItsLocalMidnight) {
  SysTime t{};
  ASSERT_TRUE(ParseTimestamp("2026-11-28T20:59:59Z", t));
  ManualClock clock(t);
  EXPECT_EQ(Date::Today(clock).ToString(), "2026-11-28") << "UTC unless configured";
  clock.SetUtcOffset(std::chrono::hours(3));
  EXPECT_EQ(Date::Today(clock).ToString(), "2026-11-28");
  clock.Advance(std::chrono::seconds(1));
  EXPECT_EQ(Date::Today(clock).ToString(), "2026-11-29") << "21:00 UTC is midnight at +03:00";
  EXPECT_EQ(Date::Of(clock.Now()).ToString(), "2026-11-28") << "Of is the UTC day";
  clock.SetUtcOffset(std::chrono::hours(-5));
  ASSERT_TRUE(ParseTimestamp("2026-11-28T04:59:59Z", t));
  EXPECT_EQ(Date::On(clock, t).ToString(), "2026-11-27");
}

TEST(ManualClock, MovesOnlyWhenTold) {
  SysTime t{};
  ASSERT_TRUE(ParseTimestamp("2026-11-28T00:00:00Z", t));
  ManualClock clock(t);
  EXPECT_EQ(clock.Now(), t);
  clock.Advance(std::chrono::hours(25));
  EXPECT_EQ(FormatTimestamp(clock.Now()), "2026-11-29T01:00:00Z");
}

TEST(Crypto, PasswordHashVerifiesOnlyTheSamePassword) {
  InitCrypto();
  const auto hash = HashPassword("correct horse 42");
  EXPECT_TRUE(hash.rfind("$argon2id$", 0) == 0) << hash;
  EXPECT_TRUE(VerifyPassword("correct horse 42", hash));
  EXPECT_FALSE(VerifyPassword("correct horse 43", hash));
  EXPECT_FALSE(VerifyPassword("correct horse 42", ""));
  EXPECT_FALSE(PasswordNeedsRehash(hash));
}

TEST(Crypto, TokensAreRandomAndUrlSafe) {
  InitCrypto();
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto t = RandomToken(32);
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 200u);
}

// Request ids: 16 hex digits, never the same twice on a thread or across threads (each thread's
// generator has its own seed).
TEST(Crypto, QuickIdsAreHexAndDistinctAcrossThreads) {
  InitCrypto();
  std::vector<std::vector<std::string>> per_thread(4);
  std::vector<std::thread> threads;
  for (auto& ids : per_thread) {
    threads.emplace_back([&ids] {
      for (int i = 0; i < 5000; ++i) ids.push_back(QuickId());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> seen;
  for (const auto& ids : per_thread) {
    for (const auto& id : ids) {
      EXPECT_EQ(id.size(), 16u);
      EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
      seen.insert(id);
    }
  }
  EXPECT_EQ(seen.size(), 20000u);
}

TEST(Crypto, SignaturesVerifyOnlyTheSignedMessageAndKey) {
  const auto key = GenerateSigningKey();
  const auto other = GenerateSigningKey();
  auto sig = Sign("dvld-license-v1|DL-00000001|2026-01-01|2036-01-01|7", key.secret_key);
  ASSERT_TRUE(sig);
  EXPECT_EQ(sig->size(), 86u);  // 64 bytes in base64url without padding
  EXPECT_EQ(sig->find_first_of("+/="), std::string::npos);
  EXPECT_TRUE(VerifySignature("dvld-license-v1|DL-00000001|2026-01-01|2036-01-01|7", *sig, key.public_key));
  EXPECT_FALSE(VerifySignature("dvld-license-v1|DL-00000001|2026-01-01|2036-01-01|8", *sig, key.public_key));
  EXPECT_FALSE(VerifySignature("dvld-license-v1|DL-00000001|2026-01-01|2036-01-01|7", *sig, other.public_key));
  auto tampered = *sig;
  tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(VerifySignature("dvld-license-v1|DL-00000001|2026-01-01|2036-01-01|7", tampered, key.public_key));
  EXPECT_FALSE(VerifySignature("m", "", key.public_key));
  EXPECT_FALSE(VerifySignature("m", "not base64!", key.public_key));
  EXPECT_FALSE(VerifySignature("m", *sig + "AA", key.public_key));
  EXPECT_FALSE(Sign("m", "short"));
}

TEST(Crypto, Sha256MatchesKnownVector) {
  InitCrypto();
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, GeneratedPasswordsHaveLettersDigitsAndASymbol) {
  InitCrypto();
  for (int i = 0; i < 50; ++i) {
    const auto p = GeneratePassword(16);
    EXPECT_EQ(p.size(), 16u);
    EXPECT_NE(p.find_first_of("0123456789"), std::string::npos);
    EXPECT_NE(p.find_first_of("#%+-=@"), std::string::npos);
    EXPECT_NE(p.find_first_of("ABCDEFGHJKLMNPQRSTUVWXYZ"), std::string::npos);
  }
}

TEST(Result, CarriesAValueOrAnError) {
  Result<int> ok = 5;
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 5);
  Result<int> bad = Error::Invalid("nationalNo", "required", "missing");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().fields.at(0).field, "nationalNo");
}

}  // namespace
}  // namespace dvld::core

#include "core/json_writer.h"

namespace dvld::core {
namespace {

TEST(JsonObject, WritesCanonicalEscapedJson) {
  const auto s = JsonObject()
                     .Add("name", "محمد \"Sam\"\n")
                     .Add("n", std::int64_t{-5})
                     .Add("ok", true)
                     .Add("none", std::optional<std::string>{})
                     .Add("ctl", std::string_view("\x01", 1))
                     .AddRaw("raw", "[1,2]")
                     .str();
  EXPECT_EQ(s, R"({"name":"محمد \"Sam\"\n","n":-5,"ok":true,"none":null,"ctl":"\u0001","raw":[1,2]})");
  EXPECT_EQ(JsonObject().str(), "{}");
}

TEST(Base64, RoundTripsBinary) {
  InitCrypto();
  const std::string bytes("\x00\xff\x10 abc", 7);
  EXPECT_EQ(Base64Decode(Base64Encode(bytes)), bytes);
  EXPECT_EQ(Base64Encode("abc"), "YWJj");
  EXPECT_FALSE(Base64Decode("***"));
}

}  // namespace
}  // namespace dvld::core
