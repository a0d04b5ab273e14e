import Foundation
import QuireCore

/// Writes synthetic vaults in this project's conventions, byte for byte the same for the same seed.
///
/// A generated vault has the typed folders of FORMAT.md (`findings/`, `concepts/`, `threads/`,
/// `lenses/`, `researchers/`, `raw/papers/source-*.md`) plus a few plain pages, front matter
/// with each type's fields, the sections each type usually has (threads with several argument
/// sections and their `###` subsections), paragraphs of word salad from a fixed vocabulary,
/// lists and the odd table, and 5-30 links per note in every form the loader must read:
/// relative Markdown links with and without real `#anchor` slugs, wikilinks (`[[stem]]`,
/// `[[Title|text]]`, `[[stem#Heading]]`, `[[stem#Heading#Subheading]]`, `\|` in tables),
/// `lenses:` front-matter references, a finding's *Threads* entries naming thread sections in
/// prose, and about 1% deliberately broken links or anchors. Notes average about 5 KB, so
/// 10,000 notes make about 50 MB.
///
/// Every note is built from its own random stream (seed and note number), so notes can be
/// written in parallel and `note(_:in:)` gives one note without writing the others.
public struct VaultGenerator: Sendable {
  /// Bumped whenever the output changes, so cached benchmark vaults are rebuilt.
  public static let version = 1

  /// How many notes the vault holds (at least 10, so that every type has a note).
  public let noteCount: Int
  /// The seed every random choice derives from.
  public let seed: UInt64

  public init(notes: Int, seed: UInt64 = 1) {
    noteCount = max(notes, 10)
    self.seed = seed
  }

  // MARK: - The plan

  /// What other notes need to know about a note to link it.
  public struct PlannedNote: Sendable, Hashable {
    /// Vault-relative path, forward slashes.
    public var path: String
    public var type: NoteType
    public var title: String
    /// File name without `.md`.
    public var stem: String
    /// Headings that are unique in the note, usable as anchors.
    public var headings: [String]
    /// A thread's argument sections (`The Quiet Gate`), empty for other types.
    public var arguments: [String]
    /// A source stub's `url:`, which findings citing it repeat in their `source:`.
    public var url: String?
    /// Front matter `aliases:`.
    public var aliases: [String]
  }

  /// Every note of the vault, in the order of note numbers, and where each type starts.
  public struct Plan: Sendable {
    public var notes: [PlannedNote]
    /// Note numbers of each type, in order.
    public var ranges: [NoteType: Range<Int>]
  }

  /// What a generation wrote, for the bench and for tests.
  public struct Summary: Sendable, Equatable, Codable {
    public var notes: Int
    public var bytes: Int
    /// Links written, front-matter references included.
    public var links: Int
    /// Links written to a missing note or a missing heading.
    public var brokenLinks: Int
    /// Notes per type name.
    public var types: [String: Int]

    public init(
      notes: Int = 0, bytes: Int = 0, links: Int = 0, brokenLinks: Int = 0, types: [String: Int] = [:]
    ) {
      self.notes = notes
      self.bytes = bytes
      self.links = links
      self.brokenLinks = brokenLinks
      self.types = types
    }
  }

  /// One generated note: its path, its text, and the links it holds.
  public struct GeneratedNote: Sendable, Hashable {
    public var path: String
    public var text: String
    public var links: Int
    public var brokenLinks: Int
  }

  /// How many notes of each type a vault of `noteCount` notes holds.
  public var typeCounts: [(NoteType, Int)] {
    let n = noteCount
    let lenses = max(2, n / 250)
    let threads = max(1, n * 6 / 100)
    let concepts = max(1, n * 13 / 100)
    let sources = max(1, n * 25 / 100)
    let researchers = max(1, n * 8 / 100)
    let pages = max(1, n * 5 / 100)
    let findings = n - lenses - threads - concepts - sources - researchers - pages
    return [
      (.finding, findings), (.concept, concepts), (.thread, threads), (.source, sources),
      (.lens, lenses), (.researcher, researchers), (.page, pages),
    ]
  }

  /// Decides every note's path, title and headings.
  public func plan() -> Plan {
    var notes: [PlannedNote] = []
    notes.reserveCapacity(noteCount)
    var ranges: [NoteType: Range<Int>] = [:]
    var titles = Set<String>()
    var stems = Set<String>()
    for (type, count) in typeCounts {
      let start = notes.count
      for number in 0..<count {
        var rng = SplitMix64(seed: seed, stream: UInt64(notes.count), salt: 0x504C_414E)
        var note = plannedNote(type: type, number: number, rng: &rng)
        // Titles and stems stay unique so that only the deliberate links are broken or ambiguous.
        var suffix = 2
        let baseTitle = note.title
        while titles.contains(note.title) {
          note.title = "\(baseTitle) \(suffix)"
          suffix += 1
        }
        titles.insert(note.title)
        suffix = 2
        let baseStem = note.stem
        while stems.contains(note.stem) {
          note.stem = "\(baseStem)-\(suffix)"
          suffix += 1
        }
        stems.insert(note.stem)
        note.path =
          NotePath.folder(of: note.path).isEmpty
          ? "\(note.stem).md" : "\(NotePath.folder(of: note.path))/\(note.stem).md"
        notes.append(note)
      }
      ranges[type] = start..<notes.count
    }
    return Plan(notes: notes, ranges: ranges)
  }

  private func plannedNote(type: NoteType, number: Int, rng: inout SplitMix64) -> PlannedNote {
    let tag = String(number, radix: 36)
    switch type {
    case .finding:
      let year = 2019 + rng.below(8)
      let title =
        "\(Words.capitalized(rng.pick(Words.adjectives))) \(rng.pick(Words.nouns)) "
        + "\(rng.pick(Words.verbs)) \(rng.pick(Words.nouns)) under \(rng.pick(Words.nouns))"
      let stem = "\(year)-\(Slug.make(title).split(separator: "-").prefix(4).joined(separator: "-"))-\(tag)"
      return PlannedNote(
        path: "findings/\(stem).md", type: type, title: title, stem: stem,
        headings: Sections.finding, arguments: [], url: nil, aliases: [])
    case .concept:
      let title =
        "\(Words.capitalized(rng.pick(Words.adjectives))) \(rng.pick(Words.nouns)) \(rng.pick(Words.nouns))"
      let aliases = rng.below(4) == 0 ? ["\(title) (\(tag))"] : []
      return PlannedNote(
        path: "concepts/\(Slug.make(title)).md", type: type, title: title, stem: Slug.make(title),
        headings: Sections.concept, arguments: [], url: nil, aliases: aliases)
    case .thread:
      let title = "Is \(rng.pick(Words.nouns)) \(rng.pick(Words.gerunds)) \(rng.pick(Words.nouns))?"
      var arguments: [String] = []
      for _ in 0..<(2 + rng.below(4)) {
        let name =
          "The \(Words.capitalized(rng.pick(Words.adjectives))) \(Words.capitalized(rng.pick(Words.places)))"
        if !arguments.contains(name) { arguments.append(name) }
      }
      return PlannedNote(
        path: "threads/\(Slug.make(title)).md", type: type, title: title, stem: Slug.make(title),
        headings: ["Thesis"] + arguments + ["Open questions", "Sources"], arguments: arguments,
        url: nil, aliases: [])
    case .source:
      let year = 2018 + rng.below(9)
      let title =
        "\(Words.capitalized(rng.pick(Words.nouns))) \(rng.pick(Words.nouns)): "
        + "\(rng.pick(Words.gerunds)) \(rng.pick(Words.adjectives)) \(rng.pick(Words.nouns)) in \(rng.pick(Words.nouns))"
      let stem =
        "source-\(year)-\(Slug.make(title).split(separator: "-").prefix(3).joined(separator: "-"))-\(tag)"
      let url =
        "https://arxiv.org/abs/\(year % 100)\(String(format: "%02d", 1 + rng.below(12))).\(String(format: "%05d", number))"
      return PlannedNote(
        path: "raw/papers/\(stem).md", type: type, title: title, stem: stem,
        headings: Sections.source, arguments: [], url: url, aliases: [])
    case .lens:
      let word =
        number < Words.adjectives.count ? Words.adjectives[number] : "\(rng.pick(Words.adjectives))-\(tag)"
      return PlannedNote(
        path: "lenses/\(word).md", type: type, title: "\(Words.capitalized(word)) lens", stem: word,
        headings: Sections.lens, arguments: [], url: nil, aliases: [])
    case .researcher:
      let first = rng.pick(Words.firstNames)
      let last = rng.pick(Words.lastNames)
      let title = "\(first) \(last)"
      return PlannedNote(
        path: "researchers/\(Slug.make(title))-\(tag).md", type: type, title: title,
        stem: "\(Slug.make(title))-\(tag)", headings: Sections.researcher, arguments: [], url: nil,
        aliases: ["\(first.prefix(1)). \(last) \(tag)"])
    case .page:
      if number == 0 {
        return PlannedNote(
          path: "index.md", type: type, title: "Index", stem: "index", headings: ["Index"] + Sections.page,
          arguments: [], url: nil, aliases: [])
      }
      let title = "Reading log \(rng.pick(Words.nouns)) \(tag)"
      return PlannedNote(
        path: "journal/\(Slug.make(title)).md", type: type, title: title, stem: Slug.make(title),
        headings: [title] + Sections.page, arguments: [], url: nil, aliases: [])
    }
  }

  // MARK: - Notes

  /// The text of note number `index` of `plan`.
  public func note(_ index: Int, in plan: Plan) -> GeneratedNote {
    var writer = NoteWriter(
      plan: plan, index: index,
      rng: SplitMix64(seed: seed, stream: UInt64(index), salt: 0x4E4F_5445))
    writer.write()
    return GeneratedNote(
      path: plan.notes[index].path, text: writer.out, links: writer.links, brokenLinks: writer.broken)
  }

  /// Writes every note below `root` (created when missing) on `workers` threads.
  ///
  /// The output does not depend on the number of workers.
  @discardableResult
  public func write(to root: URL, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws
    -> Summary
  {
    let plan = plan()
    let fileManager = FileManager.default
    let folders = Set(plan.notes.map { NotePath.folder(of: $0.path) })
    for folder in folders.sorted() {
      try fileManager.createDirectory(
        at: folder.isEmpty ? root : root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let workerCount = max(1, workers)
    let slots = ResultSlots<Result<Summary, WriteFailure>>(count: workerCount)
    DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
      var summary = Summary()
      var index = worker
      while index < plan.notes.count {
        let note = self.note(index, in: plan)
        let data = Data(note.text.utf8)
        do {
          try data.write(to: root.appendingPathComponent(note.path))
        } catch {
          slots.set(worker, .failure(WriteFailure(path: note.path, reason: "\(error)")))
          return
        }
        summary.notes += 1
        summary.bytes += data.count
        summary.links += note.links
        summary.brokenLinks += note.brokenLinks
        index += workerCount
      }
      slots.set(worker, .success(summary))
    }
    var total = Summary()
    for slot in slots.values {
      switch slot {
      case .success(let part):
        total.notes += part.notes
        total.bytes += part.bytes
        total.links += part.links
        total.brokenLinks += part.brokenLinks
      case .failure(let failure): throw failure
      case nil: throw WriteFailure(path: root.path, reason: "a worker did not finish")
      }
    }
    for (type, range) in plan.ranges { total.types[type.rawValue] = range.count }
    return total
  }

  /// A note file that could not be written.
  public struct WriteFailure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }
}

// MARK: - Random numbers

extension VaultGenerator {
  /// SplitMix64: tiny, fast, and the same on every platform and Swift version.
  ///
  /// The standard library's `random(in:using:)` may change its algorithm between releases,
  /// so bounded numbers are derived here too.
  public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A stream of its own for each (seed, stream, salt), so notes do not share draws.
    public init(seed: UInt64, stream: UInt64, salt: UInt64) {
      var mixer = SplitMix64(seed: seed ^ (salt &* 0x9E37_79B9_7F4A_7C15))
      state = mixer.next() ^ (stream &* 0xD1B5_4A32_D192_ED03)
      _ = next()
    }

    public mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (multiply-high, so no modulo bias worth speaking of).
    public mutating func below(_ bound: Int) -> Int {
      guard bound > 1 else { return 0 }
      return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    public mutating func within(_ range: ClosedRange<Int>) -> Int {
      range.lowerBound + below(range.count)
    }

    /// True with probability `percent` in 100.
    public mutating func percent(_ percent: Int) -> Bool { below(100) < percent }

    /// An element of a non-empty array, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An element skewed towards the front, so early words are common and late ones rare.
    public mutating func skewed<T>(_ items: [T]) -> T { items[below(below(items.count) + 1)] }
  }
}

// MARK: - Writing one note

/// Builds one note's text, counting the links it writes.
private struct NoteWriter {
  let plan: VaultGenerator.Plan
  let index: Int
  var rng: VaultGenerator.SplitMix64
  var out = ""
  var links = 0
  var broken = 0
  /// Links still to place inline in prose, and the prose paragraphs still to come.
  var inlineLeft = 0
  var proseLeft = 0

  init(plan: VaultGenerator.Plan, index: Int, rng: VaultGenerator.SplitMix64) {
    self.plan = plan
    self.index = index
    self.rng = rng
    out.reserveCapacity(8192)
  }

  var me: VaultGenerator.PlannedNote { plan.notes[index] }

  mutating func write() {
    switch me.type {
    case .finding: finding()
    case .concept: concept()
    case .thread: thread()
    case .source: source()
    case .lens: lens()
    case .researcher: researcher()
    case .page: page()
    }
  }

  // MARK: Types

  mutating func finding() {
    let total = rng.within(5...30)
    let lensCount = 1 + rng.below(2)
    let conceptCount = 1 + rng.below(3)
    let threadCount = rng.below(3)
    let sourceCount = 1 + rng.below(3)
    let structural = lensCount + conceptCount + threadCount + sourceCount
    let lensNotes = (0..<lensCount).map { _ in pickIndex(.lens) }
    let citedSource = pickIndex(.source)
    let year = me.stem.prefix(4)

    frontMatterStart()
    if rng.percent(70) { line("type: finding") }
    line("writers: [\(writer())]")
    if rng.percent(20) { line("reviewers: [\(writer())]") }
    line("date: \(year)-\(twoDigits(1 + rng.below(12)))-\(twoDigits(1 + rng.below(28)))")
    line("models: [\(model()), \(model())]")
    if rng.percent(15) { line("model-ids: [\(rng.pick(Words.nouns))-\(rng.below(9000) + 1000)]") }
    line("source: \(plan.notes[citedSource].url ?? "https://example.org/")")
    line("status: \(rng.pick(["draft", "working", "stable", "stable"]))")
    line("lenses: [\(lensNotes.map { plan.notes[$0].stem }.joined(separator: ", "))]")
    links += lensCount
    line("---")

    // Blocks taking inline links below: Summary 2, Why it matters 4, one per tension.
    let tensionCount = 1 + rng.below(3)
    startInline(links: max(0, total - structural), paragraphs: 6 + tensionCount)

    heading(2, "Summary")
    prose(sentences: 4...7)
    prose(sentences: 3...6)

    heading(2, "Method")
    for _ in 0..<(3 + rng.below(3)) { listItem(bold: true, sentences: 1...3) }

    heading(2, "Key results")
    for _ in 0..<(3 + rng.below(3)) { listItem(bold: true, sentences: 1...3) }
    if rng.percent(20) { table() }

    heading(2, "Why it matters")
    prose(sentences: 3...6)
    for _ in 0..<2 { listItem(bold: true, sentences: 2...4, inline: true) }
    prose(sentences: 2...4)

    heading(2, "Lens notes")
    for lensNote in lensNotes {
      out += "- **\(link(to: lensNote, plain: true)).** \(sentences(2...4))\n"
    }
    blank()

    heading(2, "Interpretive tensions")
    for _ in 0..<tensionCount {
      out += "- **\(Words.capitalized(phrase(3...6)))?** \(sentences(3...5, inline: true))\n"
    }
    blank()
    if rng.percent(10) { codeBlock() }

    heading(2, "Concepts")
    for _ in 0..<conceptCount {
      out += "- \(link(to: pickIndex(.concept), plain: true)) — \(sentences(1...3))\n"
    }
    blank()

    heading(2, "Threads")
    if threadCount == 0 { paragraph("None yet.") }
    for _ in 0..<threadCount { threadEntry() }
    blank()

    heading(2, "Sources")
    out += "- \(link(to: citedSource, plain: true)) — \(sentences(1...2))\n"
    for _ in 1..<sourceCount {
      out +=
        "- \(link(to: pickIndex(rng.percent(50) ? .source : .finding), plain: true)) — \(sentences(1...2))\n"
    }
    flushInline()
  }

  /// A *Threads* entry: the thread linked, then its sections named in prose (section mentions).
  mutating func threadEntry() {
    let thread = pickIndex(.thread)
    let arguments = plan.notes[thread].arguments
    let named = Array(arguments.shuffledPrefix(1 + rng.below(2), using: &rng))
    let count = named.count == 1 ? "one section" : "two sections"
    let mentions = named.map { name in
      // The heading reads "The Quiet Gate"; prose names it "Quiet Gate".
      let bare = name.hasPrefix("The ") ? String(name.dropFirst(4)) : name
      return "\(bare): \(rng.percent(30) ? "partial — " : "")\(phrase(6...14))"
    }
    out += "- \(link(to: thread, plain: true)) — extends \(count). \(mentions.joined(separator: "; ")).\n"
  }

  mutating func concept() {
    let total = rng.within(5...30)
    let lensCount = 1 + rng.below(2)
    let instances = 2 + rng.below(5)
    frontMatterStart()
    if rng.percent(70) { line("type: concept") }
    line("writers: [\(writer())]")
    if !me.aliases.isEmpty { line("aliases: [\"\(me.aliases[0])\"]") }
    line("status: \(rng.pick(["draft", "working", "stable"]))")
    let lensNotes = (0..<lensCount).map { _ in pickIndex(.lens) }
    line("lenses: [\(lensNotes.map { plan.notes[$0].stem }.joined(separator: ", "))]")
    links += lensCount
    line("---")
    startInline(links: max(0, total - lensCount - instances), paragraphs: 5)

    heading(2, "Definition")
    prose(sentences: 4...8)
    prose(sentences: 3...6)
    heading(2, "Instantiating findings")
    for _ in 0..<instances {
      out += "- \(link(to: pickIndex(.finding), plain: true)) — \(sentences(1...3))\n"
    }
    blank()
    heading(2, "What this concept is not")
    prose(sentences: 3...6)
    heading(2, "Lens notes")
    for lensNote in lensNotes {
      out += "- **\(plan.notes[lensNote].title).** \(sentences(2...4))\n"
    }
    blank()
    heading(2, "Scope note")
    prose(sentences: 2...5)
    prose(sentences: 2...4)
    flushInline()
  }

  mutating func thread() {
    let total = rng.within(5...30)
    frontMatterStart()
    if rng.percent(70) { line("type: thread") }
    line("writers: [\(writer()), \(writer())]")
    line("status: \(rng.pick(["exploring", "developing", "ready", "published"]))")
    line("essay: https://essays.example.org/\(me.stem)")
    line("---")
    // Each argument anchors one or two findings and cross-references one note; the rest is prose.
    let arguments = me.arguments
    let structural = arguments.count * 3 + 1
    startInline(links: max(0, total - structural), paragraphs: 2 + arguments.count * 2)

    heading(2, "Thesis")
    prose(sentences: 4...7)
    prose(sentences: 3...5)
    for (number, argument) in arguments.enumerated() {
      heading(2, argument)
      heading(3, "Argument")
      prose(sentences: 4...8)
      prose(sentences: 3...6)
      heading(3, "Anchoring findings")
      out += "- \(link(to: pickIndex(.finding), plain: true))\n  — \(sentences(1...3))\n"
      blank()
      heading(3, "Structural shape")
      if rng.percent(50) {
        for step in 1...3 { out += "\(step). **\(Words.capitalized(phrase(2...4))).** \(sentences(1...2))\n" }
        blank()
      } else {
        paragraph(sentences(3...5))
      }
      heading(3, "Tradition parallel")
      paragraph(sentences(2...4))
      heading(3, "Cross-references")
      out += "- \(link(to: pickIndex(.concept), plain: true)) — \(sentences(1...2))\n"
      // A link to a sibling section of this very note.
      let sibling = arguments[(number + 1) % arguments.count]
      out += "- [\(sibling)](#\(Slug.make(sibling))) — \(sentences(1...2))\n"
      links += 1
      blank()
    }
    heading(2, "Open questions")
    for _ in 0..<(2 + rng.below(3)) { listItem(bold: false, sentences: 1...2) }
    heading(2, "Sources")
    out += "- \(link(to: pickIndex(.source), plain: true)) — \(sentences(1...2))\n"
    flushInline()
  }

  mutating func source() {
    let authors = 1 + rng.below(3)
    frontMatterStart()
    if rng.percent(50) { line("type: source") }
    let names = (0..<authors).map { _ in
      "\"\(rng.pick(Words.lastNames)), \(rng.pick(Words.firstNames).prefix(1)).\""
    }
    line("authors: [\(names.joined(separator: ", "))]")
    line("date: \(me.stem.dropFirst(7).prefix(4))")
    line("venue: \(rng.pick(["arXiv", "NeurIPS", "ICML", "ICLR", "ACL", "blog post"]))")
    line("url: \(me.url ?? "https://example.org/")")
    line("---")
    let total = rng.within(5...12)
    startInline(links: 0, paragraphs: 0)
    heading(2, "Abstract")
    paragraph(sentences(2...4))
    heading(2, "Notes")
    out += "- Authors in the vault: \(link(to: pickIndex(.researcher), plain: true))\n"
    for _ in 1..<total {
      out +=
        "- \(link(to: pickIndex(rng.percent(70) ? .finding : .source), plain: false)) — \(phrase(4...10)).\n"
    }
    out += "- Full text: <\(me.url ?? "https://example.org/")>\n"
  }

  mutating func lens() {
    let total = rng.within(5...30)
    frontMatterStart()
    if rng.percent(70) { line("type: lens") }
    line("writers: [\(writer())]")
    line("status: \(rng.pick(["draft", "working", "stable"]))")
    line("---")
    let findings = max(1, total * 2 / 3)
    let concepts = max(1, total - findings)
    startInline(links: 0, paragraphs: 0)
    heading(2, "What this lens is")
    prose(sentences: 3...6)
    heading(2, "What this lens does")
    for _ in 0..<3 { listItem(bold: true, sentences: 1...2) }
    heading(2, "What this lens does not do")
    prose(sentences: 3...5)
    heading(2, "Findings visible through this lens")
    for _ in 0..<findings { out += "- \(link(to: pickIndex(.finding), plain: false)) — \(phrase(4...12)).\n" }
    blank()
    heading(2, "Concepts engaging this lens")
    for _ in 0..<concepts { out += "- \(link(to: pickIndex(.concept), plain: false))\n" }
    blank()
    heading(2, "Interpretive discipline")
    prose(sentences: 3...6)
  }

  mutating func researcher() {
    let total = rng.within(5...30)
    frontMatterStart()
    if rng.percent(50) { line("type: researcher") }
    line("writers: [\(writer())]")
    line("aliases: [\"\(me.aliases.first ?? me.title)\"]")
    line("---")
    startInline(links: 0, paragraphs: 0)
    heading(2, "Profile")
    paragraph(sentences(2...4))
    heading(2, "Findings")
    for _ in 0..<total {
      out += "- \(link(to: pickIndex(rng.percent(80) ? .finding : .source), plain: false))\n"
    }
    blank()
  }

  mutating func page() {
    let total = rng.within(5...30)
    // Plain pages are Obsidian style: no front matter, the title in a `#` heading.
    heading(1, me.title)
    startInline(links: max(0, total - 5), paragraphs: 3)
    heading(2, "Overview")
    prose(sentences: 3...6)
    heading(2, "Reading list")
    for _ in 0..<5 {
      out += "- [ ] \(link(to: pickIndex(rng.pick([.finding, .concept, .thread, .source])), plain: false))\n"
    }
    blank()
    heading(2, "Log")
    prose(sentences: 3...6)
    prose(sentences: 2...4)
    flushInline()
  }

  // MARK: Links

  /// The note number of a random note of `type` other than this one when there is a choice.
  mutating func pickIndex(_ type: NoteType) -> Int {
    guard let range = plan.ranges[type], !range.isEmpty else { return index }
    let pick = range.lowerBound + rng.below(range.count)
    if pick == index && range.count > 1 {
      return pick + 1 < range.upperBound ? pick + 1 : range.lowerBound
    }
    return pick
  }

  /// A link to note `target`; `plain` asks for a relative Markdown link without anchor,
  /// as structural sections (Concepts, Threads, Sources) write them. About 1% are broken.
  mutating func link(to target: Int, plain: Bool) -> String {
    links += 1
    if rng.below(100) == 0 {
      broken += 1
      return brokenLink(near: target)
    }
    let note = plan.notes[target]
    let path = relativePath(to: note.path)
    if plain { return "[\(note.title)](\(path))" }
    let roll = rng.below(100)
    switch roll {
    case 0..<40:
      return "[\(note.title)](\(path))"
    case 40..<56:
      let heading = rng.pick(note.headings)
      return "[\(heading)](\(path)#\(Slug.make(heading)))"
    case 56..<68:
      return "[[\(note.stem)]]"
    case 68..<78:
      return "[[\(note.title)|\(phrase(1...3))]]"
    case 78..<88:
      return "[[\(note.stem)#\(rng.pick(note.headings))]]"
    case 88..<92:
      if let argument = note.arguments.first {
        return
          "[[\(note.stem)#\(argument)#\(rng.pick(["Argument", "Structural shape", "Anchoring findings"]))]]"
      }
      return "[[\(note.title)]]"
    case 92..<95:
      if let alias = note.aliases.first { return "[[\(alias)]]" }
      return "[[\(note.stem)|\(note.title)]]"
    default:
      return "[\(phrase(1...3))](https://example.org/\(rng.pick(Words.nouns))/\(rng.below(100_000)))"
    }
  }

  /// A link to a note that does not exist, or to a heading the target does not have.
  mutating func brokenLink(near target: Int) -> String {
    let word = rng.pick(Words.nouns)
    switch rng.below(3) {
    case 0:
      return "[\(word)](\(relativePath(to: "findings/2018-missing-\(word)-\(rng.below(1000)).md")))"
    case 1:
      return "[[Missing \(word) \(rng.below(1000))]]"
    default:
      let note = plan.notes[target]
      return "[\(note.title)](\(relativePath(to: note.path))#no-such-\(word))"
    }
  }

  /// `target` relative to this note's folder (`../concepts/x.md`, `x.md`, `../../raw/papers/y.md`).
  func relativePath(to target: String) -> String {
    let from = me.path.split(separator: "/").dropLast()
    let to = target.split(separator: "/")
    var common = 0
    while common < from.count && common < to.count - 1 && from[from.startIndex + common] == to[common] {
      common += 1
    }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...].map(String.init)).joined(separator: "/")
  }

  // MARK: Prose

  mutating func startInline(links: Int, paragraphs: Int) {
    inlineLeft = links
    proseLeft = paragraphs
  }

  /// Places any inline links the prose did not take, so every note keeps its planned count.
  mutating func flushInline() {
    guard inlineLeft > 0 else { return }
    heading(2, "See also")
    while inlineLeft > 0 {
      inlineLeft -= 1
      out += "- \(link(to: pickIndex(anyType()), plain: false))\n"
    }
  }

  mutating func anyType() -> NoteType {
    rng.pick([.finding, .finding, .finding, .concept, .concept, .thread, .source, .researcher])
  }

  /// A prose paragraph carrying its share of the inline links.
  mutating func prose(sentences range: ClosedRange<Int>) {
    paragraph(sentences(range, inline: true))
  }

  /// Sentences; with `inline`, this block takes its share of the remaining inline links.
  mutating func sentences(_ range: ClosedRange<Int>, inline: Bool = false) -> String {
    let count = rng.within(range)
    var share = 0
    if inline && inlineLeft > 0 {
      share = proseLeft <= 1 ? inlineLeft : min(inlineLeft, (inlineLeft + proseLeft - 1) / proseLeft)
      inlineLeft -= share
      proseLeft = max(0, proseLeft - 1)
    }
    var slots = [Int](repeating: 0, count: count)
    for _ in 0..<share { slots[rng.below(count)] += 1 }
    var text = ""
    for slot in slots {
      if !text.isEmpty { text += " " }
      text += sentence(links: slot)
    }
    return text
  }

  /// One sentence of word salad with `links` links in it, now and then a mark or a figure.
  mutating func sentence(links count: Int) -> String {
    let length = rng.within(8...18)
    var words: [String] = []
    words.reserveCapacity(length + count)
    for position in 0..<length {
      var word = rng.skewed(Words.salad)
      if position == 0 { word = Words.capitalized(word) }
      switch rng.below(60) {
      case 0: word = "*\(word)*"
      case 1: word = "**\(word)**"
      case 2: word = "`\(word)`"
      case 3: word = "\(rng.below(100))%"
      default: break
      }
      words.append(word)
    }
    for _ in 0..<count {
      let at = 1 + rng.below(words.count)
      words.insert(link(to: pickIndex(anyType()), plain: false), at: min(at, words.count))
    }
    return words.joined(separator: " ") + rng.pick([".", ".", ".", ".", ".", "?"])
  }

  mutating func phrase(_ range: ClosedRange<Int>) -> String {
    (0..<rng.within(range)).map { _ in rng.skewed(Words.salad) }.joined(separator: " ")
  }

  mutating func listItem(bold: Bool, sentences range: ClosedRange<Int>, inline: Bool = false) {
    let lead = bold ? "**\(Words.capitalized(phrase(2...5))).** " : ""
    out += "- \(lead)\(sentences(range, inline: inline))\n"
    // Lists end with a blank line once the caller moves on; consecutive items stay one list.
    if rng.percent(15) { out += "\n" }
  }

  mutating func table() {
    blank()
    out += "| Condition | Rate | Note |\n| --- | ---: | --- |\n"
    for _ in 0..<(2 + rng.below(4)) {
      let target = plan.notes[pickIndex(.finding)]
      links += 1
      // A wikilink in a table cell escapes its pipe.
      out +=
        "| \(Words.capitalized(phrase(1...3))) | \(rng.below(100))% | [[\(target.stem)\\|\(phrase(1...2))]] |\n"
    }
    blank()
  }

  mutating func codeBlock() {
    out += "```text\n[[not-a-link]] \(phrase(4...8))\n\(phrase(3...6))\n```\n\n"
  }

  // MARK: Lines

  mutating func frontMatterStart() {
    out += "---\ntitle: \"\(me.title)\"\n"
  }

  mutating func line(_ text: String) {
    out += text
    out += "\n"
  }

  mutating func blank() {
    if !out.isEmpty && !out.hasSuffix("\n\n") { out += "\n" }
  }

  mutating func heading(_ level: Int, _ text: String) {
    blank()
    out += String(repeating: "#", count: level) + " " + text + "\n\n"
  }

  mutating func paragraph(_ text: String) {
    blank()
    out += text
    out += "\n\n"
  }

  mutating func writer() -> String { Slug.make(rng.pick(Words.lastNames)) }

  mutating func model() -> String {
    "\(Words.capitalized(rng.pick(Words.nouns)))-\(1 + rng.below(4)).\(rng.below(10))"
  }

  func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension Array {
  /// The first `count` elements of a partial Fisher-Yates shuffle.
  fileprivate func shuffledPrefix(_ count: Int, using rng: inout VaultGenerator.SplitMix64) -> ArraySlice<
    Element
  > {
    var copy = self
    let taken = Swift.min(count, copy.count)
    for position in 0..<taken {
      copy.swapAt(position, position + rng.below(copy.count - position))
    }
    return copy[0..<taken]
  }
}

// MARK: - Fixed text

/// The section headings of each type, as FORMAT.md lists them.
private enum Sections {
  static let finding = [
    "Summary", "Method", "Key results", "Why it matters", "Lens notes", "Interpretive tensions",
    "Concepts", "Threads", "Sources",
  ]
  static let concept = [
    "Definition", "Instantiating findings", "What this concept is not", "Lens notes", "Scope note",
  ]
  static let source = ["Abstract", "Notes"]
  static let lens = [
    "What this lens is", "What this lens does", "What this lens does not do",
    "Findings visible through this lens", "Concepts engaging this lens", "Interpretive discipline",
  ]
  static let researcher = ["Profile", "Findings"]
  static let page = ["Overview", "Reading list", "Log"]
}

/// The fixed vocabulary: search has real words to find, and `m`, `me`, `mem` match many.
private enum Words {
  static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

  static let adjectives = [
    "behavioral", "mechanistic", "latent", "sparse", "emergent", "quiet", "hollow", "brittle",
    "recursive", "narrow", "broad", "deceptive", "robust", "implicit", "explicit", "dormant",
    "situational", "positive", "negative", "partial", "hidden", "open", "silent", "shallow",
    "deep", "stable", "volatile", "borrowed", "inherited", "strategic", "memetic", "modular",
    "gradual", "sudden", "coherent", "fragmented", "reflective", "distributed", "local", "global",
  ]
  static let nouns = [
    "memory", "mechanism", "membrane", "disposition", "backdoor", "gradient", "reward", "policy",
    "attention", "circuit", "feature", "probe", "trigger", "concealment", "training", "evaluation",
    "deployment", "scratchpad", "persona", "preference", "goal", "belief", "context", "signal",
    "distribution", "capability", "alignment", "oversight", "model", "agent", "token", "layer",
    "representation", "objective", "behavior", "drift", "collapse", "transfer", "scale", "threshold",
    "memo", "meme", "method", "metric", "measure", "merit", "mesa", "meaning",
  ]
  static let verbs = [
    "preserves", "conceals", "amplifies", "erodes", "predicts", "reshapes", "masks", "reveals",
    "survives", "defeats", "outlasts", "mirrors", "shifts", "anchors", "entrenches", "exposes",
  ]
  static let gerunds = [
    "seeing", "hiding", "remembering", "forgetting", "shaping", "watching", "mirroring",
    "learning", "resisting", "becoming", "measuring", "naming",
  ]
  static let places = [
    "Door", "Gate", "Formation", "Threshold", "Mirror", "Garden", "Ledger", "Passage", "Tower",
    "Harbor", "Bridge", "Archive", "Lantern", "Well", "Orchard", "Furnace", "Compass", "Loom",
  ]
  static let firstNames = [
    "Ada", "Bruno", "Chen", "Dana", "Evan", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kira",
    "Lars", "Mira", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomas", "Uma", "Vera",
  ]
  static let lastNames = [
    "Abara", "Bellweather", "Castell", "Dunmore", "Eskildsen", "Fontaine", "Grieve", "Halloran",
    "Ishikawa", "Jovanovic", "Kestrel", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
    "Quist", "Rasmussen", "Sandoval", "Tamura", "Ulrich", "Vance", "Whitlock", "Yilmaz", "Zeller",
  ]
  /// Prose words, most common first (`skewed` draws favour the front).
  static let salad: [String] = [
    "the", "of", "and", "a", "to", "in", "that", "is", "training", "model", "behavior", "it",
    "with", "as", "on", "not", "this", "but", "by", "from", "safety", "memory", "disposition",
    "under", "when", "which", "finding", "method", "evaluation", "trigger", "gradient", "results",
    "rate", "every", "where", "between", "after", "before", "shows", "remains", "persists",
    "concealment", "deployment", "mechanism", "membrane", "measure", "metric", "meaning", "merit",
    "memo", "meme", "mesa", "reward", "policy", "probe", "circuit", "feature", "attention",
    "scratchpad", "persona", "preference", "belief", "context", "signal", "distribution",
    "capability", "alignment", "oversight", "agent", "token", "layer", "representation",
    "objective", "drift", "collapse", "transfer", "scale", "threshold", "backdoor", "latent",
    "sparse", "emergent", "brittle", "recursive", "narrow", "broad", "deceptive", "robust",
    "implicit", "dormant", "situational", "strategic", "gradual", "sudden", "coherent",
    "reflective", "distributed", "fine-tuning", "supervised", "adversarial", "red-team",
    "elicitation", "generalization", "severability", "amplification", "persistence",
    "interpretability", "calibration", "counterfactual", "baseline", "ablation", "benchmark",
    "variance", "replication", "cohort", "protocol", "hypothesis", "evidence", "argument",
    "tradition", "parallel", "lens", "thread", "concept", "source", "paper", "essay",
    "observation", "experiment", "condition", "control", "outcome", "effect", "cause",
    "pressure", "incentive", "surface", "depth", "structure", "shape", "pattern", "boundary",
    "exception", "instance", "case", "angle", "component", "gap", "door", "formation", "mirror",
    "witness", "matter", "seeing", "itself", "quietly", "sharply", "rarely", "often", "never",
    "almost", "entirely", "partly", "largely", "hardly", "still", "again", "instead", "despite",
    "although", "because", "therefore", "however", "meanwhile", "moreover", "otherwise",
    "lattice", "harbor", "orchard", "lantern", "compass", "archive", "ledger", "furnace",
    "quiescent", "palimpsest", "apophatic", "liminal", "recursion", "entropy", "manifold",
    "isotropy", "saliency", "sycophancy", "reticence", "candor", "fidelity", "provenance",
    "mnemonic", "memento", "memorandum", "membranous", "menagerie", "meridian", "mercurial",
  ]
}
