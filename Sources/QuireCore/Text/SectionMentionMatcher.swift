/// Finds the sections of a note that a piece of prose names.
///
/// A finding's thread entry links the thread and then names the sections it extends
/// ("Positive Formation: ...; Postern Door: partial"), while the headings read
/// "The Positive Formation" and "The Postern Door". Names match case-insensitively on
/// whole words, ignoring a leading article and punctuation; a hyphenated word stays one
/// word, so "cross-method" does not name a section called "Method". The longest name wins
/// where two overlap. Headings that occur more than once in the note (the "Argument"
/// subsection of every argument) name nothing, and neither do a title heading and the
/// template headings every note of a type has ("Summary", "Method", "Sources"): prose
/// says "method" and "sources" all the time without meaning a section.
public enum SectionMentionMatcher {
  /// Template headings of FORMAT.md's note types, which prose never names on purpose.
  static let templateNames: Set<[String]> = {
    var names = Set(NoteType.allCases.flatMap(\.typicalSections).map(nameTokens))
    for name in [
      "Argument", "Anchoring findings", "Structural shape", "Tradition parallel",
      "Cross-references", "References", "Notes", "Overview", "Introduction", "Conclusion",
    ] {
      names.insert(nameTokens(name))
    }
    return names
  }()

  /// A section name prose can mention: the section and the words of its name.
  public struct Name: Sendable, Hashable {
    public var section: Int
    public var words: [String]
  }

  /// Indices of the target's sections named in `text`, in the order the text names them.
  public static func sections(of target: Note, mentionedIn text: String) -> [Int] {
    guard !text.isEmpty else { return [] }
    return sections(named: names(of: target), in: text)
  }

  /// The names of a note's sections that prose can mention, longest first.
  ///
  /// Worth computing once per note: a vault resolves every link into a note against them.
  public static func names(of target: Note) -> [Name] {
    guard !target.sections.isEmpty else { return [] }
    var counts: [[String]: Int] = [:]
    var names: [Name] = []
    let titleKey = tokens(target.title)
    let titleName = nameTokens(target.title)
    for section in target.sections {
      let key = nameTokens(section.title)
      guard !key.isEmpty, !templateNames.contains(key) else { continue }
      if section.level == 1, key == titleName || key == titleKey { continue }
      counts[key, default: 0] += 1
      names.append(Name(section: section.index, words: key))
    }
    names = names.filter { counts[$0.words] == 1 }
    names.sort { $0.words.count > $1.words.count }
    return names
  }

  /// Sections among `names` (longest first) that `text` names, in the order it names them.
  public static func sections(named names: [Name], in text: String) -> [Int] {
    guard !names.isEmpty, !text.isEmpty else { return [] }
    let bytes = lowercasedUTF8(text)
    // Most annotations name no section: tokenize only when some name's first word is there.
    guard names.contains(where: { contains(bytes, $0.words[0].utf8) }) else { return [] }
    let words = tokens(lowercasedBytes: bytes)
    return sections(named: names.map { ($0.section, $0.words) }, inWords: words)
  }

  /// Sections among `names` (longest first) that a text of `words` names, in the order it
  /// names them: a name matches where its words stand in a row, and the longest name
  /// claims them where two overlap. Words are compared as given (strings, or their numbers
  /// in a `WordTable`).
  static func sections<Word: Equatable>(named names: [(section: Int, words: [Word])], inWords words: [Word]) -> [Int] {
    guard !words.isEmpty else { return [] }
    var claimed = [Bool](repeating: false, count: words.count)
    var found: [(position: Int, section: Int)] = []
    for name in names {
      let length = name.words.count
      guard length > 0, length <= words.count else { continue }
      var start = 0
      while start + length <= words.count {
        if !claimed[start], words[start] == name.words[0],
          words[start..<(start + length)].elementsEqual(name.words),
          !claimed[start..<(start + length)].contains(true)
        {
          for position in start..<(start + length) { claimed[position] = true }
          found.append((start, name.section))
          break
        }
        start += 1
      }
    }
    return found.sorted { $0.position < $1.position }.map(\.section)
  }

  /// The words of a section name, a leading article dropped.
  static func nameTokens(_ name: String) -> [String] {
    let words = tokens(name)
    if words.count > 1, ["the", "a", "an"].contains(words[0]) { return Array(words.dropFirst()) }
    return words
  }

  /// Lower-cased words; letters and digits joined by inner `-` or `'` stay one word
  /// (`cross-method`; `model's` reads `models`).
  ///
  /// Runs over UTF-8 bytes, decoding only non-ASCII scalars: every link's annotation
  /// goes through here when a vault loads.
  static func tokens(_ text: String) -> [String] {
    tokens(lowercasedBytes: lowercasedUTF8(text))
  }

  /// The text lower-cased, in UTF-8. ASCII text (most of it) is folded byte by byte, which
  /// costs a fraction of `lowercased()`; other text goes through `lowercased()`.
  static func lowercasedUTF8(_ text: String) -> [UInt8] {
    var text = text
    return text.withUTF8 { lowercasedUTF8(bytes: $0) }
  }

  /// `lowercasedUTF8(_:)` of text in UTF-8 (a valid string's bytes).
  static func lowercasedUTF8(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    guard bytes.contains(where: { $0 >= 0x80 }) else {
      return bytes.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
    }
    return Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
  }

  /// Whether `needle` occurs in `haystack`, byte for byte.
  static func contains(_ haystack: [UInt8], _ needle: String.UTF8View) -> Bool {
    let needle = Array(needle)
    guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
    var index = 0
    while let start = haystack[index...].firstIndex(of: first) {
      if start + needle.count > haystack.count { return false }
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
      index = start + 1
    }
    return false
  }

  /// `tokens(_:)` over text already lower-cased and in UTF-8.
  static func tokens(lowercasedBytes bytes: [UInt8]) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    current.reserveCapacity(32)
    var pendingJoiner = false
    var index = 0
    func finishWord() {
      if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
      pendingJoiner = false
    }
    while index < bytes.count {
      let byte = bytes[index]
      var length = 1
      let isWord: Bool
      var isHyphen = false
      var isApostrophe = false
      if byte < 0x80 {
        isWord =
          (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
          || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        isHyphen = byte == UInt8(ascii: "-")
        isApostrophe = byte == UInt8(ascii: "'")
      } else {
        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        length = min(length, bytes.count - index)
        let scalar = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first
        isApostrophe = scalar == "\u{2019}"
        isWord =
          scalar.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
      }
      if isWord {
        if pendingJoiner, !current.isEmpty { current.append(UInt8(ascii: "-")) }
        pendingJoiner = false
        // One byte appended as a byte: appending a slice of one cost a generic call.
        if length == 1 {
          current.append(byte)
        } else {
          current.append(contentsOf: bytes[index..<(index + length)])
        }
      } else if (isHyphen || isApostrophe), !current.isEmpty, !pendingJoiner {
        pendingJoiner = isHyphen
      } else {
        finishWord()
      }
      index += length
    }
    finishWord()
    return words
  }

}
