import QuireCore

/// Renders a note's document as text for `quire show`: wrapped paragraphs, marked headings,
/// bulleted and numbered lists, quotes, code, aligned tables, and numbered links listed at
/// the end with where they lead.
struct DocumentTextRenderer {
  let styler: Styler
  let width: Int
  /// The note's resolved links, for link numbers and the list at the end.
  let links: [Link]
  /// Where a link leads, as the list at the end shows it.
  let label: (Link) -> String

  private var numbers: [Int: Int] = [:]

  init(styler: Styler, width: Int, links: [Link], label: @escaping (Link) -> String) {
    self.styler = styler
    self.width = max(20, width)
    self.links = links
    self.label = label
  }

  /// The document as lines, with the link list appended.
  mutating func render(_ blocks: [Block]) -> [String] {
    var lines: [String] = []
    renderBlocks(blocks, indent: "", firstIndent: "", into: &lines, depth: 0)
    while lines.last == "" { lines.removeLast() }
    if !numbers.isEmpty {
      lines.append("")
      lines.append(styler.apply(.bold, "Links"))
      for (linkIndex, number) in numbers.sorted(by: { $0.value < $1.value }) {
        guard linkIndex < links.count else { continue }
        lines.append("  [\(number)] " + describe(links[linkIndex]))
      }
    }
    return lines
  }

  private func describe(_ link: Link) -> String {
    var parts = [styler.text(label(link)), styler.state(link.state)]
    if let reason = link.reason { parts.append(styler.apply(.dim, styler.text(reason))) }
    return parts.joined(separator: "  ")
  }

  // MARK: - Blocks

  private mutating func renderBlocks(
    _ blocks: [Block], indent: String, firstIndent: String, into lines: inout [String], depth: Int
  ) {
    for (position, block) in blocks.enumerated() {
      let lead = position == 0 ? firstIndent : indent
      renderBlock(block, indent: indent, firstIndent: lead, into: &lines, depth: depth)
    }
  }

  private mutating func renderBlock(
    _ block: Block, indent: String, firstIndent: String, into lines: inout [String], depth: Int
  ) {
    switch block {
    case .heading(let level, let content, _):
      if !lines.isEmpty, lines.last != "" { lines.append("") }
      let marks = String(repeating: "#", count: level) + " "
      let text = inlineText(content, styles: level <= 2 ? [.bold, .underline] : [.bold])
      lines.append(firstIndent + styler.apply(.dim, marks) + text)
      lines.append("")
    case .paragraph(let content):
      lines += wrap(runs(content), first: firstIndent, rest: indent)
      if depth == 0 { lines.append("") }
    case .list(let ordered, let start, let items):
      for (number, item) in items.enumerated() {
        var marker = ordered ? "\(start + number). " : ["• ", "◦ ", "▪ "][min(depth, 2)]
        if let checked = item.checked { marker += checked ? "[x] " : "[ ] " }
        let itemIndent = indent + String(repeating: " ", count: DisplayWidth.of(marker))
        let lead = (number == 0 ? firstIndent : indent) + marker
        renderBlocks(item.blocks, indent: itemIndent, firstIndent: lead, into: &lines, depth: depth + 1)
      }
      if depth == 0 { lines.append("") }
    case .quote(let blocks):
      let bar = styler.apply(.dim, "│ ")
      renderBlocks(blocks, indent: indent + bar, firstIndent: firstIndent + bar, into: &lines, depth: depth + 1)
      if depth == 0 { lines.append("") }
    case .code(_, let text):
      var first = true
      for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
        lines.append((first ? firstIndent : indent) + "    " + styler.apply(.dim, styler.text(String(line))))
        first = false
      }
      if depth == 0 { lines.append("") }
    case .table(let alignments, let header, let rows):
      lines += table(alignments: alignments, header: header, rows: rows, indent: firstIndent)
      if depth == 0 { lines.append("") }
    case .rule:
      lines.append(firstIndent + styler.apply(.dim, String(repeating: "─", count: min(width, 40))))
      if depth == 0 { lines.append("") }
    case .html(let html):
      for line in html.split(separator: "\n") {
        lines.append(firstIndent + styler.apply(.dim, styler.text(String(line))))
      }
      if depth == 0 { lines.append("") }
    }
  }

  // MARK: - Inlines

  /// A piece of text with its styles, ready to wrap.
  private struct Run {
    var text: String
    var styles: [Styler.Style]
  }

  private mutating func runs(_ inlines: [Inline], styles: [Styler.Style] = []) -> [Run] {
    var result: [Run] = []
    for inline in inlines {
      switch inline {
      case .text(let text): result.append(Run(text: styler.text(text), styles: styles))
      case .code(let text): result.append(Run(text: styler.text(text), styles: styles + [.magenta]))
      case .html(let text): result.append(Run(text: styler.text(text), styles: styles + [.dim]))
      case .emphasis(let content): result += runs(content, styles: styles + [.italic])
      case .strong(let content): result += runs(content, styles: styles + [.bold])
      case .strikethrough(let content): result += runs(content, styles: styles + [.strike])
      case .link(let index, let content):
        let number = numbers[index] ?? (numbers.count + 1)
        numbers[index] = number
        let state = index < links.count ? links[index].state : .resolved
        let color: Styler.Style = state == .broken ? .red : .blue
        result += runs(content, styles: styles + [color, .underline])
        result.append(Run(text: "[\(number)]", styles: styles + [.dim]))
      case .image(let alt, let target):
        result.append(Run(text: styler.text("[image: \(alt.isEmpty ? target : alt)]"), styles: styles + [.dim]))
      case .softBreak: result.append(Run(text: " ", styles: styles))
      case .lineBreak: result.append(Run(text: "\n", styles: styles))
      }
    }
    return result
  }

  private mutating func inlineText(_ inlines: [Inline], styles: [Styler.Style]) -> String {
    runs(inlines, styles: styles).map { styler.apply($0.styles, $0.text) }.joined()
  }

  /// Wraps runs to the width, breaking at spaces; a word longer than a line stands alone.
  private func wrap(_ runs: [Run], first: String, rest: String) -> [String] {
    var lines: [String] = []
    var line = first
    var column = DisplayWidth.of(first)
    let restWidth = DisplayWidth.of(rest)
    var lineHasWord = false
    var pendingSpace = false
    for run in runs {
      for (position, piece) in run.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if position > 0 {
          lines.append(line)
          line = rest
          column = restWidth
          lineHasWord = false
          pendingSpace = false
        }
        var word = ""
        func flushWord() {
          guard !word.isEmpty else { return }
          let wordWidth = DisplayWidth.of(word)
          let space = pendingSpace && lineHasWord ? 1 : 0
          if lineHasWord, column + space + wordWidth > width {
            lines.append(line)
            line = rest
            column = restWidth
          } else if space == 1 {
            line += " "
            column += 1
          }
          line += styler.apply(run.styles, word)
          column += wordWidth
          lineHasWord = true
          pendingSpace = false
          word = ""
        }
        for character in piece {
          if character == " " {
            flushWord()
            pendingSpace = true
          } else {
            word.append(character)
          }
        }
        flushWord()
      }
    }
    if lineHasWord || lines.isEmpty { lines.append(line) }
    return lines
  }

  // MARK: - Tables

  private mutating func table(
    alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]], indent: String
  ) -> [String] {
    let all = [header] + rows
    let columns = all.map(\.count).max() ?? 0
    guard columns > 0 else { return [] }
    let texts: [[String]] = all.map { row in
      (0..<columns).map { column in
        column < row.count ? styler.text(row[column].plainText) : ""
      }
    }
    var widths = (0..<columns).map { column in texts.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
    let available = width - DisplayWidth.of(indent) - (columns * 3 + 1)
    while widths.reduce(0, +) > max(available, columns * 3), let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
      widths[widest] -= 1
    }
    func cell(_ text: String, _ column: Int) -> String {
      let target = widths[column]
      var fitted = text
      if DisplayWidth.of(fitted) > target {
        var cut = ""
        for character in fitted {
          if DisplayWidth.of(cut) + DisplayWidth.of(character) + 1 > target { break }
          cut.append(character)
        }
        fitted = cut + "…"
      }
      let padding = max(0, target - DisplayWidth.of(fitted))
      let alignment = column < alignments.count ? alignments[column] : .none
      switch alignment {
      case .right: return String(repeating: " ", count: padding) + fitted
      case .center:
        return String(repeating: " ", count: padding / 2) + fitted
          + String(repeating: " ", count: padding - padding / 2)
      default: return fitted + String(repeating: " ", count: padding)
      }
    }
    var lines: [String] = []
    for (position, row) in texts.enumerated() {
      let cells = (0..<columns).map { cell(row[$0], $0) }
      let text = cells.enumerated().map { position == 0 ? styler.apply(.bold, $0.element) : $0.element }
      lines.append(indent + "│ " + text.joined(separator: " │ ") + " │")
      if position == 0 {
        lines.append(indent + "├" + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼") + "┤")
      }
    }
    return lines
  }
}
