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
