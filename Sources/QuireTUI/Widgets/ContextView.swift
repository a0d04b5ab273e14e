import QuireCore

/// The context pane: the note's outline, its outgoing links, or its backlinks by section.
public enum ContextView {
  static let tabs: [ContextMode] = [.outline, .links, .backlinks]

  public static func render(_ state: AppState, into buffer: inout ScreenBuffer, area pane: Rect) {
    // One column of air after the border.
    let area = Rect(x: pane.x + 1, y: pane.y, width: pane.width - 1, height: pane.height)
    guard !area.isEmpty else { return }
    let focused = state.focus == .context
    var x = area.x
    for mode in tabs {
      let active = mode == state.contextMode
      let style = active ? (focused ? Theme.focusedTitle : Theme.title) : Theme.dim
      x = buffer.put(mode.title, x: x, y: area.y, style: style, clip: area)
      x = buffer.put(" ", x: x, y: area.y, clip: area)
    }
    let list = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    guard !list.isEmpty, let view = state.note else { return }
    let note = state.vault.notes[view.noteIndex]
    let rows = state.contextRows
    let scroll = scrolled(state.contextScroll, toShow: state.contextSelection, height: list.height, count: rows.count)
    let cursorSection = state.cursorSection
    for offset in 0..<list.height {
      let index = scroll + offset
      guard index < rows.count else { break }
      let y = list.y + offset
      let selected = index == state.contextSelection
      var style: Style = .plain
      var text: String
      switch rows[index] {
      case .header(let label):
        text = label
        style = Theme.dim
      case .section(let section):
        let model = note.sections[section]
        text = String(repeating: "  ", count: max(0, model.level - 1)) + model.title
        if section == cursorSection { style = Theme.strong }
      case .link(let linkIndex):
        let link = note.links[linkIndex]
        text = label(of: link, in: state.vault, shown: view.layout?.linkTexts[linkIndex])
        style = link.state == .broken ? Style(foreground: .red) : link.state == .external ? Style(foreground: .magenta) : .plain
      case .backlinkGroup(let section, let count):
        if let section, let model = note.sections[safe: section] {
          text = "§ \(model.title) (\(count))"
        } else {
          text = "Whole note (\(count))"
        }
        style = Theme.group
      case .backlink(let ref):
        let source = state.vault.notes[ref.note]
        let link = state.vault.link(ref)
        var label = "  " + source.title
        if let section = link.sourceSection, let title = source.sections[safe: section]?.title {
          label += " › " + title
        }
        if link.kind == .mention { label += " (mention)" }
        text = label
      }
      if selected { style = style.merged(focused ? Theme.selected : Theme.dim.merged(Theme.selected)) }
      let end = buffer.put(text, x: list.x, y: y, style: style, clip: list)
      if selected, end < list.maxX {
        buffer.fill(Rect(x: end, y: y, width: list.maxX - end, height: 1), style: style)
      }
    }
  }

  /// How an outgoing link reads in the list: where it goes and in what state. `shown` is
  /// the text the note on screen shows for it, for a link loaded without its own.
  static func label(of link: Link, in vault: Vault, shown: String? = nil) -> String {
    let text = link.textLeftOut ? shown ?? "" : link.text
    let name = text.isEmpty ? link.raw : text
    switch link.state {
    case .resolved, .ambiguous:
      var label = "→ " + name
      if let target = link.target.flatMap({ vault.note($0) }), let first = link.targetSections.first,
        let title = target.sections[safe: first]?.title
      {
        label += " § " + title
      }
      return label
    case .broken: return "✗ " + name + (link.target == nil ? " (ghost)" : " (broken)")
    case .external: return "↗ " + link.raw
    case .asset: return "▫ " + name
    }
  }

  /// The mode whose title is at a column of the header.
  public static func mode(atColumn column: Int) -> ContextMode? {
    var x = 0
    for mode in tabs {
      let width = DisplayWidth.of(mode.title)
      if column >= x, column < x + width { return mode }
      x += width + 1
    }
    return nil
  }
}
