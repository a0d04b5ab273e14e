/// One of the eight colours every colour terminal has.
public enum TerminalColor: Int, Sendable, Hashable, CaseIterable {
  case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colours (nil: the terminal's default) and attributes.
public struct Style: Sendable, Hashable {
  public var foreground: TerminalColor?
  public var background: TerminalColor?
  public var bold: Bool
  public var italic: Bool
  public var underline: Bool
  public var reverse: Bool
  public var dim: Bool

  public init(
    foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool = false,
    italic: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.italic = italic
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }

  public static let plain = Style()

  /// This style with another laid over it: set colours and attributes of `other` win.
  public func merged(_ other: Style) -> Style {
    Style(
      foreground: other.foreground ?? foreground, background: other.background ?? background,
      bold: bold || other.bold, italic: italic || other.italic,
      underline: underline || other.underline, reverse: reverse || other.reverse,
      dim: dim || other.dim)
  }

  /// A short tag for saved screens (`b` bold, `r` reverse, ...), empty for plain text.
  public var tag: String {
    var tag = ""
    if bold { tag += "b" }
    if italic { tag += "i" }
    if underline { tag += "u" }
    if reverse { tag += "r" }
    if dim { tag += "d" }
    return tag
  }
}

/// The styles of the browser in one place, so that a theme is one table.
public enum Theme {
  public static let heading = Style(foreground: .cyan, bold: true)
  public static let headingHighlight = Style(foreground: .black, background: .yellow, bold: true)
  public static let emphasis = Style(italic: true)
  public static let strong = Style(bold: true)
  public static let code = Style(foreground: .green)
  public static let link = Style(foreground: .blue, underline: true)
  public static let brokenLink = Style(foreground: .red, underline: true)
  public static let externalLink = Style(foreground: .magenta, underline: true)
  public static let linkNumber = Style(dim: true)
  public static let selected = Style(reverse: true)
  public static let match = Style(foreground: .black, background: .yellow)
  public static let dim = Style(dim: true)
  public static let border = Style(dim: true)
  public static let title = Style(bold: true)
  public static let statusLine = Style(reverse: true)
  public static let error = Style(foreground: .red, bold: true)
  public static let quote = Style(foreground: .yellow)
  public static let group = Style(foreground: .yellow, bold: true)
  public static let focusedTitle = Style(foreground: .cyan, bold: true, underline: true)

  /// The badge for a note's status: draft, working, stable.
  public static func badge(_ status: String?) -> (text: String, style: Style)? {
    switch status?.lowercased() {
    case "draft": ("D", Style(foreground: .yellow))
    case "working": ("W", Style(foreground: .cyan))
    case "stable": ("S", Style(foreground: .green))
    case .some(let other) where !other.isEmpty: ("?", Style(dim: true))
    default: nil
    }
  }
}
