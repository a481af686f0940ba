// Prometheus metrics: requests by route, method and status; latency histogram by route; gauges
// that the server and the store report when /metrics is read.
#pragma once
#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace dvld::http {

class Metrics {
 public:
  void Record(const std::string& route, const std::string& method, int status, double seconds);
  // A gauge read at scrape time: name, help text, and a function giving its value.
  void AddGauge(std::string name, std::string help, std::function<double()> read);
  // A counter (a total that only grows) read at scrape time.
  void AddCounter(std::string name, std::string help, std::function<double()> read);
  std::string Render();

 private:
  static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   5.0};
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
    const char* type = "gauge";
  };
  std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::vector<Gauge> gauges_;
};

}  // namespace dvld::http
