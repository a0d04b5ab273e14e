import ArgumentParser
import QuireCore

/// `quire graph`: the whole graph, or a neighbourhood, as JSON or Graphviz DOT.
struct GraphCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, dot
  }

  static let configuration = CommandConfiguration(
    commandName: "graph", abstract: "Print the graph of notes, sections and links.",
    discussion: """
      JSON lists every note with its sections and every link found, broken ones included. DOT clusters notes by type: quire graph --format dot | dot -Tsvg > vault.svg
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Option(help: "json or dot.") var format: Format = .json
  @Option(help: "Only the notes near this one.") var focus: String?
  @Option(help: "With --focus: how many links away (default 1).") var depth: Int = 1

  func run() throws {
    let vault = try vaultOptions.load()
    let presenter = VaultPresenter(vault: vault)
    var included = Set(vault.notes.indices)
    if let focus {
      guard depth >= 0 else { throw CLIFailure("--depth must be 0 or more") }
      let (index, _, _) = try presenter.note(focus)
      included = vault.neighbourhood(of: index, depth: depth)
    }
    switch format {
    case .json: print(json(vault, presenter, included).serialized())
    case .dot: print(dot(vault, included))
    }
  }

  private func json(_ vault: Vault, _ presenter: VaultPresenter, _ included: Set<Int>) -> JSONValue {
    let indices = included.sorted()
    var links: [JSONValue] = []
    for index in indices {
      let note = vault.notes[index]
      for link in note.links {
        if focus != nil, let target = link.target, let targetIndex = vault.index(of: target),
          !included.contains(targetIndex)
        {
          continue
        }
        links.append(presenter.json(link, from: note))
      }
    }
    let ghosts = vault.ghosts.keys.sorted().map { key -> JSONValue in
      .object([("id", .string(key)), ("linkCount", .int(vault.ghosts[key]?.count ?? 0))])
    }
    return .object([
      ("vault", .string(vault.root)),
      ("notes", .array(indices.map { presenter.json(vault.notes[$0]) })),
      ("links", .array(links)),
      ("ghosts", focus == nil ? .array(ghosts) : .array([])),
    ])
  }

  private func dot(_ vault: Vault, _ included: Set<Int>) -> String {
    // Control characters are escaped first: a title's ESC or bidi override reached the
    // terminal (or the file) through DOT labels.
    func quote(_ text: String) -> String {
      "\"" + TerminalSafe.escape(text, keepNewlines: false).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: " ") + "\""
    }
    // newrank lets dot rank edges that cross clusters (without it, layout can fail).
    var lines = ["digraph vault {", "  rankdir=LR;", "  newrank=true;", "  node [shape=box, style=rounded, fontname=\"Helvetica\"];"]
    let byType = Dictionary(grouping: included.sorted()) { vault.notes[$0].type }
    for type in NoteType.allCases {
      guard let members = byType[type] else { continue }
      lines.append("  subgraph \(quote("cluster_" + type.rawValue)) {")
      lines.append("    label=\(quote(type.plural));")
      for index in members {
        let note = vault.notes[index]
        lines.append("    \(quote(note.id)) [label=\(quote(note.title))];")
      }
      lines.append("  }")
    }
    var ghosts = Set<String>()
    for index in included.sorted() {
      let note = vault.notes[index]
      var seen = Set<String>()
      for link in note.links {
        if link.isEdge, let target = link.target, let targetIndex = vault.index(of: target),
          included.contains(targetIndex)
        {
          let sections = link.targetSections.compactMap { section in
            section < vault.notes[targetIndex].sections.count ? vault.notes[targetIndex].sections[section].title : nil
          }
          let key = target + "|" + link.relation.rawValue + "|" + sections.joined(separator: ",")
          guard seen.insert(key).inserted else { continue }
          var label = link.relation == .mentions ? "" : link.relation.rawValue
          if !sections.isEmpty { label += (label.isEmpty ? "" : ": ") + sections.joined(separator: ", ") }
          lines.append("  \(quote(note.id)) -> \(quote(target))\(label.isEmpty ? "" : " [label=\(quote(label))]");")
        } else if link.state == .broken, link.target == nil, focus == nil {
          let ghost = "ghost:" + link.raw
          if ghosts.insert(ghost).inserted {
            lines.append("  \(quote(ghost)) [label=\(quote(link.raw)), style=dashed, color=red];")
          }
          lines.append("  \(quote(note.id)) -> \(quote(ghost)) [style=dashed, color=red];")
        }
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n")
  }
}
