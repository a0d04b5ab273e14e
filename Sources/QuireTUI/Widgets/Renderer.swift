import QuireCore

/// Draws the whole browser for a state: a pure function of the state.
public enum Renderer {
  /// The screen for a state, at the state's size.
  public static func render(_ state: AppState) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: state.width, height: state.height)
    render(state, into: &buffer)
    return buffer
  }

  /// Draws a state into a buffer of the state's size.
  public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
    let geometry = state.geometry
    if geometry.isTooSmall {
      TooSmallView.render(into: &buffer, area: buffer.area)
      return
    }
    if let scroll = state.helpScroll {
      let (body, status) = buffer.area.splitTop(buffer.height - 1)
      HelpView.render(scroll: scroll, into: &buffer, area: body)
      StatusLineView.render(state, into: &buffer, area: status)
      return
    }
    if let bar = geometry.tabBar { TabBarView.render(focus: state.focus, into: &buffer, area: bar) }
    if let area = geometry.navigator { NavigatorView.render(state, into: &buffer, area: area) }
    if let area = geometry.note { NoteView.render(state, into: &buffer, area: area) }
    if let area = geometry.context { ContextView.render(state, into: &buffer, area: area) }
    for column in geometry.borders {
      buffer.fill(
        Rect(x: column, y: 0, width: 1, height: geometry.status.y), with: "│", style: Theme.border)
    }
    StatusLineView.render(state, into: &buffer, area: geometry.status)
    if case .jump(let text, let matches, let selected) = state.prompt {
      JumpView.render(
        text: text, matches: matches, selected: selected, pending: state.jumpPending, vault: state.vault,
        into: &buffer, area: geometry.screen)
    }
  }
}

/// "terminal too small", as much of it as fits.
public enum TooSmallView {
  public static func render(into buffer: inout ScreenBuffer, area: Rect) {
    guard !area.isEmpty else { return }
    let words = ["terminal", "too", "small"]
    let message = words.joined(separator: " ")
    if DisplayWidth.of(message) <= area.width {
      let x = area.x + (area.width - DisplayWidth.of(message)) / 2
      buffer.put(message, x: x, y: area.y + area.height / 2, style: Theme.error, clip: area)
      return
    }
    for (offset, word) in words.enumerated() where offset < area.height {
      buffer.put(word, x: area.x, y: area.y + offset, style: Theme.error, clip: area)
    }
  }
}

/// The tab bar of a narrow screen: one tab per pane.
public enum TabBarView {
  static let tabs: [(pane: Pane, label: String)] = [
    (.navigator, " 1 Notes "), (.note, " 2 Note "), (.context, " 3 Context "),
  ]

  public static func render(focus: Pane, into buffer: inout ScreenBuffer, area: Rect) {
    guard !area.isEmpty else { return }
    buffer.fill(area, style: Theme.dim)
    var x = area.x
    for tab in tabs {
      let style = tab.pane == focus ? Theme.selected.merged(Theme.title) : Theme.dim
      x = buffer.put(tab.label, x: x, y: area.y, style: style, clip: area)
      x = buffer.put(" ", x: x, y: area.y, clip: area)
    }
  }

  /// The pane whose tab is at a column of the bar.
  public static func pane(atColumn column: Int) -> Pane? {
    var x = 0
    for tab in tabs {
      let width = DisplayWidth.of(tab.label)
      if column >= x, column < x + width { return tab.pane }
      x += width + 1
    }
    return nil
  }
}

/// Keeps a selected row in view: the scroll offset to use.
func scrolled(_ scroll: Int, toShow row: Int, height: Int, count: Int) -> Int {
  guard height > 0 else { return 0 }
  var scroll = scroll
  if row < scroll { scroll = row }
  if row >= scroll + height { scroll = row - height + 1 }
  return max(0, min(scroll, max(0, count - height)))
}
