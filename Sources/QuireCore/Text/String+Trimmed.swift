extension StringProtocol {
  /// The text without leading and trailing white space (spaces, tabs, line ends).
  ///
  /// Copies the kept bytes in one go; text with nothing to trim is returned as it is.
  public var trimmed: String {
    let scalars = unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return "" }
    if !Self.isSpace(first), !Self.isSpace(last) { return String(self) }
    guard let start = scalars.firstIndex(where: { !Self.isSpace($0) }),
      let end = scalars.lastIndex(where: { !Self.isSpace($0) })
    else { return "" }
    return String(self[start..<scalars.index(after: end)])
  }

  /// White space, with ASCII answered without a Unicode property look-up.
  public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
    return scalar.properties.isWhitespace
  }
}
