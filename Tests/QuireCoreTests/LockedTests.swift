import Dispatch
import XCTest

@testable import QuireCore

/// `Locked` under contention: every update lands, and the TSan run (`make test-tsan`) sees
/// the lock, which it did not with `Synchronization.Mutex` on Linux.
final class LockedTests: XCTestCase {
  func testConcurrentUpdatesAllLand() {
    let counts = Locked([Int: Int]())
    DispatchQueue.concurrentPerform(iterations: 8) { worker in
      for step in 0..<5_000 {
        counts.withLock { $0[step % 16, default: 0] += worker }
      }
    }
    let total = counts.withLock { $0.values.reduce(0, +) }
    XCTAssertEqual(total, 5_000 * (0..<8).reduce(0, +))
  }

  func testWithLockReturnsAndRethrows() {
    struct Refused: Error {}
    let value = Locked(3)
    let doubled = value.withLock { number -> Int in
      number += 1
      return number * 2
    }
    XCTAssertEqual(doubled, 8)
    XCTAssertThrowsError(try value.withLock { _ in throw Refused() })
    XCTAssertEqual(value.withLock { $0 }, 4)
  }
}
