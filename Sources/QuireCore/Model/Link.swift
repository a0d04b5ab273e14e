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
public struct Link: Sendable, Hashable, Codable {
  // What the parser saw.

  /// The section the link stands in, as an index into the source note's sections.
  public var sourceSection: Int?
  /// The target exactly as written (`../threads/witness-ai.md#the-postern-door`, `Target#Heading`).
  public var raw: String
  public var kind: LinkKind
  /// `![[...]]` or `![](...)`: shown in place rather than followed.
  public var isEmbed: Bool
  /// The text shown for the link.
  public var text: String
  /// Line (1-based) and column (1-based, UTF-8 bytes) of the link's first byte.
  public var line: Int
  public var column: Int
  /// Byte range of the whole link in the file, when it has one (front matter links do not).
  public var byteRange: Range<Int>?
  /// The rest of the list item or sentence after the link: where section mentions are read.
  public var annotation: String
  public var relation: LinkRelation

  // What resolution found.

  public var state: LinkState
  /// The note followed: the target, or the nearest candidate of an ambiguous link.
  public var target: String?
  /// Every matching note, for ambiguous links.
  public var candidates: [String]
  /// Sections of the target this link points at: its anchor, then sections named in the annotation.
  public var targetSections: [Int]
  /// Why a link is broken, in a few words.
  public var reason: String?
  /// The heading that was asked for and not found, when the note itself was.
  public var missingAnchor: String?

  public init(
    raw: String, kind: LinkKind, text: String = "", line: Int = 1, column: Int = 1,
    byteRange: Range<Int>? = nil, isEmbed: Bool = false, sourceSection: Int? = nil,
    annotation: String = "", relation: LinkRelation = .mentions
  ) {
    self.raw = raw
    self.kind = kind
    self.text = text
    self.line = line
    self.column = column
    self.byteRange = byteRange
    self.isEmbed = isEmbed
    self.sourceSection = sourceSection
    self.annotation = annotation
    self.relation = relation
    self.state = .broken
    self.target = nil
    self.candidates = []
    self.targetSections = []
    self.reason = nil
    self.missingAnchor = nil
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
