import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Timings of searches, for the benchmark: each query run several times, latencies in
/// milliseconds, summarized by percentile.
public enum SearchBenchmark {
  /// One query's latencies.
  public struct Timing: Sendable {
    public var query: String
    public var hits: Int
    public var milliseconds: [Double]
    /// CPU time of the searching thread per run: on a machine shared with other work it
    /// says what a search costs when wall time says mostly how long it waited for a core.
    public var cpuMilliseconds: [Double] = []

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
      var cpuTimes: [Double] = []
      var hits = 0
      for _ in 0..<runs {
        let cpuStart = threadCPUMilliseconds()
        let start = clock.now
        hits = try index.search(query, limit: limit).count
        let elapsed = clock.now - start
        cpuTimes.append(threadCPUMilliseconds() - cpuStart)
        times.append(
          Double(elapsed.components.seconds) * 1000
            + Double(elapsed.components.attoseconds) / 1e15)
      }
      var timing = Timing(query: query, hits: hits, milliseconds: times)
      timing.cpuMilliseconds = cpuTimes
      return timing
    }
  }

  /// The CPU time the calling thread has used, in milliseconds.
  public static func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
  }

  /// The value below which `fraction` of the values fall (nearest rank).
  public static func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
  }
}
