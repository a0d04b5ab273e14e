import QuireCore

/// The note: its title, then its laid-out text from the scroll position.
///
/// The selected link is drawn reversed, the highlighted section's heading in the
/// highlight colour, and matches of the last search marked.
public enum NoteView {
  public static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
    guard !area.isEmpty else { return }
    guard let view = state.note else {
      buffer.put(" No note open: press Ctrl-P to jump to one", x: area.x, y: area.y, style: Theme.dim, clip: area)
      return
    }
    let note = state.vault.notes[view.noteIndex]
    let focused = state.focus == .note
    var titleX = buffer.put(" ", x: area.x, y: area.y, clip: area)
    titleX = buffer.put(note.title, x: titleX, y: area.y, style: focused ? Theme.focusedTitle : Theme.title, clip: area)
    if let badge = Theme.badge(note.status), let status = note.status {
      buffer.put("  " + status, x: titleX, y: area.y, style: badge.style, clip: area)
    }
    let text = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1)
    guard !text.isEmpty else { return }
    guard let layout = view.layout else {
      buffer.put("Loading…", x: text.x, y: text.y, style: Theme.dim, clip: text)
      return
    }
    let terms = state.lastQuery.map(MatchFinder.terms(of:)) ?? []
    for offset in 0..<text.height {
      let number = view.scroll + offset
      guard number < layout.lines.count else { break }
      let line = layout.lines[number]
      let y = text.y + offset
      let highlighted = line.heading != nil && line.heading == view.highlightedSection
      if highlighted { buffer.fill(Rect(x: text.x, y: y, width: text.width, height: 1), style: Theme.headingHighlight) }
      var x = text.x
      for span in line.spans {
        var style = span.style
        if highlighted { style = style.merged(Theme.headingHighlight) }
        if let occurrence = span.occurrence, occurrence == view.selectedLink {
          style = style.merged(Theme.selected)
        }
        x = buffer.put(span.text, x: x, y: y, style: style, clip: text)
      }
      if !terms.isEmpty {
        for match in MatchFinder.matches(of: terms, inLine: line.plainText, line: number) {
          buffer.restyle(Rect(x: text.x + match.x, y: y, width: min(match.width, text.maxX - text.x - match.x), height: 1), with: Theme.match)
        }
      }
    }
  }
}
