import Foundation
import QuireCore

/// Styles text for a terminal, or leaves it plain for a pipe or when `NO_COLOR` is set.
///
/// Every piece of note text passes through `text(_:)`, which escapes control characters
/// whether or not the output is a terminal.
struct Styler: Sendable {
  enum Style: String, Sendable {
    case bold = "1", dim = "2", italic = "3", underline = "4", strike = "9"
    case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
  }

  let colors: Bool
  /// Columns to wrap at (nil: no wrapping).
  let width: Int?

  /// The styler for standard output, as the environment and `--plain` decide.
  static func standardOutput(plain: Bool = false) -> Styler {
    let environment = ProcessInfo.processInfo.environment
    let isTerminal = isatty(STDOUT_FILENO) == 1
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let dumb = environment["TERM"] == "dumb"
    var width: Int? = nil
    if isTerminal {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        width = Int(size.ws_col)
      } else {
        width = 80
      }
    }
    return Styler(colors: isTerminal && !noColor && !dumb && !plain, width: width)
  }

  static let plain = Styler(colors: false, width: nil)

  /// Note text made safe for the output.
  func text(_ raw: String) -> String { TerminalSafe.escape(raw) }

  /// `text` wrapped in the given styles when colours are on.
  func apply(_ styles: [Style], _ text: String) -> String {
    guard colors, !styles.isEmpty, !text.isEmpty else { return text }
    return "\u{1B}[" + styles.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
  }

  func apply(_ style: Style, _ text: String) -> String { apply([style], text) }

  /// The colour for a link state.
  func state(_ state: LinkState) -> String {
    switch state {
    case .resolved: apply(.green, state.rawValue)
    case .broken: apply([.red, .bold], state.rawValue)
    case .ambiguous: apply(.yellow, state.rawValue)
    case .external, .asset: apply(.cyan, state.rawValue)
    }
  }
}
