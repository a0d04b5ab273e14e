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

/// One link found in a note, with where it points once resolved.
///
/// A large vault holds millions of these, so the stored form is compact and the public
/// properties read and write it: the three strings the parser saw share one string, the
/// positions are 32-bit, and what few links have (candidates, a reason, a missing anchor,
/// positions past 4 GiB) sits in a box the others leave empty. At 100,000 notes that is
/// 80 bytes a link instead of 184, and one string where there were up to three.
public struct Link: Sendable, Hashable {
  /// `raw`, then `text` unless it is the same as `raw`, then `annotation`.
  private var strings: String
  private var rawCount: UInt32
  /// `UInt32.max`: the text is the raw target again, and is not stored twice.
  private var textCount: UInt32
  private var storedLine: UInt32
  private var storedColumn: UInt32
  private var rangeStart: UInt32
  /// `UInt32.max`: no byte range.
  private var rangeCount: UInt32
  /// -1: before the first heading.
  private var storedSourceSection: Int32
  public var kind: LinkKind
  /// `isEmbed` and `annotationLeftOut`, one bit each.
  private var flags: UInt8
  public var relation: LinkRelation

  // What resolution found.

  public var state: LinkState
  /// The note followed: the target, or the nearest candidate of an ambiguous link.
  public var target: String?
  /// Sections of the target this link points at: its anchor, then sections named in the annotation.
  public var targetSections: [Int]
  private var rare: Rare?

  /// What few links carry. Never changed once made: a setter makes a new one.
  private final class Rare: Sendable, Hashable {
    let candidates: [String]
    let reason: String?
    let missingAnchor: String?
    /// Positions that do not fit in 32 bits (a note of over 4 GiB).
    let wide: Wide?

    struct Wide: Hashable {
      var line: Int
      var column: Int
      var byteRange: Range<Int>?
    }

    init(candidates: [String], reason: String?, missingAnchor: String?, wide: Wide?) {
      self.candidates = candidates
      self.reason = reason
      self.missingAnchor = missingAnchor
      self.wide = wide
    }

    /// Nil when there is nothing to hold.
    static func make(candidates: [String], reason: String?, missingAnchor: String?, wide: Wide?) -> Rare? {
      candidates.isEmpty && reason == nil && missingAnchor == nil && wide == nil
        ? nil : Rare(candidates: candidates, reason: reason, missingAnchor: missingAnchor, wide: wide)
    }

    static func == (left: Rare, right: Rare) -> Bool {
      left === right
        || (left.candidates == right.candidates && left.reason == right.reason
          && left.missingAnchor == right.missingAnchor && left.wide == right.wide)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(candidates)
      hasher.combine(reason)
      hasher.combine(missingAnchor)
      hasher.combine(wide)
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
    rangeStart = 0
    rangeCount = .max
    storedSourceSection = -1
    self.kind = kind
    self.flags = isEmbed ? Self.embedFlag : 0
    self.relation = relation
    self.state = .broken
    self.target = nil
    self.targetSections = []
    self.rare = nil
    setStrings(raw: raw, text: text, annotation: annotation)
    setPosition(line: line, column: column, byteRange: byteRange)
    self.sourceSection = sourceSection
  }

  // MARK: - What the parser saw

  private static let embedFlag: UInt8 = 1
  private static let leftOutFlag: UInt8 = 2

  /// `![[...]]` or `![](...)`: shown in place rather than followed.
  public var isEmbed: Bool {
    get { flags & Self.embedFlag != 0 }
    set { flags = newValue ? flags | Self.embedFlag : flags & ~Self.embedFlag }
  }

  /// Whether the annotation was left where the link was loaded from (a vault's cache)
  /// rather than kept in memory: `annotation` is then empty, and what needs it reads it
  /// back (`AnnotationStore`). Setting `annotation` keeps it again.
  public var annotationLeftOut: Bool { flags & Self.leftOutFlag != 0 }

  /// Lets go of the annotation, which `annotationLeftOut` then says is kept elsewhere:
  /// a browser of 100,000 notes keeps 120 MB of them in its cache rather than in memory.
  public mutating func leaveOutAnnotation() {
    if !annotation.isEmpty { setStrings(raw: raw, text: text, annotation: "") }
    flags |= Self.leftOutFlag
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

  /// The text shown for the link.
  public var text: String {
    get { textCount == .max ? raw : slice(Int(rawCount), Int(textCount)) }
    set { setStrings(raw: raw, text: newValue, annotation: annotation) }
  }

  /// The rest of the list item or sentence after the link: where section mentions are read.
  public var annotation: String {
    get {
      let start = Int(rawCount) + (textCount == .max ? 0 : Int(textCount))
      return slice(start, strings.utf8.count - start)
    }
    set {
      setStrings(raw: raw, text: text, annotation: newValue)
      flags &= ~Self.leftOutFlag
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

  // MARK: - What resolution found, on few links

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
      UInt32(exactly: line).map { $0 != .max } == true && UInt32(exactly: column) != nil
      && byteRange.map { range in
        UInt32(exactly: range.lowerBound) != nil && UInt32(exactly: range.count).map { $0 != .max } == true
      } ?? true
    storedLine = narrow ? UInt32(line) : 0
    storedColumn = narrow ? UInt32(column) : 0
    rangeStart = narrow ? UInt32(byteRange?.lowerBound ?? 0) : 0
    rangeCount = narrow ? byteRange.map { UInt32($0.count) } ?? .max : .max
    let wide = narrow ? nil : Rare.Wide(line: line, column: column, byteRange: byteRange)
    if wide != rare?.wide { setRare(wide: .some(wide)) }
  }

  private mutating func setRare(
    candidates: [String]? = nil, reason: String?? = nil, missingAnchor: String?? = nil,
    wide: Rare.Wide?? = nil
  ) {
    rare = Rare.make(
      candidates: candidates ?? self.candidates, reason: reason ?? self.reason,
      missingAnchor: missingAnchor ?? self.missingAnchor, wide: wide ?? rare?.wide)
  }

  // Equal when every property is: how the strings are shared does not count.
  public static func == (left: Link, right: Link) -> Bool {
    left.raw == right.raw && left.text == right.text && left.annotation == right.annotation
      && left.storedLine == right.storedLine && left.storedColumn == right.storedColumn
      && left.rangeStart == right.rangeStart && left.rangeCount == right.rangeCount
      && left.storedSourceSection == right.storedSourceSection && left.kind == right.kind
      && left.flags == right.flags && left.relation == right.relation && left.state == right.state
      && left.target == right.target && left.targetSections == right.targetSections
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
    hasher.combine(kind)
    hasher.combine(flags)
    hasher.combine(relation)
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

/// The strings of links loaded together, kept once each: many links of a vault are written
/// alike (`[[Sleeper agents]]`, the same path from many notes), and a load that shares
/// them keeps one copy of each (at 100,000 generated notes, 0.8 million strings where
/// there were 1.7 million).
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
    link.shareStrings { strings.insert(Bytes(string: $0)).memberAfterInsert.string }
  }
}
