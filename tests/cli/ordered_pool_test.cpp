// RunOrdered: every input is produced once and consumed once, in input
// order, whatever the number of jobs, the run length or the consumer speed.
#include "cli/ordered_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace newsgraph::cli {
namespace {

std::vector<size_t> RunAll(size_t n, size_t jobs, bool slow_consumer, bool uneven_work) {
  std::vector<size_t> order;
  std::vector<std::atomic<int>> produced(n);
  RunOrdered<std::string>(
      n, jobs,
      [&](size_t i) {
        produced[i].fetch_add(1);
        if (uneven_work && i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
        return std::to_string(i);
      },
      [&](size_t i, std::string r) {
        EXPECT_EQ(r, std::to_string(i));
        if (slow_consumer && i % 5 == 0) std::this_thread::sleep_for(std::chrono::microseconds(100));
        order.push_back(i);
      });
  for (size_t i = 0; i < n; ++i) EXPECT_EQ(produced[i].load(), 1) << "input " << i;
  return order;
}

std::vector<size_t> Iota(size_t n) {
  std::vector<size_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = i;
  return v;
}

TEST(RunOrderedTest, ConsumesEveryInputOnceInOrder) {
  for (size_t n : {0u, 1u, 2u, 3u, 17u, 64u, 65u, 1000u, 5003u})
    for (size_t jobs : {1u, 2u, 3u, 8u, 64u})
      EXPECT_EQ(RunAll(n, jobs, false, false), Iota(n)) << "n=" << n << " jobs=" << jobs;
}

TEST(RunOrderedTest, SlowConsumerDoesNotDeadlockOrReorder) {
  // Workers fill the window and block; the consumer must free them.
  for (size_t jobs : {2u, 4u}) EXPECT_EQ(RunAll(700, jobs, true, false), Iota(700)) << jobs;
}

TEST(RunOrderedTest, UnevenWorkKeepsOrder) {
  for (size_t jobs : {2u, 5u}) EXPECT_EQ(RunAll(900, jobs, false, true), Iota(900)) << jobs;
}

TEST(RunOrderedTest, MoveOnlyResults) {
  std::vector<int> seen;
  RunOrdered<std::unique_ptr<int>>(
      300, 3, [](size_t i) { return std::make_unique<int>(static_cast<int>(i)); },
      [&](size_t, std::unique_ptr<int> p) { seen.push_back(*p); });
  ASSERT_EQ(seen.size(), 300u);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(seen[i], i);
}

}  // namespace
}  // namespace newsgraph::cli
