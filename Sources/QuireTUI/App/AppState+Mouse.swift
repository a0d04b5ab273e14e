/// Mouse clicks: a click selects what it lands on, and opens or follows it.
extension AppState {
  mutating func click(x: Int, y: Int) -> [Effect] {
    let geometry = self.geometry
    guard !geometry.isTooSmall else { return [] }
    if let bar = geometry.tabBar, bar.contains(x: x, y: y) {
      if let pane = TabBarView.pane(atColumn: x - bar.x) { focus = pane }
      return []
    }
    if let rect = geometry.navigator, rect.contains(x: x, y: y) {
      focus = .navigator
      let row = navigatorScroll + (y - rect.y - 1)
      guard y > rect.y, navigatorRows.indices.contains(row) else { return [] }
      if case .group = navigatorRows[row] { return [] }
      navigatorSelection = row
      return activate()
    }
    if let rect = geometry.context, rect.contains(x: x, y: y) {
      focus = .context
      if y == rect.y {
        if let mode = ContextView.mode(atColumn: x - rect.x - 1) { showContext(mode) }
        return []
      }
      let row = contextScroll + (y - rect.y - 1)
      let rows = contextRows
      guard rows.indices.contains(row), rows[row].isSelectable else { return [] }
      contextSelection = row
      return activateContextRow(rows[row])
    }
    if let text = geometry.noteText, text.contains(x: x, y: y), let current = note,
      let layout = current.layout
    {
      focus = .note
      let line = current.scroll + (y - text.y)
      guard let occurrence = layout.occurrence(atLine: line, x: x - text.x) else { return [] }
      note?.selectedLink = occurrence
      return follow(linkIndex: layout.links[occurrence].link)
    }
    return []
  }
}
