/// Fixed slots that concurrent workers each fill once, read after they have all finished.
public final class ResultSlots<Value: Sendable>: Sendable {
  private let storage: Locked<[Value?]>

  public init(count: Int) { storage = Locked([Value?](repeating: nil, count: count)) }

  public func set(_ index: Int, _ value: Value) {
    storage.withLock { $0[index] = value }
  }

  public var values: [Value?] { storage.withLock { $0 } }
}
