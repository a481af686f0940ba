#include <algorithm>
#include <atomic>
#include <mutex>

#include "app/ports/store.h"

namespace dvld::app {

thread_local DeferredCommits* DeferredCommits::current_ = nullptr;

void DeferredCommits::Add(std::shared_ptr<PendingCommit> pending) {
  // Several units of one request are usually in the same batch: wait for it once.
  if (std::find(pending_.begin(), pending_.end(), pending) == pending_.end()) pending_.push_back(std::move(pending));
}

void DeferredCommits::WhenDurable(std::function<void(const std::string& error)> done) {
  if (pending_.empty()) {
    done({});
    return;
  }
  struct Join {
    std::atomic<std::size_t> left;
    std::mutex mu;
    std::string error;  // the first one (under mu)
    std::function<void(const std::string&)> done;
  };
  auto join = std::make_shared<Join>();
  join->left = pending_.size();
  join->done = std::move(done);
  auto pending = std::move(pending_);
  pending_.clear();
  for (const auto& p : pending) {
    p->WhenDone([join](const std::string& error) {
      if (!error.empty()) {
        std::lock_guard lock(join->mu);
        if (join->error.empty()) join->error = error;
      }
      if (join->left.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
      std::string first;
      {
        std::lock_guard lock(join->mu);
        first = join->error;
      }
      join->done(first);
    });
  }
}

}  // namespace dvld::app
