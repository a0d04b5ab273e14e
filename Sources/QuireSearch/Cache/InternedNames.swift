import Foundation

/// Strings known before decoding (the ids of a cache's notes), found by their UTF-8 bytes
/// without making a new string: a decoded link whose target is a note's id shares that
/// id's storage instead of holding a copy of its own. At 100,000 notes and 1.6 million
/// links, most of them to notes with long paths, that is a copy per link saved.
struct InternedNames: Sendable {
  /// Names by a hash of their bytes; a list holds the rare names that share a hash.
  private var byHash: [UInt64: [String]] = [:]

  init(_ names: some Sequence<String>) {
    for var name in names {
      name.makeContiguousUTF8()
      let hash = name.utf8.withContiguousStorageIfAvailable(StableHash.fnv1a) ?? 0
      byHash[hash, default: []].append(name)
    }
  }

  /// The known name these bytes spell, if any.
  func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let names = byHash[StableHash.fnv1a(bytes)] else { return nil }
    return names.first { name in
      name.utf8.count == bytes.count && name.utf8.withContiguousStorageIfAvailable { Self.same($0, bytes) } == true
    }
  }

  /// Whether two runs of bytes of the same length are equal (memcmp: the generic
  /// comparison was a tenth of a warm reopen).
  static func same(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    guard left.count == right.count else { return false }
    guard let a = left.baseAddress, let b = right.baseAddress else { return left.count == 0 }
    return memcmp(a, b, left.count) == 0
  }
}
