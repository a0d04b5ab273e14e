import Dispatch

/// Holds the last reference to a large value so that it is freed where the holder says,
/// not wherever a variable happens to be last read.
///
/// Freeing a vault of 100,000 notes takes milliseconds: the browser hands the vault its
/// screen stopped showing to the vault queue (`letGo(on:)`) rather than free it between
/// two keys, and the background index refresh lets go of the vault it was given (and the
/// notes' texts with it) as soon as it is done (`use`).
public final class Handoff<Value: Sendable>: @unchecked Sendable {
  /// Set at creation; emptied once, by `use` or `letGo`, on the thread doing the work.
  private var value: Value?

  public init(_ value: Value) { self.value = value }

  /// Runs `body` with the value, then lets go of it (also when `body` throws).
  @discardableResult
  public func use<Result>(_ body: (Value) throws -> Result) rethrows -> Result? {
    defer { value = nil }
    guard let value else { return nil }
    return try body(value)
  }

  /// Lets go of the value now, on this thread.
  public func letGo() { value = nil }

  /// Lets go of the value on `queue`.
  public func letGo(on queue: DispatchQueue) {
    queue.async { self.value = nil }
  }
}
