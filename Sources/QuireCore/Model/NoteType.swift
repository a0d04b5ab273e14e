/// The kind of a note, from its `type:` field, else its folder, else its file name.
public enum NoteType: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
  case finding, concept, thread, source, lens, researcher
  /// Anything that is none of the typed kinds: an index page, a daily note, a README.
  case page

  /// Reads a `type:` value, tolerating case and plural forms (`Findings`, `lenses`).
  public init?(field: String) {
    let word = field.trimmed.lowercased()
    switch word {
    case "finding", "findings": self = .finding
    case "concept", "concepts": self = .concept
    case "thread", "threads": self = .thread
    case "source", "sources", "source-stub": self = .source
    case "lens", "lenses": self = .lens
    case "researcher", "researchers", "person", "people": self = .researcher
    case "page", "note", "pages", "notes": self = .page
    default: return nil
    }
  }

  /// The type a note gets from where it lives when it has no `type:` field.
  ///
  /// The nearest typed folder wins (`findings/`, `concepts/`, ...); a file named
  /// `source-*.md` anywhere is a source stub.
  public static func inferred(fromPath path: String) -> NoteType {
    if let type = inferredFromASCII(path) { return type }
    let parts = path.split(separator: "/").map(String.init)
    if let file = parts.last, file.lowercased().hasPrefix("source-") { return .source }
    for folder in parts.dropLast().reversed() {
      let name = folder.lowercased()
      if let type = folderTypes.first(where: { $0.name.description == name })?.type { return type }
    }
    return .page
  }

  /// `inferred(fromPath:)` for an ASCII path, read from its bytes (splitting by characters
  /// and lowercasing each part cost more than the rest of the type's work); nil otherwise.
  private static func inferredFromASCII(_ path: String) -> NoteType? {
    path.utf8.withContiguousStorageIfAvailable { bytes -> NoteType? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      let slash = UInt8(ascii: "/")
      var end = bytes.count
      while end > 0, bytes[end - 1] == slash { end -= 1 }
      guard end > 0 else { return .page }
      var start = end
      while start > 0, bytes[start - 1] != slash { start -= 1 }
      if equalsLowered(bytes[start..<min(end, start + 7)], "source-") { return .source }
      end = start
      while end > 0 {
        while end > 0, bytes[end - 1] == slash { end -= 1 }
        start = end
        while start > 0, bytes[start - 1] != slash { start -= 1 }
        let folder = bytes[start..<end]
        for (name, type) in folderTypes where equalsLowered(folder, name) { return type }
        end = start
      }
      return .page
    } ?? nil
  }

  /// The typed folders, by their lower-case names.
  private static let folderTypes: [(name: StaticString, type: NoteType)] = [
    ("findings", .finding), ("concepts", .concept), ("threads", .thread), ("sources", .source),
    ("lenses", .lens), ("researchers", .researcher),
  ]

  /// Whether ASCII bytes, lowercased, spell `word`.
  private static func equalsLowered(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ word: StaticString) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    return zip(bytes, letters).allSatisfy { byte, letter in
      (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == letter
    }
  }

  /// A plural label for grouping, as a navigator shows it.
  public var plural: String {
    switch self {
    case .finding: "Findings"
    case .concept: "Concepts"
    case .thread: "Threads"
    case .source: "Sources"
    case .lens: "Lenses"
    case .researcher: "Researchers"
    case .page: "Pages"
    }
  }

  /// The fields FORMAT.md requires for this type, besides `title` and `writers`.
  public var requiredFields: [String] {
    switch self {
    case .finding: ["date", "models", "source", "status", "lenses"]
    case .concept: ["status", "lenses"]
    case .thread: ["status", "essay"]
    case .source: ["authors", "date", "venue", "url"]
    case .lens: ["status"]
    case .researcher, .page: []
    }
  }

  /// The sections FORMAT.md lists for this type, in their usual order.
  public var typicalSections: [String] {
    switch self {
    case .finding:
      [
        "Summary", "Method", "Key results", "Why it matters", "Lens notes",
        "Interpretive tensions", "Concepts", "Threads", "Sources",
      ]
    case .concept:
      [
        "Definition", "Instantiating findings", "What this concept is not", "Lens notes",
        "Scope note",
      ]
    case .lens:
      [
        "What this lens is", "What this lens does", "What this lens does not do",
        "Findings visible through this lens", "Concepts engaging this lens",
        "Interpretive discipline",
      ]
    case .thread: ["Thesis", "Open questions", "Sources"]
    case .source, .researcher, .page: []
    }
  }

  public static func < (lhs: NoteType, rhs: NoteType) -> Bool {
    let order = NoteType.allCases
    return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
  }
}
