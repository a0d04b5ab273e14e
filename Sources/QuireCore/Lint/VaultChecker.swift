/// The rules `quire check` applies to a vault, as FORMAT.md lists them.
///
/// Results are data: one `Diagnostic` per problem, sorted by path and line.
public struct VaultChecker: Sendable {
  /// A rule's id, the severity it reports at, and what it checks.
  public struct Rule: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    public var summary: String
  }

  /// Every rule, in the order `check --list-rules` shows them.
  public static let rules: [Rule] = [
    Rule(id: "broken-link", severity: .error, summary: "a link to a note or file that does not exist"),
    Rule(id: "broken-anchor", severity: .error, summary: "a link to a heading the target does not have"),
    Rule(id: "ambiguous-link", severity: .warning, summary: "a link several notes answer to"),
    Rule(id: "orphan", severity: .warning, summary: "a typed note that no other note links to"),
    Rule(id: "missing-field", severity: .warning, summary: "a front-matter field the note's type requires"),
    Rule(id: "missing-title", severity: .warning, summary: "a typed note with no title field or # heading"),
    Rule(id: "duplicate-title", severity: .warning, summary: "two notes with the same title"),
    Rule(id: "no-concept", severity: .warning, summary: "a finding (not a draft) that links no concept"),
    Rule(id: "stale", severity: .warning, summary: "a finding dated over twelve months ago and not stable"),
    Rule(id: "yaml", severity: .warning, summary: "front matter that is not valid YAML"),
    Rule(id: "encoding", severity: .warning, summary: "a file that is not valid UTF-8"),
    Rule(id: "unreadable", severity: .warning, summary: "a file or folder that cannot be read"),
    Rule(id: "symlink", severity: .warning, summary: "a symbolic link that is broken or leads outside the vault"),
  ]

  /// The day "now" is, as (year, month, day); stale findings are judged against it.
  public var today: (year: Int, month: Int, day: Int)
  /// Run only these rules (all when empty).
  public var only: Set<String>

  public init(today: (year: Int, month: Int, day: Int), only: Set<String> = []) {
    self.today = today
    self.only = only
  }

  /// Every problem in the vault, sorted by path, line and column.
  public func check(_ vault: Vault) -> [Diagnostic] {
    var found: [Diagnostic] = vault.diagnostics
    for note in vault.notes { found += note.diagnostics }
    for (index, note) in vault.notes.enumerated() {
      found += linkProblems(note)
      found += fieldProblems(note)
      if note.type != .page, !vault.incoming[index].contains(where: { $0.note != index }) {
        found.append(problem(note, "orphan", "no other note links to this \(note.type.rawValue)"))
      }
      if note.type == .finding { found += findingProblems(note, in: vault) }
    }
    found += duplicateTitles(vault)
    if !only.isEmpty { found = found.filter { only.contains($0.rule) } }
    return found.sorted {
      ($0.path, $0.line, $0.column, $0.rule) < ($1.path, $1.line, $1.column, $1.rule)
    }
  }

  private func linkProblems(_ note: Note) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for link in note.links {
      switch link.state {
      case .broken where link.missingAnchor != nil:
        found.append(
          Diagnostic(
            path: note.id, line: link.line, column: link.column, severity: .error,
            message: "broken anchor '\(link.missingAnchor ?? "")' in link to \(link.target ?? link.raw)",
            rule: "broken-anchor"))
      case .broken:
        found.append(
          Diagnostic(
            path: note.id, line: link.line, column: link.column, severity: .error,
            message: "broken link '\(link.raw)': \(link.reason ?? "no such note")",
            rule: "broken-link"))
      case .ambiguous:
        found.append(
          Diagnostic(
            path: note.id, line: link.line, column: link.column, severity: .warning,
            message:
              "ambiguous link '\(link.raw)' matches \(link.candidates.joined(separator: ", ")); following \(link.target ?? "?")",
            rule: "ambiguous-link"))
      default: break
      }
    }
    return found
  }

  private func fieldProblems(_ note: Note) -> [Diagnostic] {
    guard note.type != .page else { return [] }
    var found: [Diagnostic] = []
    let required = ["writers"] + note.type.requiredFields
    let missing = required.filter { !note.frontMatter.has($0) }
    if !missing.isEmpty {
      let list = missing.map { "'\($0)'" }.joined(separator: ", ")
      found.append(
        problem(note, "missing-field", "\(note.type.rawValue) lacks \(list) in its front matter"))
    }
    if !note.hasExplicitTitle {
      found.append(problem(note, "missing-title", "no title: field and no # heading"))
    }
    return found
  }

  private func findingProblems(_ note: Note, in vault: Vault) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let status = note.status?.lowercased() ?? ""
    if status != "draft" {
      let linksConcept = note.links.contains { link in
        link.isEdge && (link.relation == .concept
          || link.target.flatMap { vault.note($0) }?.type == .concept)
      }
      if !linksConcept {
        found.append(problem(note, "no-concept", "finding links no concept"))
      }
    }
    if status != "stable", let date = note.date, let day = Self.parseDate(date),
      Self.monthsBetween(day, today) > 12 || (Self.monthsBetween(day, today) == 12 && today.day > day.day)
    {
      found.append(
        problem(note, "stale", "finding dated \(date) is over twelve months old and not stable"))
    }
    return found
  }

  private func duplicateTitles(_ vault: Vault) -> [Diagnostic] {
    var byTitle: [String: [Note]] = [:]
    for note in vault.notes { byTitle[note.title.lowercased(), default: []].append(note) }
    var found: [Diagnostic] = []
    for (_, notes) in byTitle where notes.count > 1 {
      for note in notes {
        let others = notes.filter { $0.id != note.id }.map(\.id).joined(separator: ", ")
        found.append(problem(note, "duplicate-title", "title '\(note.title)' is also used by \(others)"))
      }
    }
    return found
  }

  private func problem(_ note: Note, _ rule: String, _ message: String) -> Diagnostic {
    let severity = Self.rules.first { $0.id == rule }?.severity ?? .warning
    return Diagnostic(path: note.id, line: 1, column: 1, severity: severity, message: message, rule: rule)
  }

  /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a time after the date is ignored).
  public static func parseDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
    let parts = text.prefix(10).split(separator: "-").map { Int($0) }
    guard let first = parts.first, let year = first, year > 0 else { return nil }
    let month = parts.count > 1 ? parts[1] ?? 1 : 1
    let day = parts.count > 2 ? parts[2] ?? 1 : 1
    return (year, month, day)
  }

  static func monthsBetween(
    _ from: (year: Int, month: Int, day: Int), _ to: (year: Int, month: Int, day: Int)
  ) -> Int {
    (to.year - from.year) * 12 + (to.month - from.month)
  }
}
