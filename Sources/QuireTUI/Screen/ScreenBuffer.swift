import QuireCore

/// One cell of the screen: a grapheme, the columns it takes, and its style.
///
/// A wide grapheme fills its cell and leaves the next one as a continuation
/// (empty grapheme, width 0), as terminals lay them out.
public struct Cell: Sendable, Hashable {
  public var grapheme: String
  public var width: Int
  public var style: Style

  public init(grapheme: String = " ", width: Int = 1, style: Style = .plain) {
    self.grapheme = grapheme
    self.width = width
    self.style = style
  }

  public static let blank = Cell()
  public var isContinuation: Bool { width == 0 }
}

/// A grid of cells that widgets draw into; a terminal adapter then shows it.
///
/// Every write goes through `TerminalSafe`, so no control character of a note can
/// reach a terminal. Writes outside the buffer or the given clip are dropped.
public struct ScreenBuffer: Sendable, Hashable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = [Cell](repeating: .blank, count: self.width * self.height)
  }

  public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, y >= 0, x < width, y < height else { return .blank }
      return cells[y * width + x]
    }
  }

  /// Sets one cell; a wide grapheme also claims the next cell, if it fits.
  mutating func set(x: Int, y: Int, _ cell: Cell) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let index = y * width + x
    // Overwriting half of a wide character blanks its other half.
    if cells[index].width == 2, x + 1 < width { cells[index + 1] = .blank }
    if cells[index].width == 0, x > 0, cells[index - 1].width == 2 { cells[index - 1] = .blank }
    cells[index] = cell
    if cell.width == 2, x + 1 < width {
      if cells[index + 1].width == 2, x + 2 < width { cells[index + 2] = .blank }
      cells[index + 1] = Cell(grapheme: "", width: 0, style: cell.style)
    }
  }

  /// Writes text from (x, y), clipped to `clip` (the whole buffer by default).
  /// Returns the column after the last grapheme written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
  ) -> Int {
    let clip = clip ?? area
    guard y >= clip.y, y < clip.maxY, y >= 0, y < height else { return x }
    let limit = min(clip.maxX, width)
    let safe = TerminalSafe.escape(text, keepNewlines: false)
    var column = x
    for character in safe {
      if character == "\n" { continue }
      let columns = DisplayWidth.of(character)
      if columns == 0 { continue }
      if column + columns > limit { break }
      if column >= clip.x, column >= 0 {
        set(x: column, y: y, Cell(grapheme: String(character), width: columns, style: style))
      }
      column += columns
    }
    return column
  }

  /// Fills a rectangle with one grapheme (spaces by default) in a style.
  public mutating func fill(_ rect: Rect, with grapheme: String = " ", style: Style = .plain) {
    let columns = max(1, DisplayWidth.of(grapheme))
    for row in rect.y..<rect.maxY {
      var column = rect.x
      while column + columns <= rect.maxX {
        set(x: column, y: row, Cell(grapheme: grapheme, width: columns, style: style))
        column += columns
      }
    }
  }

  /// Lays a style over every cell of a rectangle, keeping the text.
  public mutating func restyle(_ rect: Rect, with style: Style) {
    for row in max(0, rect.y)..<min(height, rect.maxY) {
      for column in max(0, rect.x)..<min(width, rect.maxX) {
        cells[row * width + column].style = cells[row * width + column].style.merged(style)
      }
    }
  }

  /// The text of one row, wide graphemes once, trailing spaces dropped.
  public func line(_ row: Int) -> String {
    guard row >= 0, row < height else { return "" }
    var text = ""
    for column in 0..<width {
      let cell = cells[row * width + column]
      if cell.isContinuation { continue }
      text += cell.grapheme
    }
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  /// Every row's text, as a saved screen shows it.
  public var text: String { (0..<height).map(line).joined(separator: "\n") }
}
