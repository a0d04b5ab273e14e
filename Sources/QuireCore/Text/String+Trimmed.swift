extension StringProtocol {
  /// The text without leading and trailing white space (spaces, tabs, line ends).
  ///
  /// Copies the kept bytes in one go; text with nothing to trim is returned as it is.
  public var trimmed: String {
    let scalars = unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return "" }
    if !first.properties.isWhitespace, !last.properties.isWhitespace { return String(self) }
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(self[start..<scalars.index(after: end)])
  }
}
