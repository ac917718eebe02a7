// Parallel work whose results are used in input order.
//
// `ingest` and `extract` extract files on several threads, yet their output
// (the store, the JSON lines) must not depend on --jobs. RunOrdered runs
// produce(i) for every i in [0, n) on `jobs` threads and hands each result
// to consume(i, result) on the calling thread, strictly in index order. At
// most `window` results wait in memory, so a slow consumer bounds the work
// in flight. With jobs == 1 nothing runs on another thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace newsgraph::cli {

template <typename T, typename Produce, typename Consume>
void RunOrdered(size_t n, size_t jobs, Produce produce, Consume consume) {
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) consume(i, produce(i));
    return;
  }
  const size_t window = jobs * 8;
  std::vector<std::optional<T>> slots(n);
  std::mutex mu;
  std::condition_variable ready, space;
  std::atomic<size_t> next{0};
  size_t consumed = 0;  // guarded by mu
  auto worker = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= n) return;
      {
        std::unique_lock<std::mutex> lock(mu);
        space.wait(lock, [&] { return i < consumed + window; });
      }
      T r = produce(i);
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i] = std::move(r);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < std::min(jobs, n); ++t) threads.emplace_back(worker);
  for (size_t i = 0; i < n; ++i) {
    T r;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return slots[i].has_value(); });
      r = std::move(*slots[i]);
      slots[i].reset();
      consumed = i + 1;
    }
    space.notify_all();
    consume(i, std::move(r));
  }
  for (std::thread& t : threads) t.join();
}

// Parses a --jobs value: 1..256, or 0 when it is not such a number.
size_t ParseJobs(const std::string& v);
// The default for --jobs: the number of cores.
size_t DefaultJobs();
// Reads "--jobs N", "-j N" or "--jobs=N" at args[*i], moving *i past a
// separate value. False when args[*i] is another argument. A bad value is
// reported on stderr ("newsgraph COMMAND: --jobs takes ...") and leaves
// *jobs at 0, which the caller turns into a usage error.
bool TakeJobsOption(const std::vector<std::string>& args, size_t* i, const char* command,
                    size_t* jobs);

}  // namespace newsgraph::cli
