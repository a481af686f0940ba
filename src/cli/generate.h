// `dvld generate`: realistic synthetic data at national scale for benchmarks (issue 6): people
// with Arabic and English names and valid national numbers, drivers and licences in every status,
// vehicles with valid VINs and plates, violations and payments. Deterministic for a seed.
#pragma once
#include <cstdint>
#include <string>

namespace dvld::cli {

struct GenerateOptions {
  std::string db;
  std::int64_t people = 10000;
  std::int64_t licenses = 8000;
  std::int64_t vehicles = 2000;
  std::int64_t violations = -1;  // -1: a quarter of the licences
  std::uint64_t seed = 1;
  std::int64_t batch = 50000;  // rows per transaction
};

// Writes the rows through the bulk path (multi-row INSERTs on SQLite, COPY on PostgreSQL) with ids
// counted from each table's highest, and prints progress with rows per second; returns a process
// exit code. An offline tool: on SQLite stop the server first (the load holds the write lock and
// drops and rebuilds indexes when it at least doubles the people).
int Generate(const GenerateOptions& options);

}  // namespace dvld::cli
