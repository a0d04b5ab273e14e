/// Appends values to a byte buffer in the cache's compact encoding.
///
/// Integers are LEB128 varints (signed ones zigzagged first), so the small numbers a note
/// is full of (lines, columns, section indexes) take one byte; strings are a length and
/// their UTF-8 bytes; doubles their 8 bytes, little-endian. `ByteReader` reads them back.
struct ByteWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  mutating func byte(_ value: UInt8) { bytes.append(value) }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func unsigned(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// A signed integer, zigzagged so that small negative numbers stay short too.
  mutating func int(_ value: Int) {
    let wide = Int64(value)
    unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
  }

  /// An integer that may be missing: 0 for nil, else the value plus one, zigzagged.
  mutating func optionalInt(_ value: Int?) {
    guard let value else {
      bytes.append(0)
      return
    }
    let wide = Int64(value)
    unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)) &+ 1)
  }

  mutating func double(_ value: Double) {
    var bits = value.bitPattern.littleEndian
    withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ value: String) {
    var text = value
    text.withUTF8 { utf8 in
      unsigned(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// A string that may be missing: a presence byte, then the string.
  mutating func optionalString(_ value: String?) {
    guard let value else {
      bytes.append(0)
      return
    }
    bytes.append(1)
    string(value)
  }

  mutating func strings(_ values: [String]) {
    unsigned(UInt64(values.count))
    for value in values { string(value) }
  }

  mutating func ints(_ values: [Int]) {
    unsigned(UInt64(values.count))
    for value in values { int(value) }
  }
}
