import QuireCore

/// The `?` screen: every command and its keys, generated from the command table.
public enum HelpView {
  /// The help text as lines (a group title, then its commands).
  static let lines: [(text: String, isTitle: Bool)] = {
    var lines: [(String, Bool)] = [("Quire: keys", true), ("", false)]
    let keyWidth = CommandTable.all.map { DisplayWidth.of($0.keyLabel) }.max() ?? 10
    for (group, commands) in CommandTable.grouped {
      lines.append((group.rawValue, true))
      for command in commands {
        let keys = command.keyLabel
        let pad = String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(keys) + 2))
        lines.append(("  " + keys + pad + command.help, false))
      }
      lines.append(("", false))
    }
    lines.append(("Mouse: a click selects and opens notes, links and list items.", false))
    return lines
  }()

  public static var lineCount: Int { lines.count }

  public static func render(scroll: Int, into buffer: inout ScreenBuffer, area: Rect) {
    guard !area.isEmpty else { return }
    let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
    for offset in 0..<inner.height {
      guard let line = lines[safe: scroll + offset] else { break }
      buffer.put(line.text, x: inner.x, y: inner.y + offset, style: line.isTitle ? Theme.group : .plain, clip: inner)
    }
  }
}

/// The Ctrl-P box: typed text and the best matching notes.
public enum JumpView {
  /// Draws the box; `pending`: the matches are for an earlier text, those of `text` are
  /// being made (a dim `…` at the end of the title row says so).
  public static func render(
    text: String, matches: [Int], selected: Int, pending: Bool = false, vault: QuireCore.Vault,
    into buffer: inout ScreenBuffer, area: Rect
  ) {
    let width = min(area.width - 2, 70)
    let height = min(area.height - 2, 16)
    guard width >= 8, height >= 3 else { return }
    let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: height)
    buffer.fill(box, style: Style(reverse: false))
    buffer.fill(Rect(x: box.x, y: box.y, width: box.width, height: 1), style: Theme.statusLine)
    let end = buffer.put(" Jump to: " + text, x: box.x, y: box.y, style: Theme.statusLine, clip: box)
    buffer.put("█", x: end, y: box.y, style: Theme.statusLine, clip: box)
    if pending, end + 3 < box.maxX {
      buffer.put("…", x: box.maxX - 2, y: box.y, style: Theme.statusLine.merged(Theme.dim), clip: box)
    }
    let list = Rect(x: box.x, y: box.y + 1, width: box.width, height: box.height - 1)
    if matches.isEmpty {
      buffer.put(pending ? " (matching…)" : " (no matching note)", x: list.x, y: list.y, style: Theme.dim, clip: list)
    }
    let scroll = scrolled(0, toShow: selected, height: list.height, count: matches.count)
    for offset in 0..<list.height {
      guard let noteIndex = matches[safe: scroll + offset] else { break }
      let note = vault.notes[noteIndex]
      let style = scroll + offset == selected ? Theme.selected : Style.plain
      let y = list.y + offset
      let end = buffer.put(" " + note.title, x: list.x, y: y, style: style, clip: list)
      let path = "  " + note.id + " "
      let pathX = max(end, list.maxX - DisplayWidth.of(path))
      if style == .plain || pathX > end {
        buffer.fill(Rect(x: end, y: y, width: max(0, pathX - end), height: 1), style: style)
      }
      buffer.put(path, x: pathX, y: y, style: style.merged(Theme.dim), clip: list)
    }
  }
}
