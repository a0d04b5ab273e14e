import ArgumentParser
import Foundation
import QuireCore
import QuireMarkdown

/// `quire mv`: renames or moves a note and rewrites every link to it.
struct MoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mv", abstract: "Rename or move a note, keeping every link to it working.",
    discussion: """
      OLD is the note (a path, file name, title or alias); NEW is its new vault path (a folder ending in / keeps the file name; .md is added when missing). Markdown links get paths recomputed from each linking note, the note's own relative links are recomputed from its new folder, and wikilinks that named it by file name use its new name. Without --write, prints the changes as a unified diff. The new file is written first, then the linking notes, then the old file is removed, each atomically, so that an interruption leaves no link broken.

      Example: quire mv emergent-capabilities concepts/emergence.md --write
      """,
    aliases: ["move"])

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "The note to move.") var old: String
  @Argument(help: "Its new vault path, or a folder ending in /.") var new: String
  @Flag(help: "Move and rewrite instead of printing a diff.") var write = false

  func run() throws {
    let vault = try vaultOptions.load(fromCache: false)
    let (_, note, _) = try VaultPresenter(vault: vault).note(old)
    let newID = try Self.destination(new, for: note)
    guard newID != note.id else { throw CLIFailure("\(note.id) is already there") }
    if vault.note(newID) != nil || FileManager.default.fileExists(atPath: vault.root + "/" + newID) {
      throw CLIFailure("\(newID) already exists")
    }
    let plan = MovePlanner(vault: vault).plan(moving: note.id, to: newID)
    let files = VaultFiles(root: vault.root)
    let styler = Styler.standardOutput()
    for line in plan.skipped { files.warn("not rewritten: \(line)") }

    let movedSnapshot = try snapshot(note, files)
    let movedEdits = MovePlanner.rewrite(plan.moved.edits, in: movedSnapshot.bytes)
    var others: [(FileSnapshot, [TextEdit], String)] = []
    for file in plan.others {
      guard let linking = vault.note(file.note) else { continue }
      let snapshot = try self.snapshot(linking, files)
      others.append((snapshot, MovePlanner.rewrite(file.edits, in: snapshot.bytes), linking.id))
    }
    let linkCount = others.reduce(0) { $0 + $1.1.count }
    if !write {
      print("rename \(styler.text(note.id)) -> \(styler.text(newID))")
      if !movedEdits.isEmpty {
        print(styler.diff(UnifiedDiff.make(path: newID, old: movedSnapshot.bytes, edits: movedEdits)), terminator: "")
      }
      for (snapshot, edits, id) in others {
        print(styler.diff(UnifiedDiff.make(path: id, old: snapshot.bytes, edits: edits)), terminator: "")
      }
      inform("would move \(note.id) to \(newID) and rewrite \(linkCount) link\(linkCount == 1 ? "" : "s") in \(others.count) note\(others.count == 1 ? "" : "s") (dry run; --write applies)")
      return
    }
    do {
      let newPath = vault.root + "/" + newID
      try FileManager.default.createDirectory(
        atPath: (newPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try movedSnapshot.verifyUnchanged()
      var info = stat()
      let mode: mode_t = stat(movedSnapshot.path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
      try files.writer.create(try TextEdit.apply(movedEdits, to: movedSnapshot.bytes), at: newPath, mode: mode)
      for (snapshot, edits, _) in others { try files.apply(edits, to: snapshot) }
      try movedSnapshot.verifyUnchanged()
      guard unlink(movedSnapshot.path) == 0 else {
        throw CLIFailure("wrote \(newID) but cannot remove \(note.id): \(String(cString: strerror(errno)))")
      }
    } catch let failure as CLIFailure {
      throw failure
    } catch {
      throw CLIFailure("\(error)")
    }
    inform("moved \(note.id) to \(newID); rewrote \(linkCount) link\(linkCount == 1 ? "" : "s") in \(others.count) note\(others.count == 1 ? "" : "s")")
  }

  private func snapshot(_ note: Note, _ files: VaultFiles) throws -> FileSnapshot {
    do {
      return try files.snapshot(of: note)
    } catch let failure as CLIFailure {
      throw failure
    } catch {
      throw CLIFailure("\(error)")
    }
  }

  /// The new vault path: a folder ending in `/` keeps the name; `.md` is added when missing.
  static func destination(_ text: String, for note: Note) throws -> String {
    var path = text.trimmed
    if path.hasPrefix("./") { path.removeFirst(2) }
    if path.hasSuffix("/") || path.isEmpty {
      path += NotePath.stem(of: note.id) + ".md"
    }
    if !path.lowercased().hasSuffix(".md") { path += ".md" }
    guard !path.hasPrefix("/"), let joined = NotePath.join("", path), !joined.isEmpty else {
      throw CLIFailure("\(text) is not a path inside the vault")
    }
    return joined
  }

  private func inform(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
