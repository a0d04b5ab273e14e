/// Plans the edits that keep every link working when a note is renamed or moved.
///
/// Markdown links to the note get a path recomputed relative to each linking note; the
/// moved note's own relative links are recomputed from its new folder. Wikilinks that named
/// the note by file name or path name it by its new file name (by path when that name is
/// no longer unique); those that named it by title or alias still resolve and are kept.
/// Anchors and shown text are kept as written.
public struct MovePlanner: Sendable {
  public let vault: Vault

  public init(vault: Vault) { self.vault = vault }

  /// A link to give a new target: its range in the file and what it should lead to.
  public struct Retarget: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
      /// A Markdown link's new path (encoded); its anchor and title are kept.
      case markdownPath(String)
      /// A wikilink's new name; its anchor and shown text are kept.
      case wikiName(String)
    }
    public var range: Range<Int>
    public var target: Target
  }

  /// The links of one file to retarget.
  public struct FileEdits: Sendable, Hashable {
    /// The note whose file changes (its old id for the moved note).
    public var note: String
    public var edits: [Retarget]
  }

  /// What a move changes.
  public struct Plan: Sendable, Hashable {
    /// Edits to the moved note itself, applied to the copy written at the new path.
    public var moved: FileEdits
    /// Edits to the notes that link to it.
    public var others: [FileEdits]
    /// Links that cannot be rewritten (front matter, reference-style): `path:line: what`.
    public var skipped: [String]
  }

  /// The plan for moving note `old` to `new` (both vault paths).
  public func plan(moving old: String, to new: String) -> Plan {
    let notesAfter = vault.notes.map { note -> Note in
      var copy = note
      if copy.id == old { copy.id = new }
      return copy
    }
    let formatter = LinkFormatter(style: .wiki, notes: notesAfter)
    var skipped: [String] = []
    var others: [FileEdits] = []
    for note in vault.notes where note.id != old {
      var edits: [Retarget] = []
      for link in note.links where link.target == old && (link.state == .resolved || link.state == .ambiguous) {
        switch link.kind {
        case .markdown:
          let path = NotePath.relative(from: note.folder, to: new)
          if let edit = markdownEdit(link, newPath: path) { edits.append(edit) } else {
            skipped.append("\(note.id):\(link.line): \(link.raw)")
          }
        case .wiki:
          if let edit = wikiEdit(link, target: vault.note(old), newName: formatter.wikiName(for: new)) {
            edits.append(edit)
          }
        case .frontmatter, .mention:
          skipped.append("\(note.id):\(link.line): \(link.raw) (front matter)")
        }
      }
      if !edits.isEmpty { others.append(FileEdits(note: note.id, edits: edits)) }
    }
    var ownEdits: [Retarget] = []
    if let moved = vault.note(old) {
      let newFolder = NotePath.folder(of: new)
      for link in moved.links where link.kind == .markdown && !link.rawPath.trimmed.isEmpty {
        guard let target = link.target, link.state != .external, link.state != .broken else { continue }
        let destination = target == old ? new : target
        let path = NotePath.relative(from: newFolder, to: destination)
        if NotePath.percentDecoded(link.rawPath.trimmed) != path,
          let edit = markdownEdit(link, newPath: path)
        {
          ownEdits.append(edit)
        }
      }
    }
    return Plan(moved: FileEdits(note: old, edits: ownEdits), others: others, skipped: skipped)
  }

  /// Retargets `[text](path#anchor "title")` to a new path (the bytes are edited later).
  func markdownEdit(_ link: Link, newPath: String) -> Retarget? {
    guard let range = link.byteRange else { return nil }
    return Retarget(range: range, target: .markdownPath(LinkFormatter.encode(newPath)))
  }

  func wikiEdit(_ link: Link, target: Note?, newName: String) -> Retarget? {
    guard let range = link.byteRange else { return nil }
    let written = link.rawPath.trimmed.lowercased()
    if let target, written == target.title.lowercased()
      || target.aliases.contains(where: { $0.lowercased() == written })
    {
      return nil
    }
    return Retarget(range: range, target: .wikiName(newName))
  }

  /// Turns planned edits into byte edits over a file's bytes: the link at each range keeps
  /// its text, anchor and title, and gets the new target.
  public static func rewrite(_ edits: [Retarget], in bytes: [UInt8]) -> [TextEdit] {
    edits.compactMap { edit in
      guard edit.range.upperBound <= bytes.count else { return nil }
      let original = Array(bytes[edit.range])
      switch edit.target {
      case .markdownPath(let path):
        guard let span = markdownDestination(original) else { return nil }
        let destination = String(decoding: original[span], as: UTF8.self)
        let anchor = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
        let start = edit.range.lowerBound + span.lowerBound
        return TextEdit(range: start..<(edit.range.lowerBound + span.upperBound), replacement: path + anchor)
      case .wikiName(let name):
        // `[[target#anchor|alias]]`: replace what stands before `#`, `|` or `]]`.
        guard let open = original.firstIndex(of: UInt8(ascii: "[")) else { return nil }
        let start = open + 2
        var end = start
        while end < original.count, original[end] != UInt8(ascii: "#"), original[end] != UInt8(ascii: "|"),
          original[end] != UInt8(ascii: "]"), original[end] != UInt8(ascii: "\\")
        {
          end += 1
        }
        guard start <= end, end <= original.count else { return nil }
        return TextEdit(
          range: (edit.range.lowerBound + start)..<(edit.range.lowerBound + end), replacement: name)
      }
    }
  }

  /// The destination of an inline Markdown link in its bytes, without `<>` and title.
  static func markdownDestination(_ bytes: [UInt8]) -> Range<Int>? {
    guard bytes.last == UInt8(ascii: ")") else { return nil }
    var open: Int? = nil
    var index = bytes.count - 2
    while index > 0 {
      if bytes[index] == UInt8(ascii: "("), bytes[index - 1] == UInt8(ascii: "]") {
        open = index
        break
      }
      index -= 1
    }
    guard let open else { return nil }
    var start = open + 1
    while start < bytes.count - 1, bytes[start] == UInt8(ascii: " ") { start += 1 }
    if bytes[start] == UInt8(ascii: "<") {
      guard let close = bytes[(start + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
      return (start + 1)..<close
    }
    var end = start
    while end < bytes.count - 1, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "\n") {
      end += 1
    }
    return start..<end
  }
}
