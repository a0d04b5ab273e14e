/// The words of a lean load's annotations, each kept once and numbered as first met.
///
/// An annotation is read only to find the sections its words name
/// (`SectionMentionMatcher`), so a lean parse keeps it as the numbers of its words: a byte
/// or two a word where the text took six or more (at 100,000 generated notes, 122 MB of
/// annotations while the vault was parsed).
public struct WordTable: Sendable {
  private var numbers: [String: UInt32] = [:]

  public init() {}

  /// How many distinct words the table holds.
  public var count: Int { numbers.count }

  /// The number of `word`, given it the next one when it is new.
  mutating func number(_ word: String) -> UInt32 {
    if let number = numbers[word] { return number }
    // Past 4 billion distinct words (hundreds of gigabytes of them) the table is full.
    precondition(numbers.count < UInt32.max, "more distinct words than a table can number")
    let number = UInt32(numbers.count)
    numbers[word] = number
    return number
  }

  /// The number of `word`; nil when no annotation has it.
  func number(of word: String) -> UInt32? { numbers[word] }
}

/// The annotations of one note's links, kept apart from the links as the numbers of their
/// words (`WordTable`), coded a byte per seven bits, and where each link's words end.
///
/// A lean parse hands them over so (`Note.leaveOutForGraph`): a link that keeps only its
/// raw target can share it with every link written alike, where a link that kept its
/// annotation held a string of its own (1.7 million strings at 100,000 generated notes).
public struct NoteAnnotations: Sendable {
  private var coded: [UInt8]
  private var ends: [UInt32]

  /// Takes the annotations out of `links`, letting go of their texts too
  /// (`Link.leaveOutTextAndAnnotation`), and keeps the words of each, numbered in `words`
  /// (locked once for the note).
  init(takingFrom links: inout [Link], words table: Locked<WordTable>) {
    var words: [[String]] = []
    words.reserveCapacity(links.count)
    for position in links.indices {
      var bytes: [UInt8] = []
      links[position].leaveOutTextAndAnnotation { bytes = SectionMentionMatcher.lowercasedUTF8(bytes: $0) }
      words.append(bytes.isEmpty ? [] : SectionMentionMatcher.tokens(lowercasedBytes: bytes))
    }
    var coded: [UInt8] = []
    var ends: [UInt32] = []
    ends.reserveCapacity(links.count)
    table.withLock { table in
      for annotation in words {
        for word in annotation { Self.append(table.number(word), to: &coded) }
        // A note's annotations past 4 GiB cannot be; they would be a note of over 4 GiB.
        ends.append(UInt32(clamping: coded.count))
      }
    }
    // As long as it needs: grown by appending, it had room to spare.
    self.coded = coded.withUnsafeBufferPointer { Array($0) }
    self.ends = ends
  }

  /// How many links the annotations are of.
  public var count: Int { ends.count }

  /// The numbers of the words of the annotation of the link at `position`.
  public subscript(position: Int) -> [UInt32] {
    var index = position == 0 ? 0 : Int(ends[position - 1])
    let end = Int(ends[position])
    var numbers: [UInt32] = []
    while index < end {
      var number: UInt32 = 0
      var shift: UInt32 = 0
      while true {
        let byte = coded[index]
        index += 1
        number |= UInt32(byte & 0x7F) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      numbers.append(number)
    }
    return numbers
  }

  private static func append(_ number: UInt32, to coded: inout [UInt8]) {
    var rest = number
    while rest >= 0x80 {
      coded.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    coded.append(UInt8(rest))
  }
}

/// The annotations of the notes a lean load parsed, by note id, kept while the vault's
/// links are resolved (`Vault(parsedAnnotations:)`): resolving a link reads the sections
/// its prose names there. The vault lets go of them once built; an annotation needed after
/// is read back from the note's file (`AnnotationStore`).
public struct ParsedAnnotations: Sendable {
  private var byID: [String: NoteAnnotations]
  /// The words the annotations are numbered by.
  let words: WordTable

  public init(_ byID: [String: NoteAnnotations], words: WordTable) {
    self.byID = byID
    self.words = words
  }

  /// The annotations of a note's links as parsed; nil when the note was not parsed so.
  public subscript(noteID: String) -> NoteAnnotations? { byID[noteID] }

  /// Takes the annotations of the notes `ids` out, into a table of their own that shares
  /// the words: the vault resolves a run of notes at a time, and lets go of each run's
  /// annotations with it (at 100,000 notes, 28 MB of words and ends in two arrays a note).
  public mutating func take(_ ids: some Sequence<String>) -> ParsedAnnotations {
    var taken: [String: NoteAnnotations] = [:]
    for id in ids {
      if let annotations = byID.removeValue(forKey: id) { taken[id] = annotations }
    }
    return ParsedAnnotations(taken, words: words)
  }

  /// Sections among `names` that the annotation of the link at `position` names.
  func sections(named names: [SectionMentionMatcher.Name], in annotations: NoteAnnotations, at position: Int)
    -> [Int]
  {
    guard !names.isEmpty else { return [] }
    let numbered = names.compactMap { name -> (section: Int, words: [UInt32])? in
      var numbers: [UInt32] = []
      for word in name.words {
        // A word no annotation has: the name is not in this one.
        guard let number = words.number(of: word) else { return nil }
        numbers.append(number)
      }
      return (name.section, numbers)
    }
    guard !numbered.isEmpty else { return [] }
    return SectionMentionMatcher.sections(named: numbered, inWords: annotations[position])
  }
}
