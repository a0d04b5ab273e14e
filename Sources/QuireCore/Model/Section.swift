/// A heading of a note and the lines it governs.
///
/// Sections are first-class: they can be opened, linked to, and have backlinks.
public struct Section: Sendable, Hashable, Codable {
  /// The position of this section in its note's `sections`.
  public var index: Int
  /// The heading's text, without Markdown marks.
  public var title: String
  /// 1 for `#`, 2 for `##`, ...
  public var level: Int
  /// The GitHub-style slug (`the-postern-door`), unique within the note.
  public var anchor: String
  /// The line of the heading (1-based).
  public var line: Int
  /// The last line the section governs, up to the next heading of the same or a higher level.
  public var endLine: Int
  /// The enclosing section, if any.
  public var parent: Int?

  public init(
    index: Int, title: String, level: Int, anchor: String, line: Int, endLine: Int,
    parent: Int?
  ) {
    self.index = index
    self.title = title
    self.level = level
    self.anchor = anchor
    self.line = line
    self.endLine = endLine
    self.parent = parent
  }
}
