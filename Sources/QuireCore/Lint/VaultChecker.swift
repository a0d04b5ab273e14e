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
    Rule(id: "unlinked-mention", severity: .info, summary: "prose naming other notes that quire link would link"),
    Rule(
      id: "reciprocity", severity: .warning,
      summary: "a finding's concept that does not list it under Instantiating findings, or the reverse"),
    Rule(id: "section-order", severity: .warning, summary: "a note's usual sections out of their order for its type"),
    Rule(id: "bare-url", severity: .warning, summary: "a bare URL in prose where a source stub has that url"),
    Rule(id: "duplicate-source", severity: .warning, summary: "two source stubs with the same url"),
    Rule(id: "unmatched-source", severity: .warning, summary: "a finding (not a draft) whose source: no stub has"),
  ]

  /// The day "now" is, as (year, month, day); stale findings are judged against it.
  public var today: (year: Int, month: Int, day: Int)
  /// Run only these rules (all when empty).
  public var only: Set<String>
  /// How many unlinked mentions each note holds, by note id, as the linker counts them (the
  /// checker reads no files; the caller finds them with `LinkPlanner`). Notes not listed
  /// have none.
  public var unlinkedMentions: [String: Int]
  /// Notes the mention finder skipped, by note id, with why (its work budget ran out).
  public var mentionsSkipped: [String: String] = [:]

  public init(
    today: (year: Int, month: Int, day: Int), only: Set<String> = [],
    unlinkedMentions: [String: Int] = [:]
  ) {
    self.today = today
    self.only = only
    self.unlinkedMentions = unlinkedMentions
  }

  /// Whether a rule is to run.
  public func runs(_ rule: String) -> Bool { only.isEmpty || only.contains(rule) }

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
      found += sectionOrderProblems(note)
      found += bareURLs(note, in: vault)
      if let count = unlinkedMentions[note.id], count > 0 {
        found.append(
          problem(
            note, "unlinked-mention",
            "\(count) unlinked mention\(count == 1 ? "" : "s") of other notes (quire link \(note.id))"))
      }
      if let skipped = mentionsSkipped[note.id] {
        found.append(problem(note, "unlinked-mention", skipped))
      }
    }
    found += duplicateTitles(vault)
    found += reciprocityProblems(vault)
    found += duplicateSources(vault)
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
      // A `source:` URL that leads to no stub stays an external link (FORMAT.md: sources are
      // cited through their stub); a non-URL that leads nowhere is a broken link already.
      for link in note.links where link.kind == .frontmatter && link.relation == .cites {
        if link.state == .external {
          found.append(
            Diagnostic(
              path: note.id, line: link.line, column: 1, severity: .warning,
              message: "source \(link.raw) matches no source stub's url",
              rule: "unmatched-source"))
        }
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

  // MARK: - Reciprocity

  /// Findings and concepts that disagree: a finding's *Concepts* section links a concept
  /// whose *Instantiating findings* section does not link the finding, or the reverse.
  /// Pairs where either note is a draft are left alone (drafts owe no link completeness).
  private func reciprocityProblems(_ vault: Vault) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for (index, note) in vault.notes.enumerated() {
      let pairs: (relation: LinkRelation, targetType: NoteType, back: LinkRelation, section: String)
      switch note.type {
      case .finding: pairs = (.concept, .concept, .instantiates, "Instantiating findings")
      case .concept: pairs = (.instantiates, .finding, .concept, "Concepts")
      default: continue
      }
      guard !Self.isDraft(note) else { continue }
      var reported = Set<String>()
      for link in note.links where link.isEdge && link.kind != .frontmatter && link.relation == pairs.relation {
        guard let target = link.target, target != note.id, let targetIndex = vault.index(of: target)
        else { continue }
        let other = vault.notes[targetIndex]
        guard other.type == pairs.targetType, !Self.isDraft(other), reported.insert(target).inserted
        else { continue }
        let linksBack = other.links.contains {
          $0.isEdge && $0.relation == pairs.back && $0.target == vault.notes[index].id
        }
        guard !linksBack else { continue }
        found.append(
          Diagnostic(
            path: note.id, line: link.line, column: link.column, severity: .warning,
            message: "\(target) does not link back to this \(note.type.rawValue) under \(pairs.section)",
            rule: "reciprocity"))
      }
    }
    return found
  }

  static func isDraft(_ note: Note) -> Bool { note.status?.lowercased() == "draft" }

  // MARK: - Section order

  /// The first of a note's usual sections (FORMAT.md's table) that stands after one meant to
  /// follow it. Only the top level of sections below the title counts; sections the table
  /// does not name (a thread's arguments, extra notes) may stand anywhere.
  private func sectionOrderProblems(_ note: Note) -> [Diagnostic] {
    let order = note.type.typicalSections.map { $0.lowercased() }
    guard order.count > 1 else { return [] }
    let body = note.sections.filter { !($0.level == 1 && $0.index == 0) }
    guard let level = body.map(\.level).min() else { return [] }
    var latest: (rank: Int, title: String)? = nil
    for section in body where section.level == level {
      guard let rank = order.firstIndex(of: section.title.trimmed.lowercased()) else { continue }
      if let previous = latest, rank < previous.rank {
        return [
          Diagnostic(
            path: note.id, line: section.line, column: 1, severity: .warning,
            message:
              "section '\(section.title)' comes after '\(previous.title)'; a \(note.type.rawValue)'s "
              + "sections go \(note.type.typicalSections.joined(separator: ", "))",
            rule: "section-order")
        ]
      }
      latest = (rank, section.title)
    }
    return []
  }

  // MARK: - Citations

  /// Bare URLs written in a note's prose (autolinks) that a source stub of the vault has as
  /// its `url:`: the stub should be linked instead, so the citation joins the graph.
  private func bareURLs(_ note: Note, in vault: Vault) -> [Diagnostic] {
    guard note.type != .source else { return [] }
    var found: [Diagnostic] = []
    for link in note.links where link.kind == .markdown && link.state == .external {
      guard Self.isBare(link), let stub = vault.sourceStub(url: link.raw) else { continue }
      found.append(
        Diagnostic(
          // cmark's autolink extension may report column 0 for a URL in running text.
          path: note.id, line: link.line, column: max(1, link.column), severity: .warning,
          message: "bare URL \(link.raw): cite its source stub \(stub) instead", rule: "bare-url"))
    }
    return found
  }

  /// An autolink: its shown text is the URL itself (`<https://...>`, or a URL in running text).
  static func isBare(_ link: Link) -> Bool {
    let text = NoteLookup.urlKey(link.text)
    return !text.isEmpty && (text == NoteLookup.urlKey(link.raw) || "mailto:" + text == link.raw.lowercased())
  }

  /// Source stubs that share a `url:`, each named with the others.
  private func duplicateSources(_ vault: Vault) -> [Diagnostic] {
    var byURL: [String: [Note]] = [:]
    for note in vault.notes where note.type == .source {
      guard let url = note.frontMatter.string("url"), !url.trimmed.isEmpty else { continue }
      byURL[NoteLookup.urlKey(url), default: []].append(note)
    }
    var found: [Diagnostic] = []
    for (_, notes) in byURL where notes.count > 1 {
      for note in notes {
        let others = notes.filter { $0.id != note.id }.map(\.id).joined(separator: ", ")
        let line = 2 + (note.frontMatter.entries.firstIndex { $0.key.lowercased() == "url" } ?? -1)
        found.append(
          Diagnostic(
            path: note.id, line: line, column: 1, severity: .warning,
            message: "url \(note.frontMatter.string("url") ?? "") is also the url of \(others)",
            rule: "duplicate-source"))
      }
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

extension Vault {
  /// The source stub whose `url:` is this URL (compared as the resolver compares them).
  func sourceStub(url: String) -> String? {
    lookup.sources(urlKey: NoteLookup.urlKey(url), in: notes).first.map { notes[$0].id }
  }
}
