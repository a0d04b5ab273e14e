/// A heading of a note and the lines it governs.
///
/// Sections are first-class: they can be opened, linked to, and have backlinks.
///
/// A large vault holds most of a million of these: the numbers are stored in 32 bits
/// (56 bytes a section rather than 80). Positions in a note's sections fit any note that
/// fits in memory; a line past 4,294,967,295 (a file of more than 4 GiB) is stored as that.
public struct Section: Sendable, Hashable {
  public var title: String
  /// The GitHub-style slug (`the-postern-door`), unique within the note.
  public var anchor: String
  private var storedIndex: Int32
  /// -1: none.
  private var storedParent: Int32
  private var storedLine: UInt32
  private var storedEndLine: UInt32
  private var storedLevel: UInt8

  public init(
    index: Int, title: String, level: Int, anchor: String, line: Int, endLine: Int,
    parent: Int?
  ) {
    self.title = title
    self.anchor = anchor
    storedIndex = 0
    storedParent = -1
    storedLine = 0
    storedEndLine = 0
    storedLevel = 0
    self.index = index
    self.parent = parent
    self.line = line
    self.endLine = endLine
    self.level = level
  }

  /// The position of this section in its note's `sections`.
  public var index: Int {
    get { Int(storedIndex) }
    set { storedIndex = Int32(clamping: newValue) }
  }
  /// 1 for `#`, 2 for `##`, ...
  public var level: Int {
    get { Int(storedLevel) }
    set { storedLevel = UInt8(clamping: newValue) }
  }
  /// The line of the heading (1-based).
  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = UInt32(clamping: newValue) }
  }
  /// The last line the section governs, up to the next heading of the same or a higher level.
  public var endLine: Int {
    get { Int(storedEndLine) }
    set { storedEndLine = UInt32(clamping: newValue) }
  }
  /// The enclosing section, if any.
  public var parent: Int? {
    get { storedParent < 0 ? nil : Int(storedParent) }
    set { storedParent = newValue.map { Int32(clamping: $0) } ?? -1 }
  }
}
