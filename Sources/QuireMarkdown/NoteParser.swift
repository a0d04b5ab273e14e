import Foundation
import QuireCore

/// Turns the bytes of one Markdown file into a `Note` (and, on request, its `Document`).
///
/// Tolerant by design: a BOM, CRLF line ends, invalid UTF-8 and broken YAML become
/// warnings on the note, never a failed parse.
public enum NoteParser {
  /// Notes larger than this are not parsed as Markdown: their text is indexed as it is
  /// (cmark's time and the layout's grow with size, and no note is meant to be this big).
  public static let maxParsedBytes = 8 << 20
  /// How much of an over-size note the reader shows.
  static let shownBytes = 256 << 10

  /// Parses a note.
  ///
  /// - Parameters:
  ///   - id: the vault-relative path.
  ///   - bytes: the file's contents.
  ///   - buildDocument: also build the `Document` for reading (the loader skips it).
  public static func parse(
    id: String, bytes: [UInt8], modified: Double = 0, buildDocument: Bool = false
  ) -> (note: Note, document: Document?) {
    let parsed = parse(
      id: id, bytes: bytes, modified: modified, buildDocument: buildDocument,
      collectingProse: false)
    return (parsed.note, parsed.document)
  }

  /// Parses a note and, on request, finds its prose in the same walk over cmark's tree.
  ///
  /// Prose is the text a reader reads as sentences, where the linker looks for names of
  /// other notes: text outside front matter, headings, code, HTML, links, images,
  /// `[[wikilinks]]` and autolinked URLs. Ranges are offsets into `bytes` (a BOM and the
  /// front matter included), ascending and disjoint; consecutive text on the lines of one
  /// paragraph forms one range, so a name wrapped onto the next line is found. A note over
  /// `maxParsedBytes` has none. Offsets are exact for valid UTF-8 only.
  ///
  /// - Parameter collectingProse: gather `prose`; when false it is empty and costs nothing.
  public static func parse(
    id: String, bytes: [UInt8], modified: Double = 0, buildDocument: Bool = false,
    collectingProse: Bool
  ) -> (note: Note, document: Document?, prose: [Range<Int>]) {
    var diagnostics: [Diagnostic] = []
    var bytes = bytes
    let byteCount = bytes.count
    var bomLength = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.removeFirst(3)
      bomLength = 3
    }
    let text: String
    if let valid = String(validating: bytes, as: UTF8.self) {
      text = valid
    } else {
      text = String(decoding: bytes, as: UTF8.self)
      let line = firstInvalidLine(bytes)
      diagnostics.append(
        Diagnostic(
          path: id, line: line, severity: .warning,
          message: "invalid UTF-8; the bad bytes are shown as \u{FFFD}", rule: "encoding"))
      bytes = Array(text.utf8)
    }

    // Front matter.
    let whole = Substring(text).utf8
    let split = FrontMatterParser.split(whole)
    var frontMatter = FrontMatter()
    if let yaml = split.yaml {
      let (fields, problem) = FrontMatterParser.parse(String(Substring(yaml)))
      frontMatter = fields
      if let problem {
        diagnostics.append(
          Diagnostic(
            path: id, line: problem.line + 1, severity: .warning, message: problem.message,
            rule: "yaml"))
      }
    } else if split.unclosed {
      diagnostics.append(
        Diagnostic(
          path: id, line: 1, severity: .warning,
          message: "front matter opened with --- is never closed; read as text", rule: "yaml"))
    }

    if contains(0, in: bytes) {
      diagnostics.append(
        Diagnostic(
          path: id, line: 1, severity: .warning,
          message: "contains NUL bytes; is it really Markdown? They are shown as \u{FFFD}",
          rule: "encoding"))
    }

    // Body.
    let body = Array(bytes[split.bodyOffset...])
    let converted: ConvertedBody
    if byteCount > maxParsedBytes {
      diagnostics.append(
        Diagnostic(
          path: id, line: 1, severity: .warning,
          message: "larger than \(maxParsedBytes >> 20) MB (\(byteCount >> 20) MB); "
            + "indexed as plain text, its links and headings are not read", rule: "size"))
      converted = plainBody(body, byteCount: byteCount, buildDocument: buildDocument)
    } else {
      converted = CommonMarkConverter(
        body: body, firstLine: split.bodyLine, byteOffset: bomLength + split.bodyOffset,
        buildDocument: buildDocument, collectProse: collectingProse
      ).convert()
    }
    if converted.tooDeep {
      diagnostics.append(
        Diagnostic(
          path: id, line: 1, severity: .warning,
          message: "nested deeper than \(CommonMarkConverter.maxDepth) levels; "
            + "the deeper part is read as plain text", rule: "nesting"))
    }

    let lines = lineCount(of: bytes)
    let sections = makeSections(converted.headings, lastLine: lines)
    var links = converted.links
    // A section's own relation, worked out once: a note has many more links than headings.
    let ownRelations = sections.map { LinkRelation(sectionTitle: $0.title) }
    for index in links.indices {
      links[index].relation = relation(for: links[index].sourceSection, in: sections, own: ownRelations)
    }
    links += frontMatterLinks(frontMatter, id: id)

    let type = frontMatter.string("type").flatMap(NoteType.init(field:))
      ?? NoteType.inferred(fromPath: id)
    let explicitTitle =
      frontMatter.string("title")
      ?? sections.first { $0.level == 1 }.map(\.title).flatMap { $0.isEmpty ? nil : $0 }
    let note = Note(
      id: id, type: type, title: explicitTitle ?? NotePath.stem(of: id),
      hasExplicitTitle: explicitTitle != nil, frontMatter: frontMatter,
      aliases: frontMatter.strings("aliases") + frontMatter.strings("alias"),
      tags: frontMatter.strings("tags").flatMap { $0.split(separator: ",").map { $0.trimmed } },
      status: frontMatter.string("status"), date: frontMatter.string("date"),
      sections: sections, links: links, texts: converted.texts, diagnostics: diagnostics,
      byteCount: byteCount, modified: modified, lineCount: lines,
      bodyLine: split.bodyLine)
    if let problem = controlCharacters(in: note) {
      var warned = note
      warned.diagnostics.append(
        Diagnostic(
          path: id, line: 1, severity: .warning,
          message: "\(problem) holds terminal control characters; they are shown escaped",
          rule: "control"))
      return (warned, converted.document, converted.prose)
    }
    return (note, converted.document, converted.prose)
  }

  /// The body of an over-size note: its text for search, and a document showing its start.
  static func plainBody(_ body: [UInt8], byteCount: Int, buildDocument: Bool) -> ConvertedBody {
    var converted = ConvertedBody()
    let text = String(decoding: body, as: UTF8.self)
    converted.texts = [SectionText(section: nil, text: text)]
    if buildDocument {
      var shown = body.prefix(shownBytes)
      // Cut at a line end so no character is split.
      if shown.count < body.count, let lastNewline = shown.lastIndex(of: UInt8(ascii: "\n")) {
        shown = shown[..<lastNewline]
      }
      converted.document = Document(blocks: [
        .paragraph([
          .text(
            "This note is \(byteCount >> 20) MB, over the \(maxParsedBytes >> 20) MB limit: "
              + "shown as plain text, the first \(shownBytes >> 10) KB only.")
        ]),
        .code(language: "", text: String(decoding: shown, as: UTF8.self)),
      ])
    }
    return converted
  }

  /// Which name of a note (title, alias, tag or heading) holds control characters, if any:
  /// such names are shown escaped everywhere, but a reader should know the file is odd.
  static func controlCharacters(in note: Note) -> String? {
    func bad(_ text: String) -> Bool { text.unicodeScalars.contains(where: TerminalSafe.needsEscape) }
    if bad(note.title) { return "the title" }
    if note.aliases.contains(where: bad) { return "an alias" }
    if note.tags.contains(where: bad) { return "a tag" }
    if let section = note.sections.first(where: { bad($0.title) }) {
      return "the heading on line \(section.line)"
    }
    return nil
  }

  /// Sections with unique GitHub anchors, the lines they govern, and their parents.
  static func makeSections(_ headings: [ConvertedBody.Heading], lastLine: Int) -> [Section] {
    let anchors = Slug.unique(headings.map(\.title))
    var sections: [Section] = []
    sections.reserveCapacity(headings.count)
    var stack: [Int] = []
    for (index, heading) in headings.enumerated() {
      while let top = stack.last, sections[top].level >= heading.level {
        sections[top].endLine = max(sections[top].line, heading.line - 1)
        stack.removeLast()
      }
      sections.append(
        Section(
          index: index, title: heading.title, level: heading.level, anchor: anchors[index],
          line: heading.line, endLine: lastLine, parent: stack.last))
      stack.append(index)
    }
    return sections
  }

  /// The relation of a link: from its section's title, else from the nearest ancestor's.
  ///
  /// - Parameter own: each section's relation from its own title alone.
  static func relation(
    for section: Int?, in sections: [Section], own: [LinkRelation?]
  ) -> LinkRelation {
    var current = section
    while let index = current, index < sections.count {
      if let relation = own[index] { return relation }
      current = sections[index].parent
    }
    return .mentions
  }

  /// Links made by the front matter: `lenses:` entries and a `source:` URL.
  static func frontMatterLinks(_ frontMatter: FrontMatter, id: String) -> [Link] {
    var links: [Link] = []
    let line = 1 + (frontMatter.entries.firstIndex { $0.key.lowercased() == "lenses" } ?? 0) + 1
    for lens in frontMatter.strings("lenses") {
      links.append(
        Link(raw: lens, kind: .frontmatter, text: lens, line: line, relation: .lens))
    }
    if let source = frontMatter.string("source") {
      let sourceLine = 1 + (frontMatter.entries.firstIndex { $0.key.lowercased() == "source" } ?? 0) + 1
      links.append(
        Link(raw: source, kind: .frontmatter, text: source, line: sourceLine, relation: .cites))
    }
    return links
  }

  private static func lineCount(of bytes: [UInt8]) -> Int {
    guard !bytes.isEmpty else { return 0 }
    let newlines = count(UInt8(ascii: "\n"), in: bytes)
    return bytes.last == UInt8(ascii: "\n") ? newlines : newlines + 1
  }

  /// How often a byte occurs, found with `memchr` (fast even in debug builds, where a
  /// byte-by-byte loop over a 50 MB note takes seconds).
  static func count(_ byte: UInt8, in bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      guard var cursor = UnsafeRawPointer(buffer.baseAddress) else { return 0 }
      let end = cursor + buffer.count
      var found = 0
      while cursor < end, let hit = memchr(cursor, Int32(byte), end - cursor) {
        found += 1
        cursor = UnsafeRawPointer(hit) + 1
      }
      return found
    }
  }

  /// Whether a byte occurs at all.
  static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      return memchr(base, Int32(byte), buffer.count) != nil
    }
  }

  private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
    var line = 1
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
      line += 1
      start = index + 1
    }
    return line
  }
}
