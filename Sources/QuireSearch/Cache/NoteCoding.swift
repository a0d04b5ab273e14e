import Foundation
import QuireCore

/// How parsed notes are stored in the cache: a compact binary form, versioned.
///
/// Notes are stored without their section texts (those live in the full-text table), so
/// a reopened vault does not hold every note's text in memory, and without their time
/// (kept in its own column), so that the bytes depend on the content only.
///
/// The first byte is `version`. Change it whenever the layout changes (and bump
/// `IndexSchema.formatVersion`, so that old caches are rebuilt with a notice); a row
/// with another version fails to decode and its note is parsed again. Enumerations are
/// written as small codes through exhaustive switches, so a new case in QuireCore does
/// not compile until it has a code here.
enum NoteCoding {
  /// The layout's version, the first byte of every stored note.
  static let version: UInt8 = 2

  /// Why stored bytes are not a note.
  enum Failure: Error {
    case version(UInt8)
    case trailingBytes
    case unknownCode(String, UInt8)
    case tooDeep
  }

  /// The note as stored.
  static func encode(_ note: Note) -> Data {
    var writer = ByteWriter(capacity: 512 + note.links.count * 96)
    writer.byte(version)
    writer.string(note.id)
    writer.byte(code(note.type))
    writer.string(note.title)
    writer.bool(note.hasExplicitTitle)
    write(note.frontMatter, to: &writer)
    writer.strings(note.aliases)
    writer.strings(note.tags)
    writer.optionalString(note.status)
    writer.optionalString(note.date)
    writer.unsigned(UInt64(note.sections.count))
    for section in note.sections { write(section, to: &writer) }
    writer.unsigned(UInt64(note.links.count))
    for link in note.links { write(link, to: &writer) }
    writer.unsigned(UInt64(note.diagnostics.count))
    for diagnostic in note.diagnostics { write(diagnostic, to: &writer) }
    writer.int(note.byteCount)
    writer.int(note.lineCount)
    writer.int(note.bodyLine)
    return Data(writer.bytes)
  }

  /// A stored note, given back its modification time.
  ///
  /// - Parameters:
  ///   - names: the ids of the notes stored with this one: the note's id and its links'
  ///     targets share their storage (`InternedNames`).
  ///   - lean: what the graph does not read stays out: the links' annotations
  ///     (`Link.annotationLeftOut`) and texts (`Link.textLeftOut`), and the front matter
  ///     but for the fields the graph reads (`Note.frontMatterLeftOut`). `decode`
  ///     without it reads them back.
  static func decode(
    _ data: Data, modified: Double, names: InternedNames? = nil, lean: Bool = false
  ) throws -> Note {
    try data.withUnsafeBytes { buffer in
      var reader = ByteReader(buffer)
      let stored = try reader.byte()
      guard stored == version else { throw Failure.version(stored) }
      var note = Note(id: try reader.string(in: names))
      note.type = try noteType(try reader.byte())
      note.title = try reader.string()
      note.hasExplicitTitle = try reader.bool()
      if lean {
        // Fields left out are stepped over, never made.
        note.frontMatter = try frontMatter(&reader, depth: 0, keeping: Note.graphFields)
        note.leaveOutFrontMatter()
      } else {
        note.frontMatter = try frontMatter(&reader, depth: 0)
      }
      note.aliases = try reader.strings()
      note.tags = try reader.strings()
      note.status = try reader.optionalString()
      note.date = try reader.optionalString()
      note.sections = try list(&reader) { try section(&$0) }
      note.links = try list(&reader) { try link(&$0, names: names, lean: lean) }
      note.diagnostics = try list(&reader) { try diagnostic(&$0) }
      note.byteCount = try reader.int()
      note.lineCount = try reader.int()
      note.bodyLine = try reader.int()
      note.modified = modified
      guard reader.isAtEnd else { throw Failure.trailingBytes }
      return note
    }
  }

  /// A hash of what a note says (its stored bytes and its text), ignoring when the file
  /// was written: a file touched but not changed keeps its hash and is not indexed again.
  static func contentHash(of note: Note, encoded: Data) -> Int64 {
    var hash = encoded.withUnsafeBytes { StableHash.fnv1a($0) }
    for text in note.texts {
      var copy = text.text
      hash ^= copy.withUTF8 { StableHash.fnv1a($0) } &+ UInt64(bitPattern: Int64(text.section ?? -1))
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return Int64(bitPattern: hash)
  }

  // MARK: - Parts

  private static func list<T>(
    _ reader: inout ByteReader, _ element: (inout ByteReader) throws -> T
  ) throws -> [T] {
    let count = try reader.count()
    var values: [T] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try element(&reader)) }
    return values
  }

  private static func write(_ section: Section, to writer: inout ByteWriter) {
    writer.int(section.index)
    writer.string(section.title)
    writer.int(section.level)
    writer.string(section.anchor)
    writer.int(section.line)
    writer.int(section.endLine)
    writer.optionalInt(section.parent)
  }

  private static func section(_ reader: inout ByteReader) throws -> Section {
    Section(
      index: try reader.int(), title: try reader.string(), level: try reader.int(),
      anchor: try reader.string(), line: try reader.int(), endLine: try reader.int(),
      parent: try reader.optionalInt())
  }

  private static func write(_ link: Link, to writer: inout ByteWriter) {
    writer.optionalInt(link.sourceSection)
    writer.string(link.raw)
    writer.byte(link.kind.code)
    writer.bool(link.isEmbed)
    writer.string(link.text)
    writer.int(link.line)
    writer.int(link.column)
    if let range = link.byteRange {
      writer.byte(1)
      writer.int(range.lowerBound)
      writer.int(range.upperBound - range.lowerBound)
    } else {
      writer.byte(0)
    }
    writer.string(link.annotation)
    writer.byte(link.relation.code)
    writer.byte(link.state.code)
    writer.optionalString(link.target)
    writer.strings(link.candidates)
    writer.ints(link.targetSections)
    writer.optionalString(link.reason)
    writer.optionalString(link.missingAnchor)
  }

  private static func link(
    _ reader: inout ByteReader, names: InternedNames?, lean: Bool
  ) throws -> Link {
    let sourceSection = try reader.optionalInt()
    let raw = try reader.string()
    let kind = try decoded(LinkKind.init(code:), "link kind", try reader.byte())
    let isEmbed = try reader.bool()
    // A link shown as written (`[[stem]]`) keeps one string for both. An empty text is
    // not left out: nothing needs to read it back.
    let text = lean ? "" : try reader.string(sameAs: raw)
    let textLeftOut = lean ? try reader.skipString() : false
    let line = try reader.int()
    let column = try reader.int()
    var byteRange: Range<Int>? = nil
    if try reader.bool() {
      let lower = try reader.int()
      let length = try reader.int()
      guard length >= 0, lower <= Int.max - length else { throw ByteReader.Failure.malformed("range") }
      byteRange = lower..<(lower + length)
    }
    let annotation = lean ? "" : try reader.string()
    let leftOut = lean ? try reader.skipString() : false
    var link = Link(
      raw: raw, kind: kind, text: text, line: line, column: column, byteRange: byteRange,
      isEmbed: isEmbed, sourceSection: sourceSection, annotation: annotation,
      relation: try decoded(LinkRelation.init(code:), "link relation", try reader.byte()))
    if leftOut { link.leaveOutAnnotation() }
    if textLeftOut { link.leaveOutText() }
    link.state = try decoded(LinkState.init(code:), "link state", try reader.byte())
    link.target = try reader.bool() ? try reader.string(in: names) : nil
    let candidates = try reader.count()
    link.candidates.reserveCapacity(candidates)
    for _ in 0..<candidates { link.candidates.append(try reader.string(in: names)) }
    link.targetSections = try reader.ints()
    link.reason = try reader.optionalString()
    link.missingAnchor = try reader.optionalString()
    return link
  }

  private static func write(_ diagnostic: Diagnostic, to writer: inout ByteWriter) {
    writer.string(diagnostic.path)
    writer.int(diagnostic.line)
    writer.int(diagnostic.column)
    writer.byte(code(diagnostic.severity))
    writer.string(diagnostic.message)
    writer.string(diagnostic.rule)
  }

  private static func diagnostic(_ reader: inout ByteReader) throws -> Diagnostic {
    let path = try reader.string()
    let line = try reader.int()
    let column = try reader.int()
    let severity = try severity(try reader.byte())
    return Diagnostic(
      path: path, line: line, column: column, severity: severity, message: try reader.string(),
      rule: try reader.string())
  }

  // MARK: - Front matter

  /// Front matter nests (maps in lists in maps); deeper than this is damage, not YAML.
  private static let maxDepth = 64

  private static func write(_ frontMatter: FrontMatter, to writer: inout ByteWriter) {
    writer.unsigned(UInt64(frontMatter.entries.count))
    for entry in frontMatter.entries {
      writer.string(entry.key)
      write(entry.value, to: &writer)
    }
  }

  private static func frontMatter(_ reader: inout ByteReader, depth: Int) throws -> FrontMatter {
    guard depth < maxDepth else { throw Failure.tooDeep }
    return FrontMatter(
      try list(&reader) { reader in
        FrontMatter.Entry(key: try reader.string(), value: try value(&reader, depth: depth + 1))
      })
  }

  /// The top-level fields whose lower-cased keys are in `keys`; the others are stepped over.
  private static func frontMatter(
    _ reader: inout ByteReader, depth: Int, keeping keys: Set<String>
  ) throws -> FrontMatter {
    var kept: [FrontMatter.Entry] = []
    for _ in 0..<(try reader.count()) {
      let key = try reader.string()
      if keys.contains(key.lowercased()) {
        kept.append(FrontMatter.Entry(key: key, value: try value(&reader, depth: depth + 1)))
      } else {
        try skipValue(&reader, depth: depth + 1)
      }
    }
    return FrontMatter(kept)
  }

  private static func skipValue(_ reader: inout ByteReader, depth: Int) throws {
    guard depth < maxDepth else { throw Failure.tooDeep }
    let tag = try reader.byte()
    switch tag {
    case 0, 1, 2: break
    case 3: _ = try reader.int()
    case 4: _ = try reader.double()
    case 5: _ = try reader.skipString()
    case 6: for _ in 0..<(try reader.count()) { try skipValue(&reader, depth: depth + 1) }
    case 7:
      // As deep as `value` would go: a map is one level, its values the next.
      guard depth + 1 < maxDepth else { throw Failure.tooDeep }
      for _ in 0..<(try reader.count()) {
        _ = try reader.skipString()
        try skipValue(&reader, depth: depth + 2)
      }
    default: throw Failure.unknownCode("front matter value", tag)
    }
  }

  private static func write(_ value: FrontMatterValue, to writer: inout ByteWriter) {
    switch value {
    case .null:
      writer.byte(0)
    case .bool(let flag):
      writer.byte(flag ? 2 : 1)
    case .int(let number):
      writer.byte(3)
      writer.int(number)
    case .double(let number):
      writer.byte(4)
      writer.double(number)
    case .string(let text):
      writer.byte(5)
      writer.string(text)
    case .list(let items):
      writer.byte(6)
      writer.unsigned(UInt64(items.count))
      for item in items { write(item, to: &writer) }
    case .map(let map):
      writer.byte(7)
      write(map, to: &writer)
    }
  }

  private static func value(_ reader: inout ByteReader, depth: Int) throws -> FrontMatterValue {
    guard depth < maxDepth else { throw Failure.tooDeep }
    let tag = try reader.byte()
    switch tag {
    case 0: return .null
    case 1: return .bool(false)
    case 2: return .bool(true)
    case 3: return .int(try reader.int())
    case 4: return .double(try reader.double())
    case 5: return .string(try reader.string())
    case 6: return .list(try list(&reader) { try value(&$0, depth: depth + 1) })
    case 7: return .map(try frontMatter(&reader, depth: depth + 1))
    default: throw Failure.unknownCode("front matter value", tag)
    }
  }

  // MARK: - Enumerations as codes

  private static func code(_ type: NoteType) -> UInt8 {
    switch type {
    case .finding: 0
    case .concept: 1
    case .thread: 2
    case .source: 3
    case .lens: 4
    case .researcher: 5
    case .page: 6
    }
  }

  private static func noteType(_ code: UInt8) throws -> NoteType {
    switch code {
    case 0: .finding
    case 1: .concept
    case 2: .thread
    case 3: .source
    case 4: .lens
    case 5: .researcher
    case 6: .page
    default: throw Failure.unknownCode("note type", code)
    }
  }

  /// A stored code read back through `make`; an unknown one is damage.
  private static func decoded<T>(_ make: (UInt8) -> T?, _ what: String, _ code: UInt8) throws -> T {
    guard let value = make(code) else { throw Failure.unknownCode(what, code) }
    return value
  }

  private static func code(_ severity: Severity) -> UInt8 {
    switch severity {
    case .error: 0
    case .warning: 1
    case .info: 2
    }
  }

  private static func severity(_ code: UInt8) throws -> Severity {
    switch code {
    case 0: .error
    case 1: .warning
    case 2: .info
    default: throw Failure.unknownCode("severity", code)
    }
  }
}
