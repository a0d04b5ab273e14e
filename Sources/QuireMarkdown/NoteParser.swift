import Foundation
import QuireCore

/// Turns the bytes of one Markdown file into a `Note` (and, on request, its `Document`).
///
/// Tolerant by design: a BOM, CRLF line ends, invalid UTF-8 and broken YAML become
/// warnings on the note, never a failed parse.
public enum NoteParser {
  /// Parses a note.
  ///
  /// - Parameters:
  ///   - id: the vault-relative path.
  ///   - bytes: the file's contents.
  ///   - buildDocument: also build the `Document` for reading (the loader skips it).
  public static func parse(
    id: String, bytes: [UInt8], modified: Double = 0, buildDocument: Bool = false
  ) -> (note: Note, document: Document?) {
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

    // Body.
    let body = Array(bytes[split.bodyOffset...])
    let converted = CommonMarkConverter(
      body: body, firstLine: split.bodyLine, byteOffset: bomLength + split.bodyOffset,
      buildDocument: buildDocument
    ).convert()

    let sections = makeSections(converted.headings, lastLine: lineCount(of: bytes))
    var links = converted.links
    for index in links.indices {
      links[index].relation = relation(for: links[index].sourceSection, in: sections)
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
      byteCount: byteCount, modified: modified, lineCount: lineCount(of: bytes),
      bodyLine: split.bodyLine)
    return (note, converted.document)
  }

  /// Sections with unique GitHub anchors, the lines they govern, and their parents.
  static func makeSections(_ headings: [ConvertedBody.Heading], lastLine: Int) -> [Section] {
    let anchors = Slug.unique(headings.map(\.title))
    var sections: [Section] = []
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
  static func relation(for section: Int?, in sections: [Section]) -> LinkRelation {
    var current = section
    while let index = current, index < sections.count {
      if let relation = LinkRelation(sectionTitle: sections[index].title) { return relation }
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
    let newlines = bytes.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    return bytes.last == UInt8(ascii: "\n") ? newlines : newlines + 1
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
