/// The body of a note as blocks and inline spans, for reading on a screen.
///
/// Produced by QuireMarkdown from cmark-gfm's tree; rendered by `quire show` and the browser.
/// Links inside refer to the note's `links` by index, so a view can show their state.
public struct Document: Sendable, Hashable {
  public var blocks: [Block]
  public init(blocks: [Block] = []) { self.blocks = blocks }
}

/// Column alignment of a GFM table.
public enum TableAlignment: Sendable, Hashable {
  case none, left, center, right
}

/// A block of a document.
public indirect enum Block: Sendable, Hashable {
  /// A heading; `section` indexes the note's sections.
  case heading(level: Int, content: [Inline], section: Int)
  case paragraph([Inline])
  /// A list; each item is a list of blocks. `task` holds checkbox states for task items.
  case list(ordered: Bool, start: Int, items: [ListItem])
  case quote([Block])
  case code(language: String, text: String)
  case table(alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]])
  case rule
  /// Raw HTML, shown as text.
  case html(String)
}

/// One item of a list.
public struct ListItem: Sendable, Hashable {
  public var blocks: [Block]
  /// `true`/`false` for `- [x]`/`- [ ]` task items, nil otherwise.
  public var checked: Bool?
  public init(blocks: [Block], checked: Bool? = nil) {
    self.blocks = blocks
    self.checked = checked
  }
}

/// An inline span of a block.
public indirect enum Inline: Sendable, Hashable {
  case text(String)
  case emphasis([Inline])
  case strong([Inline])
  case strikethrough([Inline])
  case code(String)
  /// A link; `link` indexes the note's `links`.
  case link(link: Int, content: [Inline])
  case image(alt: String, target: String)
  case softBreak
  case lineBreak
  case html(String)

  /// The span's text without marks.
  public var plainText: String {
    switch self {
    case .text(let text), .code(let text), .html(let text): text
    case .emphasis(let content), .strong(let content), .strikethrough(let content),
      .link(_, let content):
      content.map(\.plainText).joined()
    case .image(let alt, _): alt
    case .softBreak: " "
    case .lineBreak: "\n"
    }
  }
}

extension Array where Element == Inline {
  /// The spans' text without marks.
  public var plainText: String { map(\.plainText).joined() }
}
