/// Decides which unlinked mentions of a note become links, and writes the edits.
///
/// A mention is linked when it is sure enough, names one note (or, when several answer,
/// the one whose type suits the section: a concept under *Concepts*, ...), and its target is
/// not linked yet in the same section; only its first mention there is linked. So a second
/// run finds every target linked and proposes nothing.
public struct LinkPlanner: Sendable {
  public var finder: MentionFinder
  public var formatter: LinkFormatter
  public var minimumConfidence: MentionConfidence

  public init(vault: Vault, style: LinkStyle? = nil, minimumConfidence: MentionConfidence = .stem) {
    finder = MentionFinder(vault: vault)
    formatter = LinkFormatter(style: style ?? LinkStyle.detect(in: vault.notes), notes: vault.notes)
    self.minimumConfidence = minimumConfidence
  }

  /// One proposed link: the mention and the edit that makes it a link.
  public struct Change: Sendable, Hashable {
    public var mention: Mention
    public var edit: TextEdit
  }

  /// The changes for one note's file.
  public func plan(_ note: Note, bytes: [UInt8], prose: [Range<Int>]) -> [Change] {
    planReporting(note, bytes: bytes, prose: prose).changes
  }

  /// The changes for one note's file, and why its mentions were not looked for, when the
  /// finder ran out of its work budget there (`MentionFinder.Scan.skipped`).
  public func planReporting(
    _ note: Note, bytes: [UInt8], prose: [Range<Int>]
  ) -> (changes: [Change], skipped: String?) {
    let scan = finder.scan(note, bytes: bytes, prose: prose)
    let mentions = scan.mentions
    var linked = Set<LinkKey>()
    for link in note.links where link.isEdge && link.kind != .frontmatter {
      guard let target = link.target else { continue }
      linked.insert(LinkKey(section: link.sourceSection, target: target, targetSection: nil))
      for section in link.targetSections {
        linked.insert(LinkKey(section: link.sourceSection, target: target, targetSection: section))
      }
    }
    var changes: [Change] = []
    for mention in mentions where mention.confidence >= minimumConfidence {
      guard let target = chosenTarget(mention, in: note),
        let targetNote = finder.note(target)
      else { continue }
      let key = LinkKey(
        section: mention.sourceSection, target: target, targetSection: mention.targetSection)
      guard linked.insert(key).inserted else { continue }
      let section = mention.targetSection.flatMap {
        $0 < targetNote.sections.count ? targetNote.sections[$0] : nil
      }
      let text = formatter.link(text: mention.text, from: note.id, to: targetNote, section: section)
      changes.append(
        Change(mention: mention, edit: TextEdit(range: mention.byteRange, replacement: text)))
    }
    return (changes, scan.skipped)
  }

  /// The note a mention should link: its target, or when several notes answer equally, the
  /// one whose type the source section asks for; nil when that does not settle it.
  func chosenTarget(_ mention: Mention, in note: Note) -> String? {
    guard mention.isAmbiguous else { return mention.target }
    let candidates = [mention.target] + mention.alternatives
    let relation = NoteParserRelation.relation(for: mention.sourceSection, in: note.sections)
    guard let wanted = relation.preferredType else { return nil }
    let suited = candidates.filter { finder.note($0)?.type == wanted }
    return suited.count == 1 ? suited[0] : nil
  }

  struct LinkKey: Hashable {
    var section: Int?
    var target: String
    var targetSection: Int?
  }
}

extension MentionFinder {
  /// A note of the vault by id.
  public func note(_ id: String) -> Note? { indexByID[id].map { notes[$0] } }
}

extension LinkRelation {
  /// The type of note a link with this relation usually points at.
  public var preferredType: NoteType? {
    switch self {
    case .concept: .concept
    case .thread: .thread
    case .cites: .source
    case .anchors, .instantiates: .finding
    case .lens: .lens
    case .mentions: nil
    }
  }
}

/// The relation a section gives to what stands in it (its own title, else its ancestors').
enum NoteParserRelation {
  static func relation(for section: Int?, in sections: [Section]) -> LinkRelation {
    var current = section
    while let index = current, index < sections.count {
      if let relation = LinkRelation(sectionTitle: sections[index].title) { return relation }
      current = sections[index].parent
    }
    return .mentions
  }
}
