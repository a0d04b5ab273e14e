/// A replacement of a byte range of a file, the unit in which the linker changes notes.
public struct TextEdit: Sendable, Hashable {
  public var range: Range<Int>
  public var replacement: [UInt8]

  public init(range: Range<Int>, replacement: [UInt8]) {
    self.range = range
    self.replacement = replacement
  }

  public init(range: Range<Int>, replacement: String) {
    self.init(range: range, replacement: Array(replacement.utf8))
  }

  /// Why a set of edits cannot be applied.
  public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
    case overlapping(Range<Int>, Range<Int>)
    case outOfBounds(Range<Int>, size: Int)

    public var description: String {
      switch self {
      case .overlapping(let first, let second):
        "edits overlap: bytes \(first.lowerBound)..<\(first.upperBound) and \(second.lowerBound)..<\(second.upperBound)"
      case .outOfBounds(let range, let size):
        "edit at bytes \(range.lowerBound)..<\(range.upperBound) lies outside a file of \(size) bytes"
      }
    }
  }

  /// Applies edits to bytes, last first, so that earlier offsets stay valid; every byte
  /// outside the edited ranges is kept as it was.
  public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) throws -> [UInt8] {
    let sorted = edits.sorted { $0.range.lowerBound > $1.range.lowerBound }
    var previous: TextEdit? = nil
    for edit in sorted {
      guard edit.range.lowerBound >= 0, edit.range.upperBound <= bytes.count else {
        throw Problem.outOfBounds(edit.range, size: bytes.count)
      }
      if let previous, edit.range.upperBound > previous.range.lowerBound {
        throw Problem.overlapping(edit.range, previous.range)
      }
      previous = edit
    }
    var result = bytes
    for edit in sorted { result.replaceSubrange(edit.range, with: edit.replacement) }
    return result
  }
}
