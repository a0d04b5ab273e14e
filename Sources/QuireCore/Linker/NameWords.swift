/// Prose cut into words with their byte offsets, the unit in which the linker matches names.
///
/// Words are runs of letters and digits, compared lower-cased. What stands between two words
/// is a `Joint`, so that a name matches only where the text joins its words the same way:
/// spaces and inner hyphens are interchangeable (`safety training`, `safety-training`),
/// other punctuation must agree once typographic quotes and dashes are folded to ASCII.
///
/// Works on the UTF-8 bytes: a word is found and keyed without making a `String` (unless it
/// holds non-ASCII letters, whose lower case needs Unicode's tables), and joints are read
/// only where a name of several words is tried. The scan runs over every byte of prose the
/// linker reads, so this is where its time goes.
struct NameWords {
  /// One word: its comparison key and where it stands in the bytes.
  struct Word: Sendable, Hashable {
    var key: WordKey
    var start: Int
    var end: Int
  }

  /// What joins two neighbouring words.
  enum Joint: Sendable, Hashable {
    /// White space (at most one line end), or a hyphen with no space around it.
    case space
    /// Anything else, folded: `(`, `: `, `'`.
    case mark(String)

    /// Whether a text joint can stand where a name has this one.
    func accepts(_ other: Joint) -> Bool { self == other }
  }

  var words: [Word] = []

  /// Cuts `bytes[range]` into words; offsets are indices of `bytes`.
  init(_ bytes: [UInt8], in range: Range<Int>) {
    bytes.withUnsafeBufferPointer { buffer in
      var offset = range.lowerBound
      var wordStart = -1
      var ascii = true
      while offset < range.upperBound {
        let byte = buffer[offset]
        let length: Int
        let isWord: Bool
        if byte < 0x80 {
          length = 1
          isWord = Self.isASCIIWordByte(byte)
        } else if let (scalar, count) = Self.decode(buffer, at: offset, limit: range.upperBound) {
          length = count
          isWord = Self.isWordScalar(scalar)
        } else {
          length = 1
          isWord = false
        }
        if isWord {
          if wordStart < 0 {
            wordStart = offset
            ascii = true
          }
          if byte >= 0x80 { ascii = false }
        } else if wordStart >= 0 {
          words.append(Word(key: Self.key(buffer, wordStart..<offset, ascii: ascii), start: wordStart, end: offset))
          wordStart = -1
        }
        offset += length
      }
      if wordStart >= 0 {
        words.append(Word(key: Self.key(buffer, wordStart..<offset, ascii: ascii), start: wordStart, end: offset))
      }
    }
  }

  /// Cuts a name (a title, an alias, a heading) into words.
  init(name: String) {
    let bytes = Array(name.utf8)
    self.init(bytes, in: 0..<bytes.count)
  }

  /// The lower-cased words of a name, with the joints between them (`joints[i]` stands
  /// between `words[i]` and `words[i + 1]`).
  static func parse(name: String) -> (words: [String], joints: [Joint]) {
    let bytes = Array(name.utf8)
    let found = NameWords(bytes, in: 0..<bytes.count).words
    let words = found.map { lowered(bytes[$0.start..<$0.end]) }
    var joints: [Joint] = []
    for index in found.indices.dropFirst() {
      joints.append(joint(bytes[found[index - 1].end..<found[index].start]))
    }
    return (words, joints)
  }

  /// The joint between word `index` and the next one.
  func joint(after index: Int, in bytes: [UInt8]) -> Joint {
    Self.joint(bytes[words[index].end..<words[index + 1].start])
  }

  // MARK: - Keys

  /// The lower-cased text of some bytes, as names keep their words.
  static func lowered(_ bytes: ArraySlice<UInt8>) -> String {
    if bytes.allSatisfy({ $0 < 0x80 }) {
      return String(decoding: bytes.map(asciiLower), as: UTF8.self)
    }
    return String(decoding: bytes, as: UTF8.self).lowercased()
  }

  /// The key of a word: a hash of its lower-cased UTF-8 bytes, the same for a name's word
  /// and the prose that spells it in any case. A match on keys is confirmed on the words'
  /// text before it is believed (see `MentionFinder`), so a collision costs nothing but time.
  private static func key(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, ascii: Bool)
    -> WordKey
  {
    var hash = WordKey.seed
    if ascii {
      for offset in range { hash = WordKey.mix(hash, asciiLower(buffer[offset])) }
    } else {
      let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
      for byte in text.lowercased().utf8 { hash = WordKey.mix(hash, byte) }
    }
    return WordKey(hash: hash)
  }

  static func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  // MARK: - Characters

  static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isASCIIWordByte(UInt8(scalar.value)) }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  /// The scalar starting at `offset` and its length, or nil for a byte that starts none.
  static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, limit: Int)
    -> (Unicode.Scalar, Int)?
  {
    let lead = buffer[offset]
    let count: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF:
      count = 2
      value = UInt32(lead & 0x1F)
    case 0xE0...0xEF:
      count = 3
      value = UInt32(lead & 0x0F)
    case 0xF0...0xF4:
      count = 4
      value = UInt32(lead & 0x07)
    default: return nil
    }
    guard offset + count <= limit else { return nil }
    for next in (offset + 1)..<(offset + count) {
      let byte = buffer[next]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, count)
  }

  /// Folds typographic quotes and dashes to their ASCII forms.
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar {
    case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": "'"
    case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": "\""
    case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": "-"
    case "\u{00A0}", "\u{202F}", "\t", "\r", "\n": " "
    default: scalar
    }
  }

  /// The joint that the bytes between two words make.
  static func joint(_ between: ArraySlice<UInt8>) -> Joint {
    // The common case, one plain space, needs no decoding.
    if between.count == 1, between.first == UInt8(ascii: " ") { return .space }
    var folded = ""
    var lineEnds = 0
    for scalar in String(decoding: between, as: UTF8.self).unicodeScalars {
      if scalar == "\n" { lineEnds += 1 }
      folded.unicodeScalars.append(fold(scalar))
    }
    let marks = folded.filter { $0 != " " }
    if marks.isEmpty { return lineEnds <= 1 ? .space : .mark("\n\n") }
    if marks == "-", !folded.hasPrefix(" "), !folded.hasSuffix(" ") { return .space }
    return .mark(String(marks))
  }
}

/// A word's key in the finder's tables: a 64-bit FNV-1a hash of its lower-cased UTF-8.
struct WordKey: Sendable, Hashable {
  var hash: UInt64

  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

  static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  /// The key of a word already lower-cased.
  init(lowered word: String) {
    var hash = Self.seed
    for byte in word.utf8 { hash = Self.mix(hash, byte) }
    self.hash = hash
  }

  init(hash: UInt64) { self.hash = hash }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
