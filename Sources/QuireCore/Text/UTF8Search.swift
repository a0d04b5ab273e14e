extension StringProtocol {
  /// The offset of the first `byte` in the text's UTF-8 form, or nil.
  ///
  /// Searches the contiguous buffer a native string has: going through `UTF8View`'s
  /// generic `firstIndex(of:)` costs about twenty instructions a byte, and link
  /// resolution asks this of every link's target several times.
  public func utf8Offset(of byte: UInt8) -> Int? {
    if let found = utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: byte) }) { return found }
    return utf8.firstIndex(of: byte).map { utf8.distance(from: utf8.startIndex, to: $0) }
  }

  /// The offset of the last `byte` in the text's UTF-8 form, or nil.
  public func utf8LastOffset(of byte: UInt8) -> Int? {
    if let found = utf8.withContiguousStorageIfAvailable({ $0.lastIndex(of: byte) }) { return found }
    var last: Int? = nil
    for (offset, candidate) in utf8.enumerated() where candidate == byte { last = offset }
    return last
  }

  /// Whether `byte` occurs in the text's UTF-8 form.
  public func utf8Contains(_ byte: UInt8) -> Bool {
    utf8Offset(of: byte) != nil
  }

  /// The index `offset` UTF-8 bytes from the start (on a scalar boundary when the byte
  /// there is ASCII, as the offsets these searches give are).
  public func utf8Index(_ offset: Int) -> Index {
    utf8.index(utf8.startIndex, offsetBy: offset)
  }
}

extension StringProtocol where SubSequence == Substring {
  /// The text split at an ASCII `separator`, empty pieces left out: what
  /// `split(separator:)` by `Character` gives, found by a byte search.
  ///
  /// A separator next to a non-ASCII byte may be part of a larger character (`#` and a
  /// combining accent are one character, which is no separator): such text is split by
  /// characters, as before.
  public func splitting(atASCII separator: UInt8) -> [Substring] {
    let offsets = utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
      var found: [Int] = []
      var index = 0
      while let hit = bytes[index...].firstIndex(of: separator) {
        if hit > 0, bytes[hit - 1] >= 0x80 { return nil }
        if hit + 1 < bytes.count, bytes[hit + 1] >= 0x80 { return nil }
        found.append(hit)
        index = hit + 1
      }
      found.append(bytes.count)
      return found
    }
    guard let offsets = offsets ?? nil else {
      return split(separator: Character(Unicode.Scalar(separator)))
    }
    var pieces: [Substring] = []
    var start = 0
    for end in offsets {
      if end > start { pieces.append(self[utf8Index(start)..<utf8Index(end)]) }
      start = end + 1
    }
    return pieces
  }
}
