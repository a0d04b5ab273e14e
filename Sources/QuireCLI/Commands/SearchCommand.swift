import ArgumentParser
import Foundation
import QuireCore
import QuireSearch

/// `quire search`: ranked full-text search over the vault.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search", abstract: "Search the notes of the vault.",
    discussion: """
      Words must all match; "exact phrases" in quotes; -word excludes; a OR b; word* is a prefix. Filters: type:finding, status:draft, lens:behavioral, in:title (or heading, body). Titles and aliases weigh most, then headings, then the text.

      Example: quire search "adversarial training" --type finding
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "What to look for (quote it to keep it one argument).")
  var query: [String]
  @Option(help: "Only notes of this type (finding, concept, thread, source, lens, researcher, page).")
  var type: String?
  @Option(help: "At most this many results.") var limit = 20
  @Flag(help: "Print JSON.") var json = false
  @Flag(help: "Keep the index in memory; read and write no cache.") var noCache = false
  @Flag(help: "No colours or highlighting.") var plain = false

  func run() throws {
    var parsed: SearchQuery
    do {
      parsed = try SearchQuery(parsing: query.joined(separator: " "), prefixLast: false)
    } catch {
      throw CLIFailure(error.localizedDescription)
    }
    if let type {
      guard let wanted = NoteType(field: type) else {
        let names = NoteType.allCases.map(\.rawValue).joined(separator: ", ")
        throw CLIFailure("unknown type '\(type)'; the types are \(names)")
      }
      if !parsed.types.contains(wanted) { parsed.types.append(wanted) }
    }
    guard limit > 0 else { throw CLIFailure("--limit must be at least 1") }
    let indexed = try IndexedVault.open(root: vaultOptions.resolvedRoot(), inMemory: noCache)
    let hits: [SearchHit]
    do {
      hits = try indexed.index.search(parsed, limit: limit)
    } catch {
      throw CLIFailure("search failed: \(error.localizedDescription)")
    }
    if json {
      print(JSONValue.array(hits.map { Self.json($0, vault: indexed.vault) }).serialized())
      return
    }
    let styler = Styler.standardOutput(plain: plain)
    for hit in hits {
      var place = styler.text(hit.id)
      if let section = hit.sectionTitle { place += " § " + styler.text(section) }
      print(
        "\(styler.apply(.cyan, hit.type.rawValue))  \(place)  "
          + styler.apply(.bold, styler.text(hit.title)))
      if !hit.snippet.isEmpty {
        print("    " + Self.highlighted(hit, styler: styler))
      }
    }
  }

  /// The snippet with its matched words styled, every piece escaped for the terminal
  /// (snippets come on one line: the index collapses their white space).
  static func highlighted(_ hit: SearchHit, styler: Styler) -> String {
    let characters = Array(hit.snippet)
    var result = ""
    var position = 0
    for range in hit.highlights.sorted(by: { $0.start < $1.start }) {
      let start = min(max(range.start, position), characters.count)
      let end = min(range.start + range.length, characters.count)
      guard start < end else { continue }
      result += styler.text(String(characters[position..<start]))
      result += styler.apply([.bold, .yellow], styler.text(String(characters[start..<end])))
      position = end
    }
    result += styler.text(String(characters[position...]))
    return result
  }

  /// A hit in JSON, with the names DESIGN.md uses.
  static func json(_ hit: SearchHit, vault: Vault) -> JSONValue {
    let section = hit.section.flatMap { index in
      vault.note(hit.id).flatMap { index < $0.sections.count ? $0.sections[index] : nil }
    }
    return .object([
      ("id", .string(hit.id)),
      ("title", .string(hit.title)),
      ("type", .string(hit.type.rawValue)),
      ("section", .optional(hit.sectionTitle)),
      ("anchor", .optional(section?.anchor)),
      ("line", section.map { .int($0.line) } ?? .null),
      ("score", .number((hit.score * 1000).rounded() / 1000)),
      ("snippet", .string(hit.snippet)),
      (
        "highlights",
        .array(hit.highlights.map { .object([("start", .int($0.start)), ("length", .int($0.length))]) })
      ),
    ])
  }
}
