import QuireCore

/// The status line: the search prompt while it is open, else path, type, status,
/// position and the latest message.
public enum StatusLineView {
  public static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
    guard !area.isEmpty else { return }
    buffer.fill(area, style: Theme.statusLine)
    if case .search(let text) = state.prompt {
      let end = buffer.put("/" + text, x: area.x, y: area.y, style: Theme.statusLine, clip: area)
      buffer.put("█", x: end, y: area.y, style: Theme.statusLine, clip: area)
      let hint = state.searchNotice.map { " \($0) · Esc closes " } ?? " Enter opens · ↑↓ choose · Esc closes "
      let hintWidth = DisplayWidth.of(hint)
      if area.width - hintWidth > end + 2 {
        buffer.put(hint, x: area.maxX - hintWidth, y: area.y, style: Theme.statusLine.merged(Theme.dim), clip: area)
      }
      return
    }
    if state.helpScroll != nil {
      buffer.put(" Help · j/k scroll · Esc or ? closes", x: area.x, y: area.y, style: Theme.statusLine, clip: area)
      return
    }
    var right = ""
    if let loading = state.loadingVault {
      right = " \(loading) "
    } else if let view = state.note, let layout = view.layout {
      let total = max(1, layout.lines.count)
      let percent = min(100, (view.scroll + 1) * 100 / total)
      right = " \(min(view.scroll + 1, total))/\(total) \(percent)% "
    }
    let rightWidth = DisplayWidth.of(right)
    let leftArea = Rect(x: area.x, y: area.y, width: area.width - rightWidth, height: 1)
    if let message = state.message {
      buffer.put(" " + message, x: area.x, y: area.y, style: state.messageIsError ? Theme.statusLine.merged(Style(foreground: .red, bold: true)) : Theme.statusLine, clip: leftArea)
    } else if let note = state.currentNote {
      var text = " \(note.id) · \(note.type.rawValue)"
      if let status = note.status { text += " · \(status)" }
      text += " · ? help"
      buffer.put(text, x: area.x, y: area.y, style: Theme.statusLine, clip: leftArea)
    } else {
      buffer.put(" ? help · q quit", x: area.x, y: area.y, style: Theme.statusLine, clip: leftArea)
    }
    if rightWidth > 0, rightWidth < area.width {
      buffer.put(right, x: area.maxX - rightWidth, y: area.y, style: Theme.statusLine, clip: area)
    }
  }
}
