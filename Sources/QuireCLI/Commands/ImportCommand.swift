import ArgumentParser
import Foundation
import QuireCore
import QuireMarkdown

/// `quire import`: plain-text notes into Markdown notes of the vault, linked.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Import plain-text notes as linked Markdown notes.",
    discussion: """
      Reads notes written as plain text (section titles alone on a line, "-" items) and makes Markdown notes with front matter and ## headings. The entries of Concepts, Threads and Sources are linked to the vault's notes by title, alias or a "(slug)"; other mentions are linked as quire link would. Names that match no note are listed, and made into stub notes with --create-stubs. Without --write, prints the note.

      Example: quire import note.txt --into findings --write
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "Plain-text files to import.", completion: .file()) var files: [String]
  @Option(help: ArgumentHelp("Vault folder to write into (default: the type's folder).", valueName: "DIR"))
  var into: String?
  @Option(help: ArgumentHelp("The notes' type.", valueName: "T")) var type: String = "finding"
  @Option(help: ArgumentHelp("The title (default: the first sentence).", valueName: "T"))
  var title: String?
  @Flag(help: "Write the notes instead of printing them.") var write = false
  @Flag(help: "Make stub notes for names that match no note.") var createStubs = false

  func run() throws {
    guard let noteType = NoteType(field: type) else {
      throw CLIFailure("unknown type '\(type)'; use finding, concept, thread, source, lens, researcher or page")
    }
    var folder = into?.trimmed
    while let current = folder, current.hasSuffix("/") { folder = String(current.dropLast()) }
    if let current = folder, current.split(separator: "/").contains("..") || current.hasPrefix("/") {
      throw CLIFailure("--into must be a folder inside the vault: \(current)")
    }
    let vault = try vaultOptions.load(fromCache: false)
    // QUIRE_TODAY fixes "now" for tests, as in `check`.
    let year = CheckCommand.today().year
    let importer = NoteImporter(
      vault: vault,
      options: .init(title: title, type: noteType, folder: folder, year: year, createStubs: createStubs))
    let writer = AtomicFileWriter()
    for file in files {
      let snapshot: FileSnapshot
      do {
        snapshot = try FileSnapshot.read(file)
      } catch {
        throw CLIFailure("cannot read \(file): \(error)")
      }
      if !snapshot.isValidUTF8 {
        warn("\(file): not valid UTF-8; bad bytes read as \u{FFFD}")
      }
      let output = importer.importNote(text: String(decoding: snapshot.bytes, as: UTF8.self))
      for (section, name) in output.unmatched {
        warn("\(file): no note answers to '\(TerminalSafe.escape(name))' (\(section))")
      }
      let linked = "\(output.linked.count) entr\(output.linked.count == 1 ? "y" : "ies") linked"
      if write {
        for stub in output.stubs {
          try create(stub, in: vault.root, writer: writer)
          inform("created stub \(stub.id)")
        }
        try create(output.note, in: vault.root, writer: writer)
        inform("imported \(file) as \(output.note.id); \(linked)")
      } else {
        print(TerminalSafe.escape(output.note.markdown), terminator: output.note.markdown.hasSuffix("\n") ? "" : "\n")
        for stub in output.stubs { inform("would create stub \(stub.id)") }
        inform("would write \(output.note.id); \(linked) (dry run; --write writes)")
      }
    }
  }

  private func create(_ file: NoteImporter.File, in root: String, writer: AtomicFileWriter) throws {
    let path = root + "/" + file.id
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try writer.create(Array(file.markdown.utf8), at: path)
    } catch {
      throw CLIFailure("\(error)")
    }
  }

  private func warn(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
  }

  private func inform(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
