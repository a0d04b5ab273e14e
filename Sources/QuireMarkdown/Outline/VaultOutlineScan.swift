import Foundation
import QuireCore
import Yams

/// A quick look at every note of a vault: its path, type and title, without parsing it.
///
/// The browser opens a large vault it has never cached on this outline, while the whole
/// vault is parsed and resolved behind the first screen (`VaultLoader`). Each file is read
/// and only three things are taken from it: the front matter's `type:`, `title:` and
/// `status:` fields (read with Yams, from those fields' lines alone), and, when there is no
/// `title:`, the first level-1 heading (found by a line scan, its text read by the real
/// parser). The type and the title fall back as `NoteParser` decides: the folder, the file
/// stem. The notes carry no sections, links or text; what the scan gets wrong in an odd
/// note (a heading inside an HTML block, say) the full load corrects.
public struct VaultOutlineScan: Sendable {
  /// The vault folder, symbolic links resolved, as the loader names it.
  public let rootPath: String
  private let files: [VaultScanner.File]

  /// Walks the vault folder (no note is read yet).
  public init(root: URL) {
    rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
    var scanner = VaultScanner(root: rootPath)
    scanner.run()
    files = scanner.notes
  }

  /// How many notes the walk found.
  public var count: Int { files.count }

  /// How much of a file is read first: the front matter and the first heading are nearly
  /// always in it, and reading and decoding a kilobyte costs less than the whole note.
  static let headBytes = 1024

  /// Every readable note in outline, sorted by id, read on every core. A file that cannot
  /// be read is left out, as the loader leaves it out.
  public func outlines() -> [Note] {
    let rootPath = rootPath
    return files.parallelMap(chunks: 256) { file -> Note? in
      let path = rootPath + "/" + file.id
      // The parser reads no heading in an over-size note.
      let headings = file.size <= NoteParser.maxParsedBytes
      if let head = Self.readHead(path),
        var note = Self.outline(
          id: file.id, text: head, complete: head.count < Self.headBytes, headings: headings,
          modified: file.modified)
      {
        note.byteCount = file.size
        return note
      }
      // The head did not hold the front matter or a title: the whole file.
      guard case .success(let bytes) = FileReader.read(path) else { return nil }
      return Self.outline(id: file.id, bytes: bytes, modified: file.modified)
    }.compactMap { $0 }
  }

  /// One note in outline from its file's bytes.
  public static func outline(id: String, bytes: [UInt8], modified: Double = 0) -> Note {
    // A whole file always settles the outline.
    var note = outline(
      id: id, text: bytes, complete: true, headings: bytes.count <= NoteParser.maxParsedBytes, modified: modified)!
    note.byteCount = bytes.count
    return note
  }

  /// One note in outline from the start of its file (its first level-1 heading looked for
  /// only when `headings`); nil when `complete` is false and that
  /// start does not settle the outline (the front matter runs past it, or no title is in it).
  static func outline(
    id: String, text bytes: [UInt8], complete: Bool, headings: Bool, modified: Double
  ) -> Note? {
    var text = bytes[...]
    if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
    let string = String(decoding: text, as: UTF8.self)
    let utf8 = string.utf8
    let split = FrontMatterParser.split(Substring(string).utf8)
    // A closing fence on the head's last line may be cut short.
    if !complete, split.unclosed || split.bodyOffset >= utf8.count { return nil }
    let fields = split.yaml.map(frontMatter) ?? Fields()
    let type = fields.type.flatMap(NoteType.init(field:)) ?? NoteType.inferred(fromPath: id)
    var explicitTitle = fields.title
    if explicitTitle == nil, headings {
      var body = Array(utf8.dropFirst(split.bodyOffset))
      if !complete {
        // Only whole lines: the last one may be cut.
        body.removeSubrange((body.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)...)
      }
      let heading = firstTitle(in: body)
      if heading == nil, !complete { return nil }
      // An empty first heading leaves the stem, as in the parser.
      explicitTitle = heading.flatMap { $0.isEmpty ? nil : $0 }
    }
    return Note(
      id: id, type: type, title: explicitTitle ?? NotePath.stem(of: id),
      hasExplicitTitle: explicitTitle != nil, status: fields.status, modified: modified)
  }

  /// Up to `headBytes` from the start of a file; nil when it cannot be read.
  static func readHead(_ path: String) -> [UInt8]? {
    try? FileReader.read(path, upTo: headBytes).get()
  }

  // MARK: - Front matter

  /// The outline's fields of a front matter block: title, type and status.
  struct Fields: Equatable {
    var title: String?
    var type: String?
    var status: String?
  }

  /// The fields the outline shows, lowercased.
  static let outlineKeys: [[UInt8]] = [Array("title".utf8), Array("type".utf8), Array("status".utf8)]

  /// Whether a key (the text before a line's colon) is one of `outlineKeys`, matched
  /// case-insensitively as `FrontMatter` matches keys, blanks before the colon ignored.
  static func isOutlineKey(_ key: Substring.UTF8View) -> Bool {
    var key = key
    while let last = key.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { key = key.dropLast() }
    return outlineKeys.contains { wanted in
      wanted.count == key.count
        && zip(wanted, key).allSatisfy { pair in
          pair.0 == pair.1 || (pair.1 >= UInt8(ascii: "A") && pair.1 <= UInt8(ascii: "Z") && pair.0 == pair.1 | 0x20)
        }
    }
  }

  /// The outline's fields of a front matter block, read with Yams.
  ///
  /// Only the lines of those fields (and their continuation lines) go to Yams, composed
  /// with its basic resolver: a whole front matter with its lists of lenses, models and
  /// writers, each plain scalar matched against the default resolver's patterns, costs
  /// several times more, and at 100,000 notes that is seconds. Plain scalars are then read
  /// as `FrontMatterParser` reads them (`plainScalar`), so `status: 2` still says "2". When
  /// the block is not plain `key: value` lines (a flow mapping, a complex or quoted key) or
  /// the slice does not compose on its own (an alias to an anchor elsewhere), the whole
  /// block is read by `FrontMatterParser` instead.
  static func frontMatter(_ yaml: Substring.UTF8View) -> Fields {
    guard yaml.count <= FrontMatterParser.maxBytes else { return Fields() }
    var slice: [UInt8] = []
    var keeping = false
    var lineStart = yaml.startIndex
    while lineStart < yaml.endIndex {
      let lineEnd = yaml[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? yaml.endIndex
      let line = yaml[lineStart..<lineEnd]
      lineStart = lineEnd < yaml.endIndex ? yaml.index(after: lineEnd) : lineEnd
      guard let first = line.first, first != UInt8(ascii: "\r") else {
        if keeping { slice.append(UInt8(ascii: "\n")) }
        continue
      }
      switch first {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "#"):
        // A continuation of the field above (or a comment): kept with it.
        if keeping {
          slice += line
          slice.append(UInt8(ascii: "\n"))
        }
        continue
      default:
        break
      }
      let isKeyStart = first >= 0x80 || first == UInt8(ascii: "_")
        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
      guard isKeyStart, let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return whole(yaml) }
      keeping = isOutlineKey(line[..<colon])
      if keeping {
        slice += line
        slice.append(UInt8(ascii: "\n"))
      }
    }
    guard !slice.isEmpty else { return Fields() }
    let node: Node?
    do {
      node = try Yams.compose(yaml: String(decoding: slice, as: UTF8.self), .basic, .default, .utf8)
    } catch {
      return whole(yaml)
    }
    guard case .mapping(let mapping)? = node else { return whole(yaml) }
    var fields = Fields()
    var seen = Set<String>()
    for (key, value) in mapping {
      // The first of each key wins, as `FrontMatter`'s lookup has it.
      guard let name = key.scalar?.string.lowercased(), seen.insert(name).inserted else { continue }
      switch name {
      case "title": fields.title = text(of: value)
      case "type": fields.type = text(of: value)
      case "status": fields.status = text(of: value)
      default: break
      }
    }
    return fields
  }

  /// A scalar as `FrontMatter.string` gives it: plain scalars as the loader reads them,
  /// trimmed, nil when empty; nil for a list, a mapping or an alias.
  private static func text(of node: Node) -> String? {
    guard case .scalar(let scalar) = node else { return nil }
    let text = scalar.style == .plain ? FrontMatterParser.plainScalar(scalar.string).scalarText : scalar.string
    guard let trimmed = text?.trimmed, !trimmed.isEmpty else { return nil }
    return trimmed
  }

  /// The outline's fields from the whole block, read as the loader reads it.
  private static func whole(_ yaml: Substring.UTF8View) -> Fields {
    let fields = FrontMatterParser.parse(String(Substring(yaml))).0
    return Fields(title: fields.string("title"), type: fields.string("type"), status: fields.string("status"))
  }

  // MARK: - The first heading

  /// The text of the first level-1 heading of a note's body, as the parser reads it
  /// (empty for a bare `#`); nil when there is none. Lines are scanned for an ATX `# ` heading or a setext `===`
  /// underline outside fenced code; the heading's own lines then go through `NoteParser`,
  /// so its text comes out exactly as in the full parse (emphasis, code, escapes).
  static func firstTitle(in body: [UInt8]) -> String? {
    var fence: (mark: UInt8, length: Int)? = nil
    var previous: Range<Int>? = nil
    var start = 0
    while start < body.count {
      let end = body[start...].firstIndex(of: UInt8(ascii: "\n")) ?? body.count
      let line = start..<end
      defer { start = end + 1 }
      let indent = leadingSpaces(body, line)
      let content = (line.lowerBound + indent)..<line.upperBound
      if let open = fence {
        if indent < 4, let close = fenceRun(body, content), close.mark == open.mark,
          close.length >= open.length, isBlank(body, (content.lowerBound + close.length)..<content.upperBound)
        {
          fence = nil
        }
        previous = nil
        continue
      }
      if isBlank(body, line) {
        previous = nil
        continue
      }
      guard indent < 4 else { continue }
      if let run = fenceRun(body, content) {
        fence = run
        previous = nil
        continue
      }
      if isLevelOneHeading(body, content), let title = headingText(body, line) {
        return title
      }
      if let paragraph = previous, isSetextUnderline(body, content),
        let title = headingText(body, paragraph.lowerBound..<line.upperBound)
      {
        return title
      }
      if previous == nil { previous = line }
    }
    return nil
  }

  /// The title of the level-1 heading in these lines, by the real parser.
  private static func headingText(_ body: [UInt8], _ lines: Range<Int>) -> String? {
    let parsed = NoteParser.parse(id: "heading.md", bytes: Array(body[lines]))
    return parsed.note.sections.first { $0.level == 1 }?.title
  }

  private static func leadingSpaces(_ body: [UInt8], _ line: Range<Int>) -> Int {
    var count = 0
    while line.lowerBound + count < line.upperBound, body[line.lowerBound + count] == UInt8(ascii: " ") {
      count += 1
    }
    return count
  }

  private static func isBlank(_ body: [UInt8], _ range: Range<Int>) -> Bool {
    range.allSatisfy { [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(body[$0]) }
  }

  /// A run of three or more backticks or tildes opening the line: a code fence.
  private static func fenceRun(_ body: [UInt8], _ content: Range<Int>) -> (mark: UInt8, length: Int)? {
    guard let mark = content.first.map({ body[$0] }),
      mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~")
    else { return nil }
    let length = body[content].prefix { $0 == mark }.count
    return length >= 3 ? (mark, length) : nil
  }

  /// `#` alone or followed by a space or tab.
  private static func isLevelOneHeading(_ body: [UInt8], _ content: Range<Int>) -> Bool {
    guard content.count >= 1, body[content.lowerBound] == UInt8(ascii: "#") else { return false }
    guard content.count >= 2 else { return true }
    let next = body[content.lowerBound + 1]
    return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r")
  }

  /// A line of `=` alone (trailing blanks allowed).
  private static func isSetextUnderline(_ body: [UInt8], _ content: Range<Int>) -> Bool {
    let marks = body[content].prefix { $0 == UInt8(ascii: "=") }.count
    return marks > 0 && isBlank(body, (content.lowerBound + marks)..<content.upperBound)
  }
}
