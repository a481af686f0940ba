#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/ports/store.h"

namespace dvld::app {
namespace {

// A commit whose outcome the test decides.
class FakePending final : public PendingCommit {
 public:
  void WhenDone(std::function<void(const std::string&)> done) override { waiting_.push_back(std::move(done)); }
  void Finish(const std::string& error) {
    for (auto& d : waiting_) d(error);
    waiting_.clear();
  }
  std::size_t waiting() const { return waiting_.size(); }

 private:
  std::vector<std::function<void(const std::string&)>> waiting_;
};

TEST(DeferredCommits, WithNothingPendingAnswersAtOnce) {
  DeferredCommits scope;
  int calls = 0;
  std::string got = "unset";
  scope.WhenDurable([&](const std::string& e) {
    ++calls;
    got = e;
  });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(got, "");
}

TEST(DeferredCommits, WaitsForEveryBatchOnceAndReportsTheFirstError) {
  auto a = std::make_shared<FakePending>();
  auto b = std::make_shared<FakePending>();
  int calls = 0;
  std::string got = "unset";
  {
    DeferredCommits scope;
    EXPECT_EQ(DeferredCommits::Current(), &scope);
    scope.Add(a);
    scope.Add(b);
    scope.Add(a);  // two units in one batch: waited for once
    scope.WhenDurable([&](const std::string& e) {
      ++calls;
      got = e;
    });
  }
  EXPECT_EQ(DeferredCommits::Current(), nullptr);
  EXPECT_EQ(a->waiting(), 1u);
  EXPECT_EQ(b->waiting(), 1u);
  a->Finish("");
  EXPECT_EQ(calls, 0) << "one batch is still not durable";
  b->Finish("disk full");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(got, "disk full");
}

TEST(DeferredCommits, ScopesNestAndRestoreTheOuterOne) {
  DeferredCommits outer;
  {
    DeferredCommits inner;
    EXPECT_EQ(DeferredCommits::Current(), &inner);
  }
  EXPECT_EQ(DeferredCommits::Current(), &outer);
}

}  // namespace
}  // namespace dvld::app
