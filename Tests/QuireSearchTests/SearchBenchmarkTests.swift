import Foundation
import XCTest

@testable import QuireSearch

/// Prints search latencies over an existing cache when asked (`QUIRE_SEARCH_BENCH_VAULT`
/// names a vault already indexed with `quire index`); asserts nothing about time.
final class SearchBenchmarkTests: XCTestCase {
  func testPrintLatenciesWhenAsked() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let vault = environment["QUIRE_SEARCH_BENCH_VAULT"] else { return }
    let index = try SearchIndex.open(vaultRoot: URL(fileURLWithPath: vault))
    print("notes: \(try index.noteCount())")
    let queries = [
      "m", "me", "mod", "model", "t", "tr", "tra", "training", "a", "s", "p", "q", "x",
      "model training", "safety training", "the door", "gate", "adversarial training",
      "\"safety training\"", "model -training", "training type:finding", "m type:concept",
    ]
    for timing in try SearchBenchmark.time(queries, on: index) {
      print(
        String(
          format: "%-26@ hits %3d  p50 %7.2f ms  p99 %7.2f ms", timing.query.debugDescription,
          timing.hits, timing.percentile(0.5), timing.percentile(0.99)))
    }
  }
}
