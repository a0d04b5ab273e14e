#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Line starts of a file, to turn byte offsets into lines and UTF-8 columns.
public struct LineTable: Sendable {
  /// The byte offset where each line starts; the first is 0.
  public private(set) var starts: [Int] = [0]

  /// Newlines are found with `memchr`: a byte loop here ran once per byte of every note
  /// in `link` and `check`, and a debug or sanitizer build made that most of their time.
  public init(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count,
        let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset)
      {
        offset = base.distance(to: UnsafeRawPointer(found)) + 1
        starts.append(offset)
      }
    }
  }

  /// Line and column (both 1-based) of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return (low + 1, offset - starts[low] + 1)
  }
}
