import CNcurses
import QuireTUI

/// The ncurses screen: sets the terminal up, draws changed cells, reads keys, restores.
///
/// Owns every ncurses call of the browser. It keeps the last frame drawn and writes only
/// the cells that differ, so a keystroke costs a few cells of output, not a screen.
final class CursesScreen {
  private let window: UnsafeMutablePointer<WINDOW>
  private var previous: ScreenBuffer?
  private let useColour: Bool
  private var pairs: [PairKey: Int16] = [:]
  private var nextPair: Int16 = 1
  private(set) var isOpen = true

  private struct PairKey: Hashable {
    var foreground: Int16
    var background: Int16
  }

  /// Takes the screen; throws when the terminal cannot be set up (unknown `TERM`).
  init(environment: [String: String]) throws {
    setlocale(LC_ALL, "")
    guard let screen = quire_newterm_stdio() else {
      throw TerminalError.setupFailed(environment["TERM"] ?? "(unset)")
    }
    set_term(screen)
    guard let window = quire_stdscr() else {
      endwin()
      throw TerminalError.setupFailed(environment["TERM"] ?? "(unset)")
    }
    self.window = window
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    curs_set(0)
    set_escdelay(25)
    let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
    if !noColour, has_colors() {
      start_color()
      use_default_colors()
      useColour = true
    } else {
      useColour = false
    }
    let mask =
      quire_button1_clicked() | quire_button1_pressed() | quire_button1_released()
      | quire_button4_pressed() | quire_button5_pressed()
    mousemask(mask, nil)
    mouseinterval(0)
  }

  /// The terminal's size in cells.
  var size: (width: Int, height: Int) {
    (Int(quire_getmaxx(window)), Int(quire_getmaxy(window)))
  }

  /// Draws a frame, writing only the cells that changed since the last one.
  func draw(_ buffer: ScreenBuffer) {
    let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
    if full { werase(window) }
    for y in 0..<buffer.height {
      for x in 0..<buffer.width {
        let cell = buffer[x, y]
        if !full, let previous, previous[x, y] == cell { continue }
        if cell.isContinuation { continue }
        drawCell(cell, x: x, y: y)
      }
    }
    wnoutrefresh(window)
    doupdate()
    previous = buffer
  }

  /// Forgets the last frame, so that the next draw repaints everything (after the editor).
  func invalidate() {
    previous = nil
    clearok(window, true)
  }

  private func drawCell(_ cell: Cell, x: Int, y: Int) {
    // setcchar takes a base character and a few combining ones; longer clusters shrink.
    var characters = cell.grapheme.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
    if characters.isEmpty { characters = [wchar_t(32)] }
    characters.append(0)
    let (attributes, pair) = attributes(for: cell.style)
    let result = characters.withUnsafeBufferPointer { pointer in
      quire_draw_cell(window, Int32(y), Int32(x), pointer.baseAddress, attributes, pair)
    }
    let isLastCell = y == Int(quire_getmaxy(window)) - 1 && x == Int(quire_getmaxx(window)) - 1
    if result == ERR, cell.width == 1, !isLastCell {
      // The bottom-right cell reports ERR after drawing; a failed cluster shows as '?'.
      let fallback: [wchar_t] = [wchar_t(63), 0]
      _ = fallback.withUnsafeBufferPointer { pointer in
        quire_draw_cell(window, Int32(y), Int32(x), pointer.baseAddress, attributes, pair)
      }
    }
  }

  private func attributes(for style: Style) -> (attr_t, Int16) {
    var attributes: attr_t = 0
    if style.bold { attributes |= attr_t(quire_attr_bold()) }
    if style.underline { attributes |= attr_t(quire_attr_underline()) }
    if style.dim { attributes |= attr_t(quire_attr_dim()) }
    if style.italic { attributes |= attr_t(quire_attr_italic()) }
    var reverse = style.reverse
    guard useColour else {
      // Without colour a background colour (a highlight) shows as reverse video.
      if style.background != nil { reverse = true }
      if reverse { attributes |= attr_t(quire_attr_reverse()) }
      return (attributes, 0)
    }
    if reverse { attributes |= attr_t(quire_attr_reverse()) }
    let key = PairKey(
      foreground: Int16(style.foreground?.rawValue ?? -1),
      background: Int16(style.background?.rawValue ?? -1))
    if key.foreground == -1, key.background == -1 { return (attributes, 0) }
    if let pair = pairs[key] { return (attributes, pair) }
    guard Int32(nextPair) < quire_color_pairs() else { return (attributes, 0) }
    init_pair(nextPair, key.foreground, key.background)
    pairs[key] = nextPair
    nextPair += 1
    return (attributes, pairs[key] ?? 0)
  }

  // MARK: - Input

  /// Waits for input up to `timeout` milliseconds (-1: forever); nil when none came.
  func readInput(timeout: Int32) -> TerminalInput? {
    wtimeout(window, timeout)
    var character: wint_t = 0
    let result = wget_wch(window, &character)
    if result == ERR { return nil }
    if result == KEY_CODE_YES { return decodeKeyCode(Int32(character)) }
    return decodeCharacter(UInt32(character))
  }

  private func decodeKeyCode(_ code: Int32) -> TerminalInput? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_BTAB: return .key(.backTab)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_RESIZE: return .resize
    case KEY_MOUSE:
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      if event.bstate & quire_button4_pressed() != 0 { return .scroll(-3) }
      if event.bstate & quire_button5_pressed() != 0 { return .scroll(3) }
      if event.bstate & (quire_button1_clicked() | quire_button1_pressed()) != 0 {
        return .key(.click(x: Int(event.x), y: Int(event.y)))
      }
      return nil
    default: return nil
    }
  }

  private func decodeCharacter(_ value: UInt32) -> TerminalInput? {
    switch value {
    case 9: return .key(.tab)
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 8, 127: return .key(.backspace)
    case 1...26:
      guard let letter = Unicode.Scalar(value + 96) else { return nil }
      return .key(.ctrl(Character(letter)))
    default:
      guard value >= 32, let scalar = Unicode.Scalar(value) else { return nil }
      return .key(.character(Character(scalar)))
    }
  }

  // MARK: - Suspending and closing

  /// Gives the terminal back for a child program (the editor).
  func suspend() {
    def_prog_mode()
    endwin()
  }

  /// Takes the terminal again after `suspend`, repainting everything.
  func resume() {
    reset_prog_mode()
    invalidate()
    wrefresh(window)
  }

  /// Restores the terminal; safe to call more than once.
  func close() {
    guard isOpen else { return }
    isOpen = false
    endwin()
  }

  deinit { close() }
}

/// Input read from the terminal.
enum TerminalInput {
  case key(Key)
  case resize
  /// Wheel scrolling, in lines (negative: up).
  case scroll(Int)
}

/// Why the browser could not run on this terminal.
public enum TerminalError: Error, CustomStringConvertible {
  case setupFailed(String)
  case notATerminal

  public var description: String {
    switch self {
    case .setupFailed(let term): "cannot set up the terminal (TERM=\(term))"
    case .notATerminal: "the browser needs a terminal: standard input and output must be a tty"
    }
  }
}
