#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds prose that names other notes without linking them (FORMAT.md, "Unlinked mentions").
///
/// Built once per vault: every title, alias, file stem and looser title form goes into one
/// table keyed by its first word, longest names first, so scanning a note costs a table
/// look-up per word rather than a pass per name; the headings prose may name are read once
/// per vault too. Matches are whole words, case-insensitive,
/// tolerant of a leading article and of typographic quotes and dashes; the longest name wins
/// where several start at the same word, and matched words are not matched again. A note
/// never mentions itself, and a title of one common word is looked for only as an alias.
///
/// Section mentions: where a section of the source note already links a note, the headings
/// of that note named elsewhere in the section are mentions of those sections.
///
/// Work budget: a note whose words each offer many candidate names (a title's first words
/// repeated a million times where many notes' names start with them) would take hours, so
/// each note may try `workBudget` candidate names in all; past that it is skipped and the
/// scan says why. Counting candidates rather than seconds gives the same answer on every
/// machine and every run.
public struct MentionFinder: Sendable {
  /// Candidate names one note may try: far above what real notes need (1 MB of prose
  /// naming 300 notes tries about 15,000), and a second or two of work in a debug build.
  public static let defaultWorkBudget = 4_000_000

  /// One name of a note (or of one of its sections).
  struct Name: Sendable {
    /// The words, lower-cased, and their keys.
    var words: [String]
    var keys: [WordKey]
    var joints: [NameWords.Joint]
    /// The name started with an article ("The Postern Door"); prose may write it or not.
    var article: WordKey?
    /// Punctuation ending the name ("Is Matter Seeing Itself?"), taken into the link text.
    var trailing: [UInt8]
    var note: Int
    var section: Int?
    var confidence: MentionConfidence
  }

  let notes: [Note]
  let indexByID: [String: Int]
  /// The names that start with one word: those of one word, and the longer ones by their
  /// second word, so a word that starts many titles ("Safety ...") offers only the few that
  /// can match where it stands.
  struct Bucket: Sendable {
    var single: [Name] = []
    var byNext: [WordKey: [Name]] = [:]
  }

  /// Names by their first word, each list longest first.
  let names: [WordKey: Bucket]
  /// The names of each note's sections that prose may mention (`mentionableSections`).
  let sectionNamesByNote: [[Name]]

  public init(notes: [Note]) {
    self.notes = notes
    var indexByID: [String: Int] = [:]
    for (index, note) in notes.enumerated() { indexByID[note.id] = index }
    self.indexByID = indexByID
    var table: [WordKey: Bucket] = [:]
    var sectionNamesByNote: [[Name]] = []
    sectionNamesByNote.reserveCapacity(notes.count)
    for (index, note) in notes.enumerated() {
      var seen = Set<[String]>()
      for name in Self.names(of: note, index: index) where seen.insert(name.words).inserted {
        if name.keys.count == 1 {
          table[name.keys[0], default: Bucket()].single.append(name)
        } else {
          table[name.keys[0], default: Bucket()].byNext[name.keys[1], default: []].append(name)
        }
      }
      sectionNamesByNote.append(
        Self.mentionableSections(of: note).compactMap { heading in
          Self.name(
            note.sections[heading].title, note: index, section: heading, confidence: .exact,
            alias: true)
        })
    }
    let longestFirst: (Name, Name) -> Bool = {
      $0.words.count != $1.words.count
        ? $0.words.count > $1.words.count : $0.confidence > $1.confidence
    }
    for key in table.keys {
      table[key]?.single.sort(by: longestFirst)
      for next in table[key]?.byNext.keys.map({ $0 }) ?? [] {
        table[key]?.byNext[next]?.sort(by: longestFirst)
      }
    }
    self.names = table
    self.sectionNamesByNote = sectionNamesByNote
  }

  public init(vault: Vault) { self.init(notes: vault.notes) }

  /// Candidate names one note may try before it is skipped (`defaultWorkBudget`).
  public var workBudget = MentionFinder.defaultWorkBudget

  /// The mentions found in one note, or why the note was skipped.
  public struct Scan: Sendable {
    public var mentions: [Mention]
    /// Why no mentions were looked for past some point, when the note ran out of budget;
    /// `mentions` is then empty (half a note's links would be worse than none).
    public var skipped: String?
    /// Candidate names tried, the measure the budget is kept in.
    public var work: Int
  }

  // MARK: - Finding

  /// Unlinked mentions in one note's file.
  ///
  /// - Parameters:
  ///   - note: the note as loaded (its links resolved, for section mentions and exclusions).
  ///   - bytes: the file's bytes.
  ///   - prose: the byte ranges of `bytes` holding prose (`NoteParser.parse(...collectingProse:)`).
  public func mentions(in note: Note, bytes: [UInt8], prose: [Range<Int>]) -> [Mention] {
    scan(note, bytes: bytes, prose: prose).mentions
  }

  /// Unlinked mentions in one note's file, within the work budget (as `mentions(in:...)`).
  public func scan(_ note: Note, bytes: [UInt8], prose: [Range<Int>]) -> Scan {
    var work = 0
    let linkRanges = note.links.compactMap(\.byteRange).sorted { $0.lowerBound < $1.lowerBound }
    let sectionNames = self.sectionNames(linkedFrom: note)
    let sectionKeys = Set(sectionNames.values.flatMap(\.keys))
    let lines = LineTable(bytes)
    var found: [Mention] = []
    for range in prose {
      let words = NameWords(bytes, in: range)
      var position = 0
      while position < words.words.count {
        let key = words.words[position].key
        let general = candidates(at: position, in: words)
        var candidates: [Name]
        // The section is needed only where a section name could start here.
        if sectionKeys.contains(key),
          let extra = sectionNames[
            note.section(atByte: words.words[position].start, lines: lines) ?? -1]?[key]
        {
          candidates = (extra + (general ?? [])).sorted { $0.words.count > $1.words.count }
        } else if let general {
          candidates = general
        } else {
          position += 1
          continue
        }
        // Building, sorting and trying the list each cost about its length.
        work += candidates.count
        if work > workBudget {
          return Scan(
            mentions: [],
            skipped: "not searched for unlinked mentions: its words offered more than \(workBudget) "
              + "candidate names (a name's first words repeated where many names start with them)",
            work: work)
        }
        guard
          let match = bestMatch(
            candidates, at: position, in: words, bytes: bytes, range: range,
            excludingNote: indexByID[note.id])
        else {
          position += 1
          continue
        }
        position += match.name.words.count
        let span = match.span
        if linkRanges.contains(where: { $0.overlaps(span) }) { continue }
        let location = lines.location(of: span.lowerBound)
        let sectionIndex = note.section(atLine: location.line)?.index
        var mention =
          Mention(
            source: note.id, line: location.line, column: location.column, byteRange: span,
            text: String(decoding: bytes[span], as: UTF8.self),
            target: notes[match.name.note].id, targetSection: match.name.section,
            confidence: match.name.confidence, sourceSection: sectionIndex,
            alternatives: match.alternatives.map { notes[$0].id })
        mention.weaker = match.weaker.map { notes[$0].id }
        found.append(mention)
      }
    }
    return Scan(mentions: found, skipped: nil, work: work)
  }

  /// The names that may start at a word, longest first; nil when none.
  private func candidates(at position: Int, in words: NameWords) -> [Name]? {
    guard let bucket = names[words.words[position].key] else { return nil }
    guard position + 1 < words.words.count,
      let longer = bucket.byNext[words.words[position + 1].key]
    else { return bucket.single.isEmpty ? nil : bucket.single }
    return bucket.single.isEmpty ? longer : longer + bucket.single
  }

  /// Mentions in a piece of text that is all prose (an imported note's list item).
  ///
  /// Byte ranges, lines and columns are those of `text`; `sourceSection` is nil.
  public func mentions(inText text: String, excluding source: String? = nil) -> [Mention] {
    let bytes = Array(text.utf8)
    var probe = Note(id: source ?? "")
    probe.links = []
    return mentions(in: probe, bytes: bytes, prose: [0..<bytes.count])
  }

  /// The longest name that matches at a word, with the notes it names equally well.
  private func bestMatch(
    _ candidates: [Name], at position: Int, in words: NameWords, bytes: [UInt8],
    range: Range<Int>, excludingNote source: Int?
  ) -> (name: Name, span: Range<Int>, alternatives: [Int], weaker: [Int])? {
    var index = 0
    while index < candidates.count {
      let length = candidates[index].words.count
      var matched: [(Name, Range<Int>)] = []
      while index < candidates.count, candidates[index].words.count == length {
        let name = candidates[index]
        index += 1
        guard name.note != source,
          let span = span(of: name, at: position, in: words, bytes: bytes, range: range)
        else { continue }
        matched.append((name, span))
      }
      guard let best = matched.max(by: { $0.0.confidence < $1.0.confidence }) else { continue }
      let others = Set(
        matched.filter { $0.0.confidence == best.0.confidence && $0.0.note != best.0.note }
          .map(\.0.note))
      let weaker = Set(
        matched.filter { $0.0.confidence < best.0.confidence && $0.0.note != best.0.note }
          .map(\.0.note)
      ).subtracting(others).subtracting([best.0.note])
      return (best.0, best.1, others.sorted(), weaker.sorted())
    }
    return nil
  }

  /// Where a name stands in the text when it matches at `position`.
  private func span(
    of name: Name, at position: Int, in text: NameWords, bytes: [UInt8], range: Range<Int>
  ) -> Range<Int>? {
    let count = name.words.count
    guard position + count <= text.words.count else { return nil }
    for offset in 0..<count where text.words[position + offset].key != name.keys[offset] {
      return nil
    }
    for offset in 0..<(count - 1)
    where !name.joints[offset].accepts(text.joint(after: position + offset, in: bytes)) {
      return nil
    }
    var start = text.words[position].start
    var end = text.words[position + count - 1].end
    guard Self.isBoundary(before: start, in: bytes, range: range),
      Self.isBoundary(after: end, in: bytes, range: range),
      !Self.isInsideURL(start..<end, bytes: bytes, range: range)
    else { return nil }
    // Keys are hashes: confirm the words themselves.
    for offset in 0..<count {
      let word = text.words[position + offset]
      guard NameWords.lowered(bytes[word.start..<word.end]) == name.words[offset] else { return nil }
    }
    // Take a leading article and the name's own closing punctuation into the link text.
    if let article = name.article, position > 0, text.words[position - 1].key == article,
      text.joint(after: position - 1, in: bytes) == .space,
      Self.isBoundary(before: text.words[position - 1].start, in: bytes, range: range)
    {
      start = text.words[position - 1].start
    }
    let trailing = name.trailing
    if !trailing.isEmpty, end + trailing.count <= range.upperBound,
      bytes[end..<(end + trailing.count)].elementsEqual(trailing)
    {
      end += trailing.count
    }
    return start..<end
  }

  /// A name must not continue a word: no letter, hyphen, path or code mark just before it.
  static func isBoundary(before offset: Int, in bytes: [UInt8], range: Range<Int>) -> Bool {
    guard offset > range.lowerBound else { return true }
    let byte = bytes[offset - 1]
    if byte >= 0x80 {
      // A typographic apostrophe or dash (’ ‐ ‑) glued to the word joins it.
      guard offset - 3 >= range.lowerBound else { return true }
      let scalar = Array(bytes[(offset - 3)..<offset])
      return scalar != [0xE2, 0x80, 0x99] && scalar != [0xE2, 0x80, 0x90]
        && scalar != [0xE2, 0x80, 0x91]
    }
    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") {
      // An opening quote or a full stop after a space is fine; one glued to a word is not.
      return !(offset - 2 >= range.lowerBound && isWordByte(bytes[offset - 2]))
    }
    return !"-_/\\@#~$%&*=+`".utf8.contains(byte)
  }

  /// A name must end a word: a possessive `'s` may follow, a hyphenated word may not.
  static func isBoundary(after offset: Int, in bytes: [UInt8], range: Range<Int>) -> Bool {
    guard offset < range.upperBound else { return true }
    let byte = bytes[offset]
    let next = offset + 1 < range.upperBound ? bytes[offset + 1] : nil
    switch byte {
    case UInt8(ascii: "'"):
      return next == UInt8(ascii: "s")
        && (offset + 2 >= range.upperBound || !isWordByte(bytes[offset + 2]))
    case UInt8(ascii: "."):
      return next.map { !isWordByte($0) } ?? true
    case 0xE2:
      guard offset + 2 < range.upperBound else { return true }
      let scalar = Array(bytes[offset...(offset + 2)])
      if scalar == [0xE2, 0x80, 0x99] {
        return offset + 3 < range.upperBound && bytes[offset + 3] == UInt8(ascii: "s")
          && (offset + 4 >= range.upperBound || !isWordByte(bytes[offset + 4]))
      }
      return scalar != [0xE2, 0x80, 0x90] && scalar != [0xE2, 0x80, 0x91]
    default:
      return !"-_/\\@#~$%&*=+`".utf8.contains(byte)
    }
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
  }

  /// Whether the words sit inside a URL or an e-mail address written as plain text.
  static func isInsideURL(_ span: Range<Int>, bytes: [UInt8], range: Range<Int>) -> Bool {
    func isSpace(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
        || byte == UInt8(ascii: "\r")
    }
    var start = span.lowerBound
    while start > range.lowerBound, !isSpace(bytes[start - 1]) { start -= 1 }
    var end = span.upperBound
    while end < range.upperBound, !isSpace(bytes[end]) { end += 1 }
    let token = bytes[start..<end]
    if token.contains(UInt8(ascii: "@")) { return true }
    if token.count >= 4, token.prefix(4).map(NameWords.asciiLower).elementsEqual("www.".utf8) {
      return true
    }
    var index = start
    while index + 2 < end {
      if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
        bytes[index + 2] == UInt8(ascii: "/")
      {
        return true
      }
      index += 1
    }
    return false
  }

  // MARK: - Names

  static let articles: Set<String> = ["the", "a", "an"]

  /// Every name a note goes by, with the confidence a match of it deserves.
  static func names(of note: Note, index: Int) -> [Name] {
    var result: [Name] = []
    if let title = name(note.title, note: index, confidence: .exact, alias: false) {
      result.append(title)
    }
    for alias in note.aliases {
      if let name = name(alias, note: index, confidence: .alias, alias: true) { result.append(name) }
    }
    let stemWords = NameWords(name: note.stem)
    if stemWords.words.count >= 2,
      let stem = name(note.stem, note: index, confidence: .stem, alias: false)
    {
      result.append(stem)
    }
    for loose in looseTitles(note.title) {
      if let name = name(loose, note: index, confidence: .fuzzy, alias: false) {
        result.append(name)
      }
    }
    return result
  }

  /// The part of a title before a colon, and a title without a trailing parenthesis.
  static func looseTitles(_ title: String) -> [String] {
    var forms: [String] = []
    if let colon = title.firstIndex(of: ":") {
      forms.append(String(title[..<colon]).trimmed)
    }
    if title.hasSuffix(")"), let open = title.lastIndex(of: "("), open != title.startIndex {
      forms.append(String(title[..<open]).trimmed)
    }
    return forms.filter { NameWords(name: $0).words.count >= 2 }
  }

  /// A name as the finder keeps it, or nil when it must not be looked for.
  static func name(
    _ text: String, note: Int, section: Int? = nil, confidence: MentionConfidence, alias: Bool
  ) -> Name? {
    var (words, joints) = NameWords.parse(name: text)
    var article: WordKey? = nil
    if words.count > 1, articles.contains(words[0]) {
      article = WordKey(lowered: words[0])
      words.removeFirst()
      joints.removeFirst()
    }
    guard let first = words.first else { return nil }
    if words.count == 1, !alias, CommonWords.contains(first) || first.count < 3 { return nil }
    var trailing = ""
    for character in text.trimmed.reversed() {
      guard !character.isLetter, !character.isNumber, character != " " else { break }
      trailing.insert(character, at: trailing.startIndex)
    }
    if trailing.contains(")") && !text.contains("(") { trailing = "" }
    return Name(
      words: words, keys: words.map { WordKey(lowered: $0) }, joints: joints, article: article,
      trailing: Array(trailing.utf8), note: note, section: section, confidence: confidence)
  }

  /// Names of the sections of the notes each section of `note` links, by the linking section.
  ///
  /// Headings named in a link's annotation are already part of that link and left out.
  private func sectionNames(linkedFrom note: Note) -> [Int: [WordKey: [Name]]] {
    var result: [Int: [WordKey: [Name]]] = [:]
    var covered: [Int: Set<[Int]>] = [:]
    for link in note.links where link.isEdge && link.kind != .frontmatter {
      guard let target = link.target, target != note.id, let targetIndex = indexByID[target]
      else { continue }
      let section = link.sourceSection ?? -1
      covered[section, default: []].formUnion(link.targetSections.map { [targetIndex, $0] })
    }
    for link in note.links where link.isEdge && link.kind != .frontmatter {
      guard let target = link.target, target != note.id, let targetIndex = indexByID[target]
      else { continue }
      let section = link.sourceSection ?? -1
      for name in sectionNamesByNote[targetIndex]
      where !(covered[section]?.contains([targetIndex, name.section ?? -1]) ?? false) {
        result[section, default: [:]][name.keys[0], default: []].append(name)
      }
    }
    return result
  }
}

extension MentionFinder {
  /// Sections prose can name: unique headings that are not a template heading of some
  /// note type nor the note's own title (as `SectionMentionMatcher` reads them).
  static func mentionableSections(of note: Note) -> [Int] {
    var counts: [[String]: Int] = [:]
    let title = SectionMentionMatcher.nameTokens(note.title)
    var keys: [(Int, [String])] = []
    for section in note.sections {
      let key = SectionMentionMatcher.nameTokens(section.title)
      guard !key.isEmpty, !SectionMentionMatcher.templateNames.contains(key) else { continue }
      if section.level == 1, key == title { continue }
      counts[key, default: 0] += 1
      keys.append((section.index, key))
    }
    return keys.filter { counts[$0.1] == 1 }.map(\.0)
  }
}


extension Note {
  /// The innermost section holding a byte offset of the file.
  func section(atByte offset: Int, lines: LineTable) -> Int? {
    section(atLine: lines.location(of: offset).line)?.index
  }
}
