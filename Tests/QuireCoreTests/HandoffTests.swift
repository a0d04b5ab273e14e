import Dispatch
import Foundation
import QuireCore
import XCTest

/// `Handoff` frees its value where it is told to: after `use`, at `letGo()`, or on the
/// queue given to `letGo(on:)`.
final class HandoffTests: XCTestCase {
  /// Says on which thread it was freed.
  final class Tracked: Sendable {
    let freed: @Sendable (Bool) -> Void
    init(freed: @escaping @Sendable (Bool) -> Void) { self.freed = freed }
    deinit { freed(Thread.isMainThread) }
  }

  func testUseRunsTheBodyThenLetsGo() {
    let freed = Locked<Bool?>(nil)
    let handoff = Handoff(Tracked { onMain in freed.withLock { $0 = onMain } })
    let answer = handoff.use { _ in 42 }
    XCTAssertEqual(answer, 42)
    XCTAssertNotNil(freed.withLock { $0 }, "the value outlived use")
    XCTAssertNil(handoff.use { _ in 1 }, "the value was used twice")
  }

  func testLetGoOnAQueueFreesItThere() {
    let done = DispatchSemaphore(value: 0)
    let freedOnMain = Locked<Bool?>(nil)
    var handoff: Handoff<Tracked>? = Handoff(Tracked { onMain in
      freedOnMain.withLock { $0 = onMain }
      done.signal()
    })
    handoff?.letGo(on: DispatchQueue(label: "quire.test.handoff"))
    handoff = nil
    XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
    XCTAssertEqual(freedOnMain.withLock { $0 }, false)
  }
}
