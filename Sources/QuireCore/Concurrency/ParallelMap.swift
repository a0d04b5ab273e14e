import Dispatch

extension Array where Element: Sendable {
  /// Maps the elements on every core, keeping their order.
  ///
  /// The array is cut into at most `chunks` contiguous runs, one task each, so that a
  /// slow element (a huge note) holds up one run rather than the whole map; below two
  /// elements it maps on the calling thread.
  public func parallelMap<Result: Sendable>(
    chunks: Int = 64, _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let chunkCount = Swift.min(count, Swift.max(1, chunks))
    guard chunkCount > 1 else { return map(transform) }
    let results = ResultSlots<[Result]>(count: chunkCount)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      let lower = count * chunk / chunkCount
      let upper = count * (chunk + 1) / chunkCount
      results.set(chunk, self[lower..<upper].map(transform))
    }
    var joined: [Result] = []
    joined.reserveCapacity(count)
    for case let part? in results.values { joined.append(contentsOf: part) }
    return joined
  }
}
