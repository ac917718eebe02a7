// Parallel work whose results are used in input order.
//
// `ingest` and `extract` extract files on several threads, yet their output
// (the store, the JSON lines) must not depend on --jobs. RunOrdered runs
// produce(i) for every i in [0, n) on `jobs` threads and hands each result
// to consume(i, result) on the calling thread, strictly in index order. At
// most 64 results per job wait in memory, so a slow consumer bounds the
// work in flight. With jobs == 1 nothing runs on another thread.
#pragma once

#include <algorithm>
#include <cstdint>
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
  // Wake-ups are futex system calls, dear on a VM (they were a fifth of
  // `extract --jobs 2`). Workers therefore take runs of `chunk` inputs and
  // hand each run over at once; a run wakes the consumer only if it is the
  // run the consumer waits for, and blocked workers are woken once half the
  // window is free again, or at once when the consumer would block.
  const size_t chunk = std::clamp<size_t>(n / (jobs * 16), 1, 16);
  const size_t runs = (n + chunk - 1) / chunk;
  const size_t window = jobs * 4;  // runs in flight
  const size_t half = std::max<size_t>(1, window / 2);
  std::vector<std::optional<std::vector<T>>> slots(runs);
  std::mutex mu;
  std::condition_variable ready, space;
  std::atomic<size_t> next{0};
  size_t consumed = 0;         // runs handed to the consumer; guarded by mu
  size_t wanted = SIZE_MAX;    // the run the consumer sleeps on; guarded by mu
  size_t workers_waiting = 0;  // guarded by mu
  auto worker = [&] {
    for (;;) {
      size_t k = next.fetch_add(1);
      if (k >= runs) return;
      {
        std::unique_lock<std::mutex> lock(mu);
        if (k >= consumed + window) {
          ++workers_waiting;
          space.wait(lock, [&] { return k < consumed + window; });
          --workers_waiting;
        }
      }
      std::vector<T> run;
      const size_t end = std::min(n, (k + 1) * chunk);
      run.reserve(end - k * chunk);
      for (size_t i = k * chunk; i < end; ++i) run.push_back(produce(i));
      bool wake;
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[k] = std::move(run);
        wake = wanted == k;
      }
      if (wake) ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < std::min(jobs, runs); ++t) threads.emplace_back(worker);
  for (size_t k = 0; k < runs; ++k) {
    std::vector<T> run;
    bool wake_workers;
    {
      std::unique_lock<std::mutex> lock(mu);
      if (!slots[k].has_value()) {
        // The worker that holds run k may itself wait for space: free it.
        if (workers_waiting > 0) space.notify_all();
        wanted = k;
        ready.wait(lock, [&] { return slots[k].has_value(); });
        wanted = SIZE_MAX;
      }
      run = std::move(*slots[k]);
      slots[k].reset();
      consumed = k + 1;
      wake_workers = workers_waiting > 0 && (consumed % half == 0 || consumed == runs);
    }
    if (wake_workers) space.notify_all();
    for (size_t j = 0; j < run.size(); ++j) consume(k * chunk + j, std::move(run[j]));
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
