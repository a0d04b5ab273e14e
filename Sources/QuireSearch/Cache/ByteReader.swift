/// Reads values written by `ByteWriter`, in the same order, from a borrowed buffer.
///
/// Every read checks the bounds: bytes that are cut short or damaged throw
/// `ByteReader.Failure` instead of trapping, so a bad cache row only costs a reparse.
/// The reader borrows the buffer: use it only inside the `withUnsafeBytes` that lent it.
struct ByteReader {
  /// Why bytes could not be read back.
  enum Failure: Error {
    case truncated
    case malformed(String)
  }

  private let buffer: UnsafeBufferPointer<UInt8>
  private(set) var offset = 0

  init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer.assumingMemoryBound(to: UInt8.self) }

  /// Whether every byte has been read.
  var isAtEnd: Bool { offset == buffer.count }

  mutating func byte() throws -> UInt8 {
    guard offset < buffer.count else { throw Failure.truncated }
    defer { offset += 1 }
    return buffer[offset]
  }

  mutating func bool() throws -> Bool {
    switch try byte() {
    case 0: false
    case 1: true
    case let other: throw Failure.malformed("flag \(other)")
    }
  }

  mutating func unsigned() throws -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64 else { throw Failure.malformed("varint too long") }
      value |= UInt64(next & 0x7F) << shift
      if next < 0x80 { return value }
      shift += 7
    }
  }

  mutating func int() throws -> Int {
    Int(truncatingIfNeeded: Self.unzigzag(try unsigned()))
  }

  mutating func optionalInt() throws -> Int? {
    let raw = try unsigned()
    guard raw > 0 else { return nil }
    return Int(truncatingIfNeeded: Self.unzigzag(raw - 1))
  }

  /// A count of things still to read, checked against the bytes left (each thing takes at
  /// least one byte), so that a damaged count cannot ask for a huge allocation.
  mutating func count() throws -> Int {
    let raw = try unsigned()
    guard raw <= UInt64(buffer.count - offset) else { throw Failure.malformed("count \(raw)") }
    return Int(raw)
  }

  mutating func double() throws -> Double {
    guard buffer.count - offset >= 8 else { throw Failure.truncated }
    var bits: UInt64 = 0
    for index in 0..<8 { bits |= UInt64(buffer[offset + index]) << (8 * UInt64(index)) }
    offset += 8
    return Double(bitPattern: bits)
  }

  mutating func string() throws -> String {
    let length = try count()
    let start = offset
    offset += length
    return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<offset]), as: UTF8.self)
  }

  /// Steps over the next string without making it; says whether it had any bytes.
  mutating func skipString() throws -> Bool {
    let length = try count()
    offset += length
    return length > 0
  }

  /// The next string, sharing the storage of `known` or of a name of `names` when its
  /// bytes spell one (no new string is made then).
  mutating func string(sameAs known: String? = nil, in names: InternedNames? = nil) throws -> String {
    let length = try count()
    let start = offset
    offset += length
    let bytes = UnsafeBufferPointer(rebasing: buffer[start..<offset])
    if let known, known.utf8.count == length,
      known.utf8.withContiguousStorageIfAvailable({ InternedNames.same($0, bytes) }) == true
    {
      return known
    }
    if let names, let name = names.name(bytes) { return name }
    return String(decoding: bytes, as: UTF8.self)
  }

  mutating func optionalString() throws -> String? {
    try bool() ? try string() : nil
  }

  mutating func strings() throws -> [String] {
    let count = try count()
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }

  mutating func ints() throws -> [Int] {
    let count = try count()
    var values: [Int] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try int()) }
    return values
  }

  private static func unzigzag(_ value: UInt64) -> Int64 {
    Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
  }
}
