// A small bounded pool of threads for blocking work (argon2id password checks) so that it never
// runs on an I/O thread; when the queue is full new work is refused rather than piled up.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dvld::http {

class WorkerPool {
 public:
  // `name` names its threads (at most 15 characters: what top -H and perf show).
  WorkerPool(std::size_t threads, std::size_t max_queued, std::string name);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full (the caller answers 503).
  bool Submit(std::function<void()> job);

 private:
  void Loop();
  std::string name_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::size_t max_queued_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace dvld::http
