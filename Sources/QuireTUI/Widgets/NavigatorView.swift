import QuireCore

/// The navigator: notes grouped by type with counts and status badges, or search hits.
public enum NavigatorView {
  public static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
    guard !area.isEmpty else { return }
    let focused = state.focus == .navigator
    let rows = state.navigatorRows
    var title: String
    if let hits = state.hits {
      let query: String
      if case .search(let text) = state.prompt { query = text } else { query = state.lastQuery ?? "" }
      title = "Search \"\(query)\": \(hits.count)"
    } else {
      title = "Notes (\(state.vault.notes.count)) by \(state.sort == .title ? "title" : "date")"
    }
    buffer.put(title, x: area.x, y: area.y, style: focused ? Theme.focusedTitle : Theme.title, clip: area)
    let list = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    guard !list.isEmpty else { return }
    let scroll = scrolled(
      state.navigatorScroll, toShow: state.navigatorSelection, height: list.height, count: rows.count)
    if rows.isEmpty {
      let empty = state.hits == nil ? "(no notes)" : "(no results)"
      buffer.put(empty, x: list.x, y: list.y, style: Theme.dim, clip: list)
      return
    }
    for offset in 0..<list.height {
      let index = scroll + offset
      guard index < rows.count else { break }
      let y = list.y + offset
      let isSelected = index == state.navigatorSelection
      switch rows[index] {
      case .group(let type, let count):
        buffer.put("\(type.plural) (\(count))", x: list.x, y: y, style: Theme.group, clip: list)
      case .note(let noteIndex):
        let note = state.vault.notes[noteIndex]
        let isOpen = state.note?.noteIndex == noteIndex
        var x = list.x
        if let badge = Theme.badge(note.status) {
          x = buffer.put(" " + badge.text + " ", x: x, y: y, style: badge.style, clip: list)
        } else {
          x = buffer.put("   ", x: x, y: y, clip: list)
        }
        var style: Style = isOpen ? Theme.strong : .plain
        if isSelected { style = style.merged(focused ? Theme.selected : Theme.dim.merged(Theme.selected)) }
        let label = state.sort == .date && note.date != nil ? "\(note.title) · \(note.date ?? "")" : note.title
        let end = buffer.put(label, x: x, y: y, style: style, clip: list)
        if isSelected, end < list.maxX {
          buffer.fill(Rect(x: end, y: y, width: list.maxX - end, height: 1), style: style)
        }
      case .hit(let hitIndex):
        guard let hit = state.hits?[safe: hitIndex] else { continue }
        var style: Style = .plain
        if isSelected { style = Theme.selected }
        var label = hit.title
        if let section = hit.sectionTitle { label += " § " + section }
        let end = buffer.put(" " + label, x: list.x, y: y, style: style, clip: list)
        if isSelected, end < list.maxX {
          buffer.fill(Rect(x: end, y: y, width: list.maxX - end, height: 1), style: style)
        }
      }
    }
  }
}
