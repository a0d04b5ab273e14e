import ArgumentParser
import QuireCore

/// `quire list`: the notes of the vault, by type.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the notes of the vault.",
    discussion: "Example: quire list --type finding --status draft")

  @OptionGroup var vaultOptions: VaultOptions
  @Option(help: "Only notes of this type (finding, concept, thread, source, lens, researcher, page).")
  var type: String?
  @Option(help: "Only notes with this status (draft, working, stable, ...).")
  var status: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let vault = try vaultOptions.load()
    var wantedType: NoteType? = nil
    if let type {
      guard let parsed = NoteType(field: type) else {
        let names = NoteType.allCases.map(\.rawValue).joined(separator: ", ")
        throw CLIFailure("unknown type '\(type)'; the types are \(names)")
      }
      wantedType = parsed
    }
    let notes = vault.notes.filter { note in
      (wantedType == nil || note.type == wantedType)
        && (status == nil || note.status?.lowercased() == status?.lowercased())
    }
    let presenter = VaultPresenter(vault: vault)
    if json {
      print(JSONValue.array(notes.map(presenter.json)).serialized())
      return
    }
    let styler = Styler.standardOutput()
    let sorted = notes.sorted { ($0.type, $0.id) < ($1.type, $1.id) }
    let typeWidth = sorted.map { $0.type.rawValue.count }.max() ?? 0
    let statusWidth = sorted.map { ($0.status ?? "-").count }.max() ?? 0
    let idWidth = min(60, sorted.map(\.id.count).max() ?? 0)
    for note in sorted {
      let type = note.type.rawValue.padding(typeWidth)
      let status = (note.status ?? "-").padding(statusWidth)
      print(
        "\(styler.apply(.cyan, type))  \(styler.apply(.dim, styler.text(status)))  "
          + "\(styler.text(note.id.padding(idWidth)))  \(styler.apply(.bold, styler.text(note.title)))")
    }
  }
}

extension String {
  /// The string padded with spaces to a width in characters.
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
