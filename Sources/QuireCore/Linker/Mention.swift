/// How sure the linker is that a piece of prose names a note.
public enum MentionConfidence: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
  /// A looser form of the title: the part before a colon, the title without a trailing
  /// parenthesis.
  case fuzzy
  /// The note's file name, as words (`witness-ai`).
  case stem
  /// One of the note's `aliases`.
  case alias
  /// The note's title (or a section's heading), a leading article aside.
  case exact

  /// The name used on the command line (`--min-confidence stem`).
  public var name: String {
    switch self {
    case .fuzzy: "fuzzy"
    case .stem: "stem"
    case .alias: "alias"
    case .exact: "exact"
    }
  }

  /// Reads a name as `name` gives it.
  public init?(name: String) {
    guard let found = Self.allCases.first(where: { $0.name == name.lowercased() }) else {
      return nil
    }
    self = found
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Prose in one note that names another note (or a section of one) without linking it.
public struct Mention: Sendable, Hashable {
  /// The note the prose is in.
  public var source: String
  /// Line (1-based) and column (1-based, UTF-8 bytes) of the first byte of `text`.
  public var line: Int
  public var column: Int
  /// Byte range of the matched words in the file.
  public var byteRange: Range<Int>
  /// The matched text as written.
  public var text: String
  /// The note named.
  public var target: String
  /// The section of the target named, for section mentions.
  public var targetSection: Int?
  public var confidence: MentionConfidence
  /// The section of the source note the mention stands in.
  public var sourceSection: Int?
  /// Other notes the same words name equally well; empty unless the mention is ambiguous.
  public var alternatives: [String]
  /// Notes the same words name less surely (a title's loose form where another's title matches).
  public var weaker: [String] = []

  public init(
    source: String, line: Int, column: Int, byteRange: Range<Int>, text: String, target: String,
    targetSection: Int? = nil, confidence: MentionConfidence, sourceSection: Int? = nil,
    alternatives: [String] = []
  ) {
    self.source = source
    self.line = line
    self.column = column
    self.byteRange = byteRange
    self.text = text
    self.target = target
    self.targetSection = targetSection
    self.confidence = confidence
    self.sourceSection = sourceSection
    self.alternatives = alternatives
  }

  /// Whether several notes answer to the words equally well.
  public var isAmbiguous: Bool { !alternatives.isEmpty }
}
