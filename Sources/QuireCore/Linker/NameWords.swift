/// Prose cut into words with their byte offsets, the unit in which the linker matches names.
///
/// Words are runs of letters and digits, lower-cased. What stands between two words is kept
/// as a `Joint`, so that a name matches only where the text joins its words the same way:
/// spaces and inner hyphens are interchangeable (`safety training`, `safety-training`),
/// other punctuation must agree once typographic quotes and dashes are folded to ASCII.
struct NameWords {
  /// One word: its comparison key and where it stands in the bytes.
  struct Word: Sendable, Hashable {
    var key: String
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
  /// `joints[i]` stands between `words[i]` and `words[i + 1]`.
  var joints: [Joint] = []

  /// Cuts `bytes[range]` into words; offsets are indices of `bytes`.
  init(_ bytes: [UInt8], in range: Range<Int>) {
    var offset = range.lowerBound
    var current = ""
    var wordStart = -1
    var between = ""
    let text = String(decoding: bytes[range], as: UTF8.self)
    for scalar in text.unicodeScalars {
      let length = Self.utf8Length(scalar)
      if Self.isWordScalar(scalar) {
        if current.isEmpty {
          if !words.isEmpty { joints.append(Self.joint(between)) }
          wordStart = offset
          between = ""
        }
        current.unicodeScalars.append(scalar)
      } else {
        if !current.isEmpty {
          words.append(Word(key: current.lowercased(), start: wordStart, end: offset))
          current = ""
        }
        between.unicodeScalars.append(scalar)
      }
      offset += length
    }
    if !current.isEmpty {
      words.append(Word(key: current.lowercased(), start: wordStart, end: offset))
    }
  }

  /// Cuts a name (a title, an alias, a heading) into words.
  init(name: String) {
    let bytes = Array(name.utf8)
    self.init(bytes, in: 0..<bytes.count)
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  static func utf8Length(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0..<0x80: 1
    case 0x80..<0x800: 2
    case 0x800..<0x10000: 3
    default: 4
    }
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

  static func joint(_ between: String) -> Joint {
    var folded = ""
    var lineEnds = 0
    for scalar in between.unicodeScalars {
      if scalar == "\n" { lineEnds += 1 }
      folded.unicodeScalars.append(fold(scalar))
    }
    let marks = folded.filter { $0 != " " }
    if marks.isEmpty { return lineEnds <= 1 ? .space : .mark("\n\n") }
    if marks == "-", !folded.hasPrefix(" "), !folded.hasSuffix(" ") { return .space }
    return .mark(String(marks))
  }
}
