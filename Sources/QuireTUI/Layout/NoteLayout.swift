import QuireCore

/// A run of text in one style on one laid-out line.
public struct Span: Sendable, Hashable {
  public var text: String
  public var style: Style
  /// The link occurrence the span belongs to (an index into `NoteLayout.links`).
  public var occurrence: Int?
  public var width: Int

  public init(_ text: String, _ style: Style = .plain, occurrence: Int? = nil) {
    self.text = text
    self.style = style
    self.occurrence = occurrence
    self.width = DisplayWidth.of(text)
  }
}

/// One screen row of a laid-out note.
public struct LayoutLine: Sendable, Hashable {
  public var spans: [Span]
  /// The section whose heading this line shows, if it shows one.
  public var heading: Int?

  public init(_ spans: [Span] = [], heading: Int? = nil) {
    self.spans = spans
    self.heading = heading
  }

  public var width: Int { spans.reduce(0) { $0 + $1.width } }
  public var plainText: String { spans.map(\.text).joined() }
}

/// Where a link of the note stands once laid out.
public struct LinkOccurrence: Sendable, Hashable {
  /// The link, as an index into the note's `links`.
  public var link: Int
  /// The first line and column of the link text.
  public var line: Int
  public var x: Int
  /// Every piece of the link on screen (a wrapped link has several): line, column, width.
  public var pieces: [Piece]

  public struct Piece: Sendable, Hashable {
    public var line: Int
    public var x: Int
    public var width: Int
  }
}

/// A note's document wrapped to a width: styled lines, headings and link positions.
///
/// Built once per note and width (when a note loads or the terminal resizes), so that a
/// keystroke only draws the visible lines.
public struct NoteLayout: Sendable, Hashable {
  public let width: Int
  public private(set) var lines: [LayoutLine]
  /// Link occurrences in reading order; their numbers on screen are index + 1.
  public private(set) var links: [LinkOccurrence]
  /// The line of each section's heading, by section index.
  public private(set) var headingLines: [Int: Int]
  /// The innermost section governing each line (the last heading above it).
  public private(set) var sectionAtLine: [Int?]
  /// The text each link shows in the document, by index into the note's links (the
  /// first occurrence's): what the links list shows for a link loaded without its text
  /// (`Link.textLeftOut`).
  public private(set) var linkTexts: [Int: String]

  /// Lays out a document; `links` are the note's resolved links (for their styles).
  public init(document: Document, links: [Link], width: Int) {
    self.width = max(1, width)
    var builder = LayoutBuilder(links: links)
    lines = builder.blocks(document.blocks, width: self.width)
    self.links = []
    linkTexts = builder.linkTexts
    headingLines = [:]
    sectionAtLine = []
    index(linkCount: builder.occurrenceLinks)
  }

  /// The line of a section's heading, if the document shows it.
  public func line(ofSection section: Int) -> Int? { headingLines[section] }

  /// The link occurrence drawn at a line and column, if any.
  public func occurrence(atLine line: Int, x: Int) -> Int? {
    guard line >= 0, line < lines.count else { return nil }
    var column = 0
    for span in lines[line].spans {
      if x >= column, x < column + span.width { return span.occurrence }
      column += span.width
    }
    return nil
  }

  private mutating func index(linkCount occurrenceLinks: [Int]) {
    var occurrences = occurrenceLinks.map { LinkOccurrence(link: $0, line: -1, x: 0, pieces: []) }
    var current: Int? = nil
    sectionAtLine.reserveCapacity(lines.count)
    for (number, line) in lines.enumerated() {
      if let heading = line.heading {
        if headingLines[heading] == nil { headingLines[heading] = number }
        current = heading
      }
      sectionAtLine.append(current)
      var column = 0
      for span in line.spans {
        if let occurrence = span.occurrence, occurrence < occurrences.count {
          if occurrences[occurrence].line < 0 {
            occurrences[occurrence].line = number
            occurrences[occurrence].x = column
          }
          occurrences[occurrence].pieces.append(.init(line: number, x: column, width: span.width))
        }
        column += span.width
      }
    }
    links = occurrences.filter { $0.line >= 0 }
    if links.count != occurrences.count {
      // Renumber the spans so that indices stay dense (a link clipped from a table cell).
      var renumber: [Int: Int] = [:]
      var next = 0
      for (old, occurrence) in occurrences.enumerated() where occurrence.line >= 0 {
        renumber[old] = next
        next += 1
      }
      for row in lines.indices {
        for column in lines[row].spans.indices {
          if let old = lines[row].spans[column].occurrence {
            lines[row].spans[column].occurrence = renumber[old]
          }
        }
      }
    }
  }
}

/// Turns blocks into wrapped lines; numbers links in reading order.
struct LayoutBuilder {
  let links: [Link]
  /// The note link behind each occurrence.
  var occurrenceLinks: [Int] = []
  /// The text of each link's first occurrence.
  var linkTexts: [Int: String] = [:]

  init(links: [Link]) { self.links = links }

  // MARK: - Blocks

  mutating func blocks(_ blocks: [Block], width: Int, spaced: Bool = true) -> [LayoutLine] {
    var result: [LayoutLine] = []
    for block in blocks {
      let lines = self.block(block, width: width)
      if lines.isEmpty { continue }
      if spaced, !result.isEmpty { result.append(LayoutLine()) }
      result += lines
    }
    return result
  }

  mutating func block(_ block: Block, width: Int) -> [LayoutLine] {
    switch block {
    case .heading(let level, let content, let section):
      let marks = Span(String(repeating: "#", count: max(1, min(level, 6))) + " ", Theme.dim)
      let lines = wrap(atoms(content, style: Theme.heading), width: width - marks.width)
      return prefixed(lines, first: marks, rest: Span(String(repeating: " ", count: marks.width)))
        .map { LayoutLine($0.spans, heading: section) }
    case .paragraph(let content):
      return wrap(atoms(content, style: .plain), width: width)
    case .list(let ordered, let start, let items):
      return list(ordered: ordered, start: start, items: items, width: width)
    case .quote(let inner):
      let bar = Span("│ ", Theme.quote)
      return prefixed(blocks(inner, width: width - 2), first: bar, rest: bar)
    case .code(_, let text):
      return code(text, width: width)
    case .table(let alignments, let header, let rows):
      return table(alignments: alignments, header: header, rows: rows, width: width)
    case .rule:
      return [LayoutLine([Span(String(repeating: "─", count: max(1, width)), Theme.dim)])]
    case .html(let text):
      return wrap(atoms([.text(text)], style: Theme.dim), width: width)
    }
  }

  private mutating func list(ordered: Bool, start: Int, items: [ListItem], width: Int)
    -> [LayoutLine]
  {
    var result: [LayoutLine] = []
    let lastNumber = start + max(0, items.count - 1)
    let markerWidth = ordered ? String(lastNumber).count + 2 : 2
    for (offset, item) in items.enumerated() {
      var marker = ordered ? "\(start + offset)." : "•"
      marker += String(repeating: " ", count: max(1, markerWidth - DisplayWidth.of(marker)))
      var first = Span(marker, ordered ? Theme.dim : Style(foreground: .yellow))
      if let checked = item.checked {
        first = Span(marker + (checked ? "[x] " : "[ ] "), first.style)
      }
      let inner = blocks(item.blocks, width: width - first.width, spaced: false)
      let body = inner.isEmpty ? [LayoutLine()] : inner
      result += prefixed(
        body, first: first, rest: Span(String(repeating: " ", count: first.width)))
    }
    return result
  }

  private func code(_ text: String, width: Int) -> [LayoutLine] {
    var source = text
    if source.hasSuffix("\n") { source.removeLast() }
    var result: [LayoutLine] = []
    let inner = max(1, width - 2)
    for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = TerminalSafe.escape(String(raw), keepNewlines: false)
      var pieces = hardSplit(line, width: inner)
      if pieces.isEmpty { pieces = [""] }
      for piece in pieces { result.append(LayoutLine([Span("  "), Span(piece, Theme.code)])) }
    }
    return result
  }

  private mutating func table(
    alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]], width: Int
  ) -> [LayoutLine] {
    let columns = max(header.count, rows.map(\.count).max() ?? 0)
    guard columns > 0 else { return [] }
    let all = [header] + rows
    var natural = [Int](repeating: 1, count: columns)
    for row in all {
      for (column, cell) in row.enumerated() {
        let text = TerminalSafe.escape(cell.plainText, keepNewlines: false)
        natural[column] = max(natural[column], DisplayWidth.of(text) + linkNumberWidth(cell))
      }
    }
    let separator = 3
    let available = max(columns, width - separator * (columns - 1))
    let widths = Self.fit(natural, into: available)
    var result: [LayoutLine] = []
    for (rowIndex, row) in all.enumerated() {
      let style: Style = rowIndex == 0 ? Theme.strong : .plain
      var cells: [[LayoutLine]] = []
      for column in 0..<columns {
        let content = column < row.count ? row[column] : []
        cells.append(wrap(atoms(content, style: style), width: widths[column]))
      }
      let height = max(1, cells.map(\.count).max() ?? 1)
      for line in 0..<height {
        var spans: [Span] = []
        for column in 0..<columns {
          if column > 0 { spans.append(Span(" │ ", Theme.border)) }
          let cellLine = line < cells[column].count ? cells[column][line] : LayoutLine()
          let pad = max(0, widths[column] - cellLine.width)
          let alignment = column < alignments.count ? alignments[column] : .none
          let before = alignment == .right ? pad : alignment == .center ? pad / 2 : 0
          if before > 0 { spans.append(Span(String(repeating: " ", count: before))) }
          spans += cellLine.spans
          if pad - before > 0 { spans.append(Span(String(repeating: " ", count: pad - before))) }
        }
        result.append(LayoutLine(spans))
      }
      if rowIndex == 0 {
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        result.append(LayoutLine([Span(rule, Theme.border)]))
      }
    }
    return result
  }

  /// Column widths that fit: natural widths when they fit, else the widest columns shrink first.
  static func fit(_ natural: [Int], into available: Int) -> [Int] {
    guard natural.reduce(0, +) > available else { return natural }
    var widths = natural
    while widths.reduce(0, +) > available {
      guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 1
      else { break }
      widths[widest] -= 1
    }
    return widths
  }

  private func linkNumberWidth(_ content: [Inline]) -> Int {
    var total = 0
    for inline in content {
      switch inline {
      case .link(_, let inner): total += 4 + linkNumberWidth(inner)
      case .emphasis(let inner), .strong(let inner), .strikethrough(let inner):
        total += linkNumberWidth(inner)
      default: break
      }
    }
    return total
  }

  // MARK: - Inline flow

  /// A word, a space or a forced break in a paragraph.
  enum Atom {
    case word(Span)
    case space
    case newline
  }

  mutating func atoms(_ content: [Inline], style: Style, occurrence: Int? = nil) -> [Atom] {
    var result: [Atom] = []
    for inline in content {
      switch inline {
      case .text(let text), .html(let text):
        result += words(text, style: style, occurrence: occurrence)
      case .code(let text):
        result += words(text, style: style.merged(Theme.code), occurrence: occurrence)
      case .emphasis(let inner):
        result += atoms(inner, style: style.merged(Theme.emphasis), occurrence: occurrence)
      case .strong(let inner):
        result += atoms(inner, style: style.merged(Theme.strong), occurrence: occurrence)
      case .strikethrough(let inner):
        result += atoms(inner, style: style.merged(Theme.dim), occurrence: occurrence)
      case .link(let link, let inner):
        let number = occurrenceLinks.count
        occurrenceLinks.append(link)
        if linkTexts[link] == nil { linkTexts[link] = inner.plainText }
        let linkStyle = style.merged(self.linkStyle(link))
        var linkAtoms = atoms(inner, style: linkStyle, occurrence: number)
        if linkAtoms.isEmpty {
          linkAtoms = [.word(Span(links.indices.contains(link) ? links[link].raw : "link", linkStyle, occurrence: number))]
        }
        result += linkAtoms
        result.append(.word(Span("[\(number + 1)]", Theme.linkNumber, occurrence: number)))
      case .image(let alt, _):
        result += words("[image: \(alt)]", style: style.merged(Theme.dim), occurrence: occurrence)
      case .softBreak:
        result.append(.space)
      case .lineBreak:
        result.append(.newline)
      }
    }
    return result
  }

  private func linkStyle(_ index: Int) -> Style {
    guard links.indices.contains(index) else { return Theme.link }
    switch links[index].state {
    case .resolved, .ambiguous, .asset: return Theme.link
    case .broken: return Theme.brokenLink
    case .external: return Theme.externalLink
    }
  }

  private func words(_ text: String, style: Style, occurrence: Int?) -> [Atom] {
    let safe = TerminalSafe.escape(text, keepNewlines: false)
    var result: [Atom] = []
    var word = ""
    for character in safe {
      if character == " " || character == "\n" {
        if !word.isEmpty { result.append(.word(Span(word, style, occurrence: occurrence))) }
        word = ""
        result.append(.space)
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { result.append(.word(Span(word, style, occurrence: occurrence))) }
    return result
  }

  /// Greedy wrapping: words that do not fit go to the next line; a word longer than a
  /// line is cut between graphemes. A word glued to the previous one (no space) moves with it.
  func wrap(_ atoms: [Atom], width: Int) -> [LayoutLine] {
    let width = max(1, width)
    var lines: [LayoutLine] = []
    var current: [Span] = []
    var used = 0
    var pendingSpace = false
    var glued: [Span] = []  // spans of the word being built since the last space
    var gluedWidth = 0

    func flushLine() {
      lines.append(LayoutLine(current))
      current = []
      used = 0
    }
    func placeWord() {
      guard !glued.isEmpty else { return }
      let space = pendingSpace && used > 0 ? 1 : 0
      if used > 0, used + space + gluedWidth > width { flushLine() }
      if used > 0, pendingSpace { append(Span(" ", glued[0].style.spaceStyle, occurrence: glued[0].occurrence.flatMap { current.last?.occurrence == $0 ? $0 : nil })) }
      for span in glued {
        if span.width <= width - used {
          append(span)
        } else {
          var rest = span.text
          while !rest.isEmpty {
            if used >= width { flushLine() }
            let (head, tail) = Self.cut(rest, columns: width - used)
            if head.isEmpty {
              if used == 0 {
                append(Span(String(rest.prefix(1)), span.style, occurrence: span.occurrence))
                rest = String(rest.dropFirst())
              } else {
                flushLine()
              }
              continue
            }
            append(Span(head, span.style, occurrence: span.occurrence))
            rest = tail
          }
        }
      }
      glued = []
      gluedWidth = 0
      pendingSpace = false
    }
    func append(_ span: Span) {
      if let last = current.last, last.style == span.style, last.occurrence == span.occurrence {
        current[current.count - 1] = Span(last.text + span.text, span.style, occurrence: span.occurrence)
      } else {
        current.append(span)
      }
      used += span.width
    }

    for atom in atoms {
      switch atom {
      case .word(let span):
        glued.append(span)
        gluedWidth += span.width
      case .space:
        placeWord()
        pendingSpace = true
      case .newline:
        placeWord()
        flushLine()
        pendingSpace = false
      }
    }
    placeWord()
    if !current.isEmpty || lines.isEmpty { flushLine() }
    return lines
  }

  /// The longest prefix of `text` that fits in `columns`, and the rest.
  static func cut(_ text: String, columns: Int) -> (String, String) {
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let columnsHere = DisplayWidth.of(text[index])
      if used + columnsHere > columns { break }
      used += columnsHere
      index = text.index(after: index)
    }
    return (String(text[..<index]), String(text[index...]))
  }

  private func hardSplit(_ text: String, width: Int) -> [String] {
    var pieces: [String] = []
    var rest = text
    while !rest.isEmpty {
      var (head, tail) = Self.cut(rest, columns: width)
      if head.isEmpty {
        head = String(rest.prefix(1))
        tail = String(rest.dropFirst())
      }
      pieces.append(head)
      rest = tail
    }
    return pieces
  }

  private func prefixed(_ lines: [LayoutLine], first: Span, rest: Span) -> [LayoutLine] {
    lines.enumerated().map { offset, line in
      LayoutLine([offset == 0 ? first : rest] + line.spans, heading: line.heading)
    }
  }
}

extension Style {
  /// The style of a space between two words: underline and reverse would show as a gap mark.
  var spaceStyle: Style {
    var style = self
    style.underline = false
    return style
  }
}
