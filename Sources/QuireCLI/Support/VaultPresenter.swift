import QuireCore

/// Names and JSON for the things of a vault, shared by every command that prints them.
struct VaultPresenter {
  let vault: Vault

  /// Resolves a NOTE argument (path, stem, title or alias, optionally `#Section`).
  ///
  /// - Throws: `CLIFailure` (exit 2) for an unknown or ambiguous note, listing candidates.
  func note(_ name: String, section: String? = nil) throws -> (index: Int, note: Note, section: Section?) {
    var noteName = name
    var wanted = section
    if let hash = name.firstIndex(of: "#"), hash != name.startIndex {
      noteName = String(name[..<hash])
      wanted = wanted ?? String(name[name.index(after: hash)...])
    }
    switch vault.find(noteName) {
    case .found(let note, _):
      guard let index = vault.index(of: note.id) else { throw CLIFailure("unknown note '\(name)'") }
      var chosen: Section? = nil
      if let wanted {
        guard let found = note.section(named: wanted) else {
          let names = note.sections.map { "  " + $0.title }.joined(separator: "\n")
          throw CLIFailure("\(note.id) has no section '\(wanted)'. Its sections:\n\(names)")
        }
        chosen = found
      }
      return (index, note, chosen)
    case .ambiguous(let candidates):
      let list = candidates.map { "  " + $0 }.joined(separator: "\n")
      throw CLIFailure("'\(name)' is ambiguous; it matches:\n\(list)\nName one by its path.")
    case .notFound(let suggestions):
      var message = "unknown note '\(name)' in \(vault.root)"
      if !suggestions.isEmpty {
        message += "\nDid you mean:\n" + suggestions.map { "  " + $0 }.joined(separator: "\n")
      }
      throw CLIFailure(message)
    }
  }

  /// `threads/witness-ai.md#the-postern-door`-style label of where a link leads.
  func targetLabel(_ link: Link) -> String {
    switch link.state {
    case .external, .asset: return link.target ?? link.raw
    case .broken: return link.raw
    case .resolved, .ambiguous:
      guard let target = link.target else { return link.raw }
      let names = sectionTitles(link)
      return names.isEmpty ? target : target + " § " + names.joined(separator: ", ")
    }
  }

  /// Titles of the sections a link points at.
  func sectionTitles(_ link: Link) -> [String] {
    guard let target = link.target, let note = vault.note(target) else { return [] }
    return link.targetSections.compactMap { $0 < note.sections.count ? note.sections[$0].title : nil }
  }

  /// The title of the section a link stands in, if any.
  func sourceSectionTitle(_ link: Link, in note: Note) -> String? {
    link.sourceSection.flatMap { $0 < note.sections.count ? note.sections[$0].title : nil }
  }

  // MARK: - JSON

  func json(_ note: Note) -> JSONValue {
    .object([
      ("id", .string(note.id)),
      ("type", .string(note.type.rawValue)),
      ("title", .string(note.title)),
      ("status", .optional(note.status)),
      ("date", .optional(note.date)),
      ("aliases", .strings(note.aliases)),
      ("tags", .strings(note.tags)),
      ("sections", .array(note.sections.map(json))),
    ])
  }

  func json(_ section: Section) -> JSONValue {
    .object([
      ("title", .string(section.title)),
      ("level", .int(section.level)),
      ("anchor", .string(section.anchor)),
      ("line", .int(section.line)),
    ])
  }

  func json(_ link: Link, from note: Note) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("source", .string(note.id)),
      ("sourceSection", .optional(sourceSectionTitle(link, in: note))),
      ("raw", .string(link.raw)),
      ("kind", .string(link.kind.rawValue)),
      ("state", .string(link.state.rawValue)),
      ("target", link.state == .resolved ? .optional(link.target) : .null),
      ("targetSections", .strings(link.state == .resolved || link.state == .ambiguous ? sectionTitles(link) : [])),
      ("relation", .string(link.relation.rawValue)),
      ("line", .int(link.line)),
      ("column", .int(link.column)),
      ("text", .string(link.text)),
      ("annotation", .string(link.annotation)),
    ]
    if link.state == .ambiguous {
      fields.append(("candidates", .strings(link.candidates)))
      fields.append(("followed", .optional(link.target)))
    }
    if link.state == .asset || link.state == .external { fields.append(("url", .optional(link.target ?? link.raw))) }
    if let reason = link.reason { fields.append(("reason", .string(reason))) }
    if let anchor = link.missingAnchor {
      fields.append(("missingAnchor", .string(anchor)))
      fields.append(("note", .optional(link.target)))
    }
    return .object(fields)
  }
}
