import Foundation
import QuireCore
import QuireCLI
import QuireMarkdown
import QuireSearch
import QuireTUI

/// The browser's first screen on a vault whose cache is warm, as `quire` draws it: open
/// the cache, build the outline vault (`OutlineVault`), start the app state, read the
/// note it opens at, draw the frame. The whole vault is read behind that frame; its time
/// is `measure-reopen`'s.
enum FirstScreenProbe {
  static func run(root: URL) throws -> Measurement {
    let clock = PhaseClock()
    let phase = clock.phase
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: SearchProbes.cacheDirectory(for: root))
    phase("open cache")
    guard let outline = OutlineVault.make(root: root, index: index, start: nil, minimumNotes: 1) else {
      throw BenchError.failed("the cache of \(root.path) holds no notes: run measure-index first")
    }
    phase("outline vault")
    try ColdFirstScreenProbe.drawFirstFrame(outline, root: root, phase: phase)
    var result = Measurement(
      seconds: clock.elapsed, peakBytes: ProcessStatus.peakResidentBytes(),
      files: outline.vault.notes.count, bytes: 0)
    result.phases = clock.phases
    return result
  }

  /// Opens the vault through its warm cache, appends a line to one finding, then times
  /// what the browser does when the editor returns (`VaultLoader.reloading` of its spare
  /// copy of the vault, and the index refresh); the note is put back (bytes and time)
  /// afterwards.
  static func reload(root: URL) throws -> Measurement {
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: SearchProbes.cacheDirectory(for: root))
    // As the browser loads it: lean, the links' annotations read back from the files.
    let snapshot = index.loadNoteCache(lean: true)
    let vault = try VaultLoader(root: root, options: .init(cache: snapshot, lean: true)).load()
    try index.refresh(vault: vault, cache: snapshot, source: FileNoteSource(root: root))
    guard let path = vault.notes.first(where: { $0.id.hasPrefix("findings/") })?.id ?? vault.notes.first?.id else {
      throw BenchError.failed("no note to edit in \(root.path)")
    }
    let edit = try BenchEdit(root: root, path: path, appending: "\nAn edit for the benchmark: palimpsest [[memory]].\n")
    defer { try? edit.restore() }

    // The browser keeps the vault it shows, and a spare copy with tables of its own that
    // the next edit updates in place (made while the editor runs, so untimed).
    var spare = vault
    spare.prepareForUpdate()
    // The screen, on the vault it shows (untimed: it was there before the edit).
    var screen = AppState(vault: consume vault, width: 120, height: 40)
    _ = screen.start()

    let clock = ContinuousClock()
    let start = clock.now
    VaultLoader(root: root).reload(&spare, ids: [path])
    let reloaded = spare
    let graph = (clock.now - start).seconds
    // As the browser refreshes after an edit: FTS5's merging of segments is left for after
    // the note is searchable, and timed apart below.
    let summary = try index.refresh(vault: reloaded, only: ([path], []), mergingLater: true)
    let seconds = (clock.now - start).seconds
    // Then the input thread: the screen takes the new vault (its lists of notes made
    // again). The vault it showed lives until then; its release is timed apart, as the
    // browser lets it go on the vault queue (counted in the refresh, it had made that
    // look 13 ms slower).
    let shown = Handoff(screen.vault)
    let takeStart = clock.now
    _ = screen.update(.vaultReloaded(reloaded))
    let take = (clock.now - takeStart).seconds
    let releaseStart = clock.now
    shown.letGo()
    let release = (clock.now - releaseStart).seconds
    let mergeStart = clock.now
    try index.mergeSegments()
    let merge = (clock.now - mergeStart).seconds
    var result = Measurement(
      seconds: seconds, peakBytes: ProcessStatus.peakResidentBytes(), files: reloaded.notes.count, bytes: 0)
    result.phases = [
      "graph": graph, "refresh index": seconds - graph, "screen takes the new vault": take,
      "release of the shown vault": release, "merge segments after": merge,
    ]
    result.parsed = 1
    result.changed = summary.added + summary.updated + summary.removed
    result.editedNote = path

    // An edit that gives the note a new name (an alias): every link that may name it is
    // checked (`Vault.update`'s slower way), on both cores. Graph only.
    var renamedSpare = reloaded
    renamedSpare.prepareForUpdate()
    let alias = try BenchEdit(root: root, path: path) { text in
      text.hasPrefix("---\n") ? "---\naliases: [Bench alias]\n" + text.dropFirst(4) : "---\naliases: [Bench alias]\n---\n" + text
    }
    defer { try? alias.restore() }
    let renameStart = clock.now
    VaultLoader(root: root).reload(&renamedSpare, ids: [path])
    result.phases?["graph after a new alias"] = (clock.now - renameStart).seconds
    withExtendedLifetime(reloaded) {}

    // The vault and its cache as they were: the next run edits the same note again.
    try alias.restore()
    try edit.restore()
    try index.refresh(
      vault: VaultLoader(root: root).reloading(reloaded, ids: [path]), only: ([path], []), mergingLater: true)
    try index.mergeSegments()
    return result
  }
}
