import ArgumentParser
import QuireCore

/// `quire backlinks`: what links to a note, or to one of its sections.
struct BacklinksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backlinks", abstract: "List the links that point at a note or a section.",
    discussion: """
      Backlinks are grouped by the section of the note they point at, including sections named only in the prose after a link (section mentions).

      Example: quire backlinks witness-ai --section "Postern Door"
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "The note: a path, file name, title or alias (NOTE#Section for a section).")
  var note: String
  @Option(help: "Only links that point at this section.") var section: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let vault = try vaultOptions.load()
    let presenter = VaultPresenter(vault: vault)
    let (index, note, section) = try presenter.note(self.note, section: self.section)
    let groups = vault.backlinksBySection(to: index).filter { group in
      section == nil || group.section == section?.index
    }
    if json {
      let refs = section.map { vault.backlinks(to: index, section: $0.index) } ?? vault.incoming[index]
      print(
        JSONValue.array(refs.map { presenter.json(vault.link($0), from: vault.notes[$0.note]) })
          .serialized())
      return
    }
    let styler = Styler.standardOutput()
    if groups.isEmpty {
      print(styler.apply(.dim, "Nothing links to \(styler.text(note.id))\(section.map { " § " + styler.text($0.title) } ?? "")."))
      return
    }
    for group in groups {
      let heading = group.section.map { "§ " + note.sections[$0].title } ?? "the note as a whole"
      print(styler.apply(.bold, styler.text(heading)))
      for ref in group.links {
        let source = vault.notes[ref.note]
        let link = vault.link(ref)
        let place = styler.apply(.dim, "\(source.id):\(link.line):\(link.column)")
        let relation = styler.apply(.cyan, link.relation.rawValue)
        print("  \(place)  \(relation)  \(styler.text(source.title))")
        // A short rest of a sentence ("or", ".") says nothing worth a line.
        if link.annotation.count >= 12 {
          print("    " + styler.apply(.dim, styler.text(Self.clip(link.annotation, 100))))
        }
      }
    }
  }

  static func clip(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
