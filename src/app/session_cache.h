// Recently checked sessions, kept in memory so that an authenticated request does not pay a
// database read for its session. An entry is trusted for a few seconds of real time at most (other
// server processes on the same PostgreSQL may end a session), and every entry is dropped at once
// when this process changes a staff account or ends sessions (Invalidate), so deactivation,
// role changes, password resets and sign-out take effect on the next request.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/ports/store.h"
#include "app/principal.h"

namespace dvld::app {

class SessionCache {
 public:
  using Steady = std::chrono::steady_clock;
  struct Entry {
    SessionRecord session;
    Principal principal;  // of an active account (inactive ones are never cached)
  };

  explicit SessionCache(std::chrono::milliseconds ttl = std::chrono::seconds(5), std::size_t capacity = 20000)
      : ttl_(ttl), capacity_(capacity) {}

  // The generation to pass to Put: read it before reading the session from the database, so that
  // an Invalidate between that read and Put keeps the stale record out.
  std::uint64_t Generation() const { return generation_.load(std::memory_order_acquire); }

  std::optional<Entry> Get(const std::string& token_hash) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(token_hash);
    if (it == entries_.end()) return std::nullopt;
    if (it->second.generation != Generation() || Steady::now() - it->second.loaded_at >= ttl_) {
      entries_.erase(it);
      return std::nullopt;
    }
    return it->second.entry;
  }

  void Put(const std::string& token_hash, Entry entry, std::uint64_t generation) {
    if (ttl_.count() <= 0) return;
    std::lock_guard lock(mu_);
    if (generation != Generation()) return;
    if (entries_.size() >= capacity_) entries_.clear();  // crude but bounded; refilled on demand
    entries_[token_hash] = Slot{std::move(entry), generation, Steady::now()};
  }

  // A session was seen again: keep the cached copy's last-seen time in step with the database.
  void Touch(const std::string& token_hash, core::SysTime at) {
    std::lock_guard lock(mu_);
    if (auto it = entries_.find(token_hash); it != entries_.end()) it->second.entry.session.last_seen_at = at;
  }

  // Forget every cached session (a staff account or its sessions changed).
  void Invalidate() {
    generation_.fetch_add(1, std::memory_order_acq_rel);
    std::lock_guard lock(mu_);
    entries_.clear();
  }

  std::size_t Size() {
    std::lock_guard lock(mu_);
    return entries_.size();
  }

 private:
  struct Slot {
    Entry entry;
    std::uint64_t generation = 0;
    Steady::time_point loaded_at;
  };
  std::chrono::milliseconds ttl_;
  std::size_t capacity_;
  std::atomic<std::uint64_t> generation_{0};
  std::mutex mu_;
  std::unordered_map<std::string, Slot> entries_;
};

}  // namespace dvld::app
