import Foundation

/// Timings of searches, for the benchmark: each query run several times, latencies in
/// milliseconds, summarized by percentile.
public enum SearchBenchmark {
  /// One query's latencies.
  public struct Timing: Sendable {
    public var query: String
    public var hits: Int
    public var milliseconds: [Double]

    /// The latency below which `fraction` of the runs fall (0.5: median, 0.99: p99).
    public func percentile(_ fraction: Double) -> Double {
      SearchBenchmark.percentile(milliseconds, fraction)
    }
  }

  /// Runs every query `runs` times against the index.
  public static func time(
    _ queries: [String], on index: SearchIndex, limit: Int = 20, runs: Int = 20
  ) throws -> [Timing] {
    let clock = ContinuousClock()
    return try queries.map { query in
      var times: [Double] = []
      var hits = 0
      for _ in 0..<runs {
        let start = clock.now
        hits = try index.search(query, limit: limit).count
        let elapsed = clock.now - start
        times.append(
          Double(elapsed.components.seconds) * 1000
            + Double(elapsed.components.attoseconds) / 1e15)
      }
      return Timing(query: query, hits: hits, milliseconds: times)
    }
  }

  /// The value below which `fraction` of the values fall (nearest rank).
  public static func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
  }
}
