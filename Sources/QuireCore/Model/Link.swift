#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a link was written.
public enum LinkKind: String, Sendable, Hashable, Codable {
  /// `[text](path.md#anchor)`.
  case markdown
  /// `[[Target#Heading|text]]`, and embeds `![[file]]`.
  case wiki
  /// A reference from the front matter: `lenses:` entries, a finding's `source:` URL.
  case frontmatter
  /// A link the linker inferred from prose that names a note.
  case mention
}

/// What a link's target turned out to be.
public enum LinkState: String, Sendable, Hashable, Codable {
  /// A note of the vault (and, where an anchor is given, one of its headings).
  case resolved
  /// No such note, no such heading, or a path outside the vault.
  case broken
  /// Several notes match; the nearest is followed and all are listed.
  case ambiguous
  /// A URL with a scheme (`https:`, `mailto:`): not an edge of the graph.
  case external
  /// An existing file of the vault that is not a note (an image, a PDF).
  case asset
}

/// What a link means, from the section it stands in.
public enum LinkRelation: String, Sendable, Hashable, Codable {
  /// Under *Concepts*: the note instantiates that concept.
  case concept
  /// Under *Threads*: the note extends that thread.
  case thread
  /// Under *Sources*, or a front-matter `source:`: the note cites it.
  case cites
  /// Under *Anchoring findings*: the finding anchors this argument.
  case anchors
  /// Under *Instantiating findings*: the concept is instantiated by it.
  case instantiates
  /// A front-matter `lenses:` entry.
  case lens
  /// Anywhere else.
  case mentions

  /// The relation a section title gives to the links under it, if it gives one.
  public init?(sectionTitle: String) {
    switch sectionTitle.trimmed.lowercased() {
    case "concepts", "concept": self = .concept
    case "threads", "thread": self = .thread
    case "sources", "source", "references", "citations": self = .cites
    case "anchoring findings": self = .anchors
    case "instantiating findings": self = .instantiates
    default: return nil
    }
  }
}

/// The link enumerations as small numbers, one numbering for the link's own storage and
/// for the cache's format (whose stored notes would read wrong were it ever changed).
extension LinkKind {
  public var code: UInt8 {
    switch self {
    case .markdown: 0
    case .wiki: 1
    case .frontmatter: 2
    case .mention: 3
    }
  }

  public init?(code: UInt8) {
    switch code {
    case 0: self = .markdown
    case 1: self = .wiki
    case 2: self = .frontmatter
    case 3: self = .mention
    default: return nil
    }
  }
}

extension LinkState {
  public var code: UInt8 {
    switch self {
    case .resolved: 0
    case .broken: 1
    case .ambiguous: 2
    case .external: 3
    case .asset: 4
    }
  }

  public init?(code: UInt8) {
    switch code {
    case 0: self = .resolved
    case 1: self = .broken
    case 2: self = .ambiguous
    case 3: self = .external
    case 4: self = .asset
    default: return nil
    }
  }
}

extension LinkRelation {
  public var code: UInt8 {
    switch self {
    case .concept: 0
    case .thread: 1
    case .cites: 2
    case .anchors: 3
    case .instantiates: 4
    case .lens: 5
    case .mentions: 6
    }
  }

  public init?(code: UInt8) {
    switch code {
    case 0: self = .concept
    case 1: self = .thread
    case 2: self = .cites
    case 3: self = .anchors
    case 4: self = .instantiates
    case 5: self = .lens
    case 6: self = .mentions
    default: return nil
    }
  }
}

/// One link found in a note, with where it points once resolved.
///
/// A large vault holds millions of these, so the stored form is compact and the public
/// properties read and write it: the three strings the parser saw share one string, the
/// positions are 32-bit (the column 16-bit), the first target section is held inline, and
/// what few links have (candidates, a reason, a missing anchor, more target sections,
/// positions that do not fit) sits in a box the others leave empty. At 100,000 notes that
/// is 72 bytes a link instead of 184, and one string where there were up to three.
public struct Link: Sendable, Hashable {
  /// `raw`, then `text` unless it is the same as `raw`, then `annotation`.
  private var strings: String
  private var rawCount: UInt32
  /// `UInt32.max`: the text is the raw target again, and is not stored twice.
  private var textCount: UInt32
  private var storedLine: UInt32
  private var rangeStart: UInt32
  /// `UInt32.max`: no byte range.
  private var rangeCount: UInt32
  /// -1: before the first heading.
  private var storedSourceSection: Int32
  /// The first of `targetSections` when it is one (most links name at most one section);
  /// -1: the sections, if any, are all in `rare`.
  private var firstSection: Int32
  private var storedColumn: UInt16
  /// `kind` (2 bits), then `isEmbed`, `annotationLeftOut` and `textLeftOut` (a bit each).
  private var kindAndFlags: UInt8
  /// `relation` (3 bits), then `state` (3 bits).
  private var relationAndState: UInt8

  // What resolution found.

  /// The note followed: the target, or the nearest candidate of an ambiguous link.
  public var target: String?
  private var rare: Rare?

  /// What few links carry. Never changed once made: a setter makes a new one.
  private final class Rare: Sendable, Hashable {
    let candidates: [String]
    let reason: String?
    let missingAnchor: String?
    /// Positions that do not fit (a note of over 4 GiB, a column past 65,534).
    let wide: Wide?
    /// The target sections after the first, or all of them when the first is not stored
    /// in the link (`firstSection`).
    let sections: [Int]

    struct Wide: Hashable {
      var line: Int
      var column: Int
      var byteRange: Range<Int>?
    }

    init(candidates: [String], reason: String?, missingAnchor: String?, wide: Wide?, sections: [Int]) {
      self.candidates = candidates
      self.reason = reason
      self.missingAnchor = missingAnchor
      self.wide = wide
      self.sections = sections
    }

    /// Nil when there is nothing to hold.
    static func make(
      candidates: [String], reason: String?, missingAnchor: String?, wide: Wide?, sections: [Int]
    ) -> Rare? {
      candidates.isEmpty && reason == nil && missingAnchor == nil && wide == nil && sections.isEmpty
        ? nil
        : Rare(candidates: candidates, reason: reason, missingAnchor: missingAnchor, wide: wide, sections: sections)
    }

    static func == (left: Rare, right: Rare) -> Bool {
      left === right
        || (left.candidates == right.candidates && left.reason == right.reason
          && left.missingAnchor == right.missingAnchor && left.wide == right.wide
          && left.sections == right.sections)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(candidates)
      hasher.combine(reason)
      hasher.combine(missingAnchor)
      hasher.combine(wide)
      hasher.combine(sections)
    }
  }

  public init(
    raw: String, kind: LinkKind, text: String = "", line: Int = 1, column: Int = 1,
    byteRange: Range<Int>? = nil, isEmbed: Bool = false, sourceSection: Int? = nil,
    annotation: String = "", relation: LinkRelation = .mentions
  ) {
    strings = ""
    rawCount = 0
    textCount = 0
    storedLine = 0
    storedColumn = 0
    firstSection = -1
    rangeStart = 0
    rangeCount = .max
    storedSourceSection = -1
    kindAndFlags = 0
    relationAndState = 0
    target = nil
    self.rare = nil
    self.kind = kind
    self.isEmbed = isEmbed
    self.relation = relation
    self.state = .broken
    setStrings(raw: raw, text: text, annotation: annotation)
    setPosition(line: line, column: column, byteRange: byteRange)
    self.sourceSection = sourceSection
  }

  // MARK: - What the parser saw

  private static let embedFlag: UInt8 = 4
  private static let leftOutFlag: UInt8 = 8
  private static let textLeftOutFlag: UInt8 = 16

  // Only the setters store codes, so the fallbacks are never taken.
  public var kind: LinkKind {
    get { LinkKind(code: kindAndFlags & 3) ?? .mention }
    set { kindAndFlags = kindAndFlags & ~3 | newValue.code }
  }

  /// `![[...]]` or `![](...)`: shown in place rather than followed.
  public var isEmbed: Bool {
    get { kindAndFlags & Self.embedFlag != 0 }
    set { kindAndFlags = newValue ? kindAndFlags | Self.embedFlag : kindAndFlags & ~Self.embedFlag }
  }

  public var relation: LinkRelation {
    get { LinkRelation(code: relationAndState & 7) ?? .mentions }
    set { relationAndState = relationAndState & ~7 | newValue.code }
  }

  /// What resolution found the target to be.
  public var state: LinkState {
    get { LinkState(code: relationAndState >> 3) ?? .broken }
    set { relationAndState = relationAndState & 7 | newValue.code << 3 }
  }

  /// Whether the annotation was left where the link was loaded from (a vault's cache)
  /// rather than kept in memory: `annotation` is then empty, and what needs it reads it
  /// back (`AnnotationStore`). Setting `annotation` keeps it again.
  public var annotationLeftOut: Bool { kindAndFlags & Self.leftOutFlag != 0 }

  /// Lets go of the annotation, which `annotationLeftOut` then says is kept elsewhere:
  /// a browser of 100,000 notes keeps 120 MB of them in its cache rather than in memory.
  public mutating func leaveOutAnnotation() {
    // The annotation is the end of `strings`: keep what comes before it, in one string.
    let kept = Int(rawCount) + (textCount == .max ? 0 : Int(textCount))
    if kept < strings.utf8.count { strings = slice(0, kept) }
    kindAndFlags |= Self.leftOutFlag
  }

  /// Whether the text was left where the link was loaded from (a vault's cache) rather
  /// than kept in memory: `text` is then empty. Nothing in the graph reads it; the browser
  /// shows the text of the note as read from its file. Setting `text` keeps it again.
  public var textLeftOut: Bool { kindAndFlags & Self.textLeftOutFlag != 0 }

  /// Lets go of the text, which `textLeftOut` then says is kept elsewhere: a browser of
  /// 100,000 notes keeps 32 MB of them in its cache rather than in memory.
  public mutating func leaveOutText() {
    if textCount == .max {
      // The text is the raw target, not stored apart: nothing to let go of but the count.
      textCount = 0
    } else if textCount > 0 {
      let utf8 = strings.utf8
      let textStart = utf8.index(utf8.startIndex, offsetBy: Int(rawCount))
      let textEnd = utf8.index(textStart, offsetBy: Int(textCount))
      var kept = String()
      kept.reserveCapacity(utf8.count - Int(textCount))
      kept += Substring(utf8[..<textStart])
      kept += Substring(utf8[textEnd...])
      strings = kept
      textCount = 0
    }
    kindAndFlags |= Self.textLeftOutFlag
  }

  /// Lets go of the text and the annotation at once, keeping the raw target alone (one
  /// string made at most), after handing the annotation's UTF-8 bytes to `annotation`:
  /// what a lean parse keeps of a link (`Note.leaveOutForGraph`).
  public mutating func leaveOutTextAndAnnotation(_ annotation: (UnsafeBufferPointer<UInt8>) -> Void) {
    let start = Int(rawCount) + (textCount == .max ? 0 : Int(textCount))
    let whole = strings.utf8.count
    let handed: Void? = strings.utf8.withContiguousStorageIfAvailable { bytes in
      annotation(UnsafeBufferPointer(rebasing: bytes[start..<whole]))
    }
    if handed == nil { Array(strings.utf8.dropFirst(start)).withUnsafeBufferPointer(annotation) }
    if Int(rawCount) < whole { strings = slice(0, Int(rawCount)) }
    textCount = 0
    kindAndFlags |= Self.leftOutFlag | Self.textLeftOutFlag
  }

  /// The section the link stands in, as an index into the source note's sections.
  public var sourceSection: Int? {
    get { storedSourceSection < 0 ? nil : Int(storedSourceSection) }
    set {
      // A note has far fewer than 2^31 headings; more would be read as none.
      storedSourceSection = newValue.flatMap { Int32(exactly: $0) } ?? -1
    }
  }

  /// The target exactly as written (`../threads/witness-ai.md#the-postern-door`, `Target#Heading`).
  public var raw: String {
    get { slice(0, Int(rawCount)) }
    set { setStrings(raw: newValue, text: text, annotation: annotation) }
  }

  /// The text shown for the link (empty when `textLeftOut`).
  public var text: String {
    get { textCount == .max ? raw : slice(Int(rawCount), Int(textCount)) }
    set {
      setStrings(raw: raw, text: newValue, annotation: annotation)
      kindAndFlags &= ~Self.textLeftOutFlag
    }
  }

  /// The rest of the list item or sentence after the link: where section mentions are read.
  public var annotation: String {
    get {
      let start = Int(rawCount) + (textCount == .max ? 0 : Int(textCount))
      return slice(start, strings.utf8.count - start)
    }
    set {
      setStrings(raw: raw, text: text, annotation: newValue)
      kindAndFlags &= ~Self.leftOutFlag
    }
  }

  /// Line (1-based) and column (1-based, UTF-8 bytes) of the link's first byte.
  public var line: Int {
    get { rare?.wide?.line ?? Int(storedLine) }
    set { setPosition(line: newValue, column: column, byteRange: byteRange) }
  }
  public var column: Int {
    get { rare?.wide?.column ?? Int(storedColumn) }
    set { setPosition(line: line, column: newValue, byteRange: byteRange) }
  }
  /// Byte range of the whole link in the file, when it has one (front matter links do not).
  public var byteRange: Range<Int>? {
    get {
      if let wide = rare?.wide { return wide.byteRange }
      return rangeCount == .max ? nil : Int(rangeStart)..<(Int(rangeStart) + Int(rangeCount))
    }
    set { setPosition(line: line, column: column, byteRange: newValue) }
  }

  // MARK: - What resolution found

  /// Sections of the target this link points at: its anchor, then sections named in the annotation.
  public var targetSections: [Int] {
    get {
      guard firstSection >= 0 else { return rare?.sections ?? [] }
      guard let more = rare?.sections, !more.isEmpty else { return [Int(firstSection)] }
      return [Int(firstSection)] + more
    }
    set {
      if let first = newValue.first, first >= 0, let stored = Int32(exactly: first) {
        firstSection = stored
        setRare(sections: Array(newValue.dropFirst()))
      } else {
        firstSection = -1
        setRare(sections: newValue)
      }
    }
  }

  /// Whether `targetSections` holds `section`, without making the list.
  public func targetsSection(_ section: Int) -> Bool {
    (firstSection >= 0 && Int(firstSection) == section) || (rare?.sections.contains(section) ?? false)
  }

  /// Every matching note, for ambiguous links.
  public var candidates: [String] {
    get { rare?.candidates ?? [] }
    set { setRare(candidates: newValue) }
  }
  /// Why a link is broken, in a few words.
  public var reason: String? {
    get { rare?.reason }
    set { setRare(reason: .some(newValue)) }
  }
  /// The heading that was asked for and not found, when the note itself was.
  public var missingAnchor: String? {
    get { rare?.missingAnchor }
    set { setRare(missingAnchor: .some(newValue)) }
  }

  /// Replaces the string holding `raw` and `text` by the one `pooled` gives for it (the
  /// same bytes), when the link has no annotation and they are too long to be held in
  /// the link itself (over 15 bytes).
  fileprivate mutating func shareStrings(_ pooled: (String) -> String) {
    let annotationStart = Int(rawCount) + (textCount == .max ? 0 : Int(textCount))
    guard annotationStart == strings.utf8.count, annotationStart > 15 else { return }
    strings = pooled(strings)
  }

  /// Calls `body` with the UTF-8 bytes of `raw` where they are stored, without making a
  /// string: for passes over every link of a vault.
  public func withRawUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let count = Int(rawCount)
    if let result = strings.utf8.withContiguousStorageIfAvailable({ body(UnsafeBufferPointer(rebasing: $0[..<count])) }) {
      return result
    }
    return Array(raw.utf8).withUnsafeBufferPointer(body)
  }

  // MARK: - Storage

  /// `count` bytes of `strings` from `start`, the whole string without a copy.
  private func slice(_ start: Int, _ count: Int) -> String {
    if start == 0 && count == strings.utf8.count { return strings }
    let utf8 = strings.utf8
    let from = utf8.index(utf8.startIndex, offsetBy: start)
    return String(Substring(utf8[from..<utf8.index(from, offsetBy: count)]))
  }

  private mutating func setStrings(raw: String, text: String, annotation: String) {
    // Counts past 32 bits cannot be stored: such a string would be 4 GiB.
    precondition(raw.utf8.count < UInt32.max && text.utf8.count < UInt32.max, "a link of over 4 GiB")
    rawCount = UInt32(raw.utf8.count)
    let sameText = text == raw
    textCount = sameText ? .max : UInt32(text.utf8.count)
    if sameText && annotation.isEmpty {
      strings = raw
    } else if raw.isEmpty && annotation.isEmpty {
      strings = text
    } else if raw.isEmpty && sameText {
      strings = annotation
    } else {
      strings = sameText ? raw + annotation : raw + text + annotation
    }
  }

  private mutating func setPosition(line: Int, column: Int, byteRange: Range<Int>?) {
    let narrow =
      UInt32(exactly: line).map { $0 != .max } == true && UInt16(exactly: column) != nil
      && byteRange.map { range in
        UInt32(exactly: range.lowerBound) != nil && UInt32(exactly: range.count).map { $0 != .max } == true
      } ?? true
    storedLine = narrow ? UInt32(line) : 0
    storedColumn = narrow ? UInt16(column) : 0
    rangeStart = narrow ? UInt32(byteRange?.lowerBound ?? 0) : 0
    rangeCount = narrow ? byteRange.map { UInt32($0.count) } ?? .max : .max
    let wide = narrow ? nil : Rare.Wide(line: line, column: column, byteRange: byteRange)
    if wide != rare?.wide { setRare(wide: .some(wide)) }
  }

  private mutating func setRare(
    candidates: [String]? = nil, reason: String?? = nil, missingAnchor: String?? = nil,
    wide: Rare.Wide?? = nil, sections: [Int]? = nil
  ) {
    // Most links have none of these: clearing what is not there changes nothing.
    if rare == nil, candidates?.isEmpty ?? true, (reason ?? nil) == nil, (missingAnchor ?? nil) == nil,
      (wide ?? nil) == nil, sections?.isEmpty ?? true
    {
      return
    }
    rare = Rare.make(
      candidates: candidates ?? self.candidates, reason: reason ?? self.reason,
      missingAnchor: missingAnchor ?? self.missingAnchor, wide: wide ?? rare?.wide,
      sections: sections ?? rare?.sections ?? [])
  }

  // Equal when every property is: how the strings are shared does not count.
  public static func == (left: Link, right: Link) -> Bool {
    left.raw == right.raw && left.text == right.text && left.annotation == right.annotation
      && left.storedLine == right.storedLine && left.storedColumn == right.storedColumn
      && left.rangeStart == right.rangeStart && left.rangeCount == right.rangeCount
      && left.storedSourceSection == right.storedSourceSection && left.firstSection == right.firstSection
      && left.kindAndFlags == right.kindAndFlags && left.relationAndState == right.relationAndState
      && left.target == right.target
      && left.rare == right.rare
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(raw)
    hasher.combine(text)
    hasher.combine(annotation)
    hasher.combine(line)
    hasher.combine(column)
    hasher.combine(byteRange)
    hasher.combine(sourceSection)
    hasher.combine(kindAndFlags)
    hasher.combine(relationAndState)
    hasher.combine(state)
    hasher.combine(target)
    hasher.combine(targetSections)
    hasher.combine(candidates)
    hasher.combine(reason)
    hasher.combine(missingAnchor)
  }

  /// The target part before the first `#`, as written.
  public var rawPath: String {
    guard let hash = raw.utf8Offset(of: UInt8(ascii: "#")) else { return raw }
    return String(raw[..<raw.utf8Index(hash)])
  }

  /// The anchor components after `#` (`[[T#A#B]]` gives `["A", "B"]`).
  public var rawAnchors: [String] {
    guard let hash = raw.utf8Offset(of: UInt8(ascii: "#")) else { return [] }
    return raw[raw.utf8Index(hash + 1)...].splitting(atASCII: UInt8(ascii: "#")).map(String.init)
  }

  /// Whether the link is an edge of the graph: it leads to a note.
  public var isEdge: Bool { (state == .resolved || state == .ambiguous) && target != nil }
}

/// The strings of links and headings loaded together, kept once each: many links of a
/// vault are written alike (`[[Sleeper agents]]`, the same path from many notes), and a
/// load that shares them keeps one copy of each (at 100,000 generated notes, 0.8 million
/// strings where there were 1.7 million).
///
/// Strings are matched byte for byte, never by Unicode equivalence: a link's counts are
/// of its bytes.
public struct LinkStringPool: Sendable {
  /// A string hashed and compared by its UTF-8 bytes.
  private struct Bytes: Hashable, Sendable {
    var string: String

    static func == (left: Bytes, right: Bytes) -> Bool {
      var (left, right) = (left.string, right.string)
      return left.withUTF8 { a in
        right.withUTF8 { b in
          guard a.count == b.count else { return false }
          guard let first = a.baseAddress, let second = b.baseAddress else { return true }
          return memcmp(first, second, a.count) == 0
        }
      }
    }

    func hash(into hasher: inout Hasher) {
      var string = string
      string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  private var strings: Set<Bytes>

  /// - Parameter capacity: how many distinct strings to make room for.
  public init(capacity: Int = 0) { strings = Set(minimumCapacity: capacity) }

  /// Gives the link the storage of an equal link's strings met before, or keeps its own
  /// for the next. A link with an annotation keeps its own (annotations rarely repeat).
  public mutating func share(_ link: inout Link) {
    link.shareStrings { intern($0) }
  }

  /// Gives the section the storage of an equal title and anchor met before. Most headings
  /// of a vault repeat from note to note (a finding's *Interpretive tensions*): at 100,000
  /// generated notes, 5,700 distinct long titles where there were 178,000.
  public mutating func share(_ section: inout Section) {
    // Up to 15 bytes a string is held in place: nothing to share.
    if section.title.utf8.count > 15 { section.title = intern(section.title) }
    if section.anchor.utf8.count > 15 { section.anchor = intern(section.anchor) }
  }

  private mutating func intern(_ string: String) -> String {
    strings.insert(Bytes(string: string)).memberAfterInsert.string
  }
}
