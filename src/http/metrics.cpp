#include "http/metrics.h"

#include <sstream>

namespace dvld::http {
namespace {
std::string Escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}
}  // namespace

void Metrics::Record(const std::string& route, const std::string& method, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{route, method, status}];
  auto& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.counts[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

void Metrics::AddCounter(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read), "counter"});
}

std::string Metrics::Render() {
  std::vector<Gauge> gauges;
  std::ostringstream out;
  {
    std::lock_guard lock(mu_);
    gauges = gauges_;
    out << "# HELP dvld_http_requests_total HTTP requests answered, by route, method and status.\n"
           "# TYPE dvld_http_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
      const auto& [route, method, status] = key;
      out << "dvld_http_requests_total{route=\"" << Escape(route) << "\",method=\"" << method << "\",status=\""
          << status << "\"} " << n << "\n";
    }
    out << "# HELP dvld_http_request_duration_seconds Time to answer a request, by route.\n"
           "# TYPE dvld_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
      const auto r = Escape(route);
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        out << "dvld_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"" << kBuckets[i] << "\"} "
            << h.counts[i] << "\n";
      }
      out << "dvld_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"+Inf\"} " << h.count << "\n"
          << "dvld_http_request_duration_seconds_sum{route=\"" << r << "\"} " << h.sum << "\n"
          << "dvld_http_request_duration_seconds_count{route=\"" << r << "\"} " << h.count << "\n";
    }
  }
  for (const auto& g : gauges) {
    out << "# HELP " << g.name << " " << g.help << "\n# TYPE " << g.name << " " << g.type << "\n"
        << g.name << " " << g.read() << "\n";
  }
  return out.str();
}

}  // namespace dvld::http
