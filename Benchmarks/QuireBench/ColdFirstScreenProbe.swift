import Foundation
import QuireCLI
import QuireMarkdown
import QuireSearch
import QuireTUI

/// The browser's first screen on a vault it has never cached, as `quire` draws it: open an
/// empty cache (a folder of the probe's own, removed after), find it too small for the
/// cached outline, walk the vault, read every note's type and title (`VaultOutlineScan`),
/// parse the start note and the notes it links to, start the app state, read the note it
/// opens at, draw the frame. The whole vault loads behind that frame and the index builds
/// after it (`measure-index` times that).
enum ColdFirstScreenProbe {
  static func run(root: URL) throws -> Measurement {
    let cache = FileManager.default.temporaryDirectory
      .appendingPathComponent("quire-bench-cold-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    let clock = PhaseClock()
    let phase = clock.phase
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cache)
    guard OutlineVault.make(root: root, index: index, start: nil, minimumNotes: OutlineVault.minimumNotes) == nil else {
      throw BenchError.failed("the cache in \(cache.path) is not empty")
    }
    phase("open cache")
    let scan = VaultOutlineScan(root: root)
    phase("walk")
    let outlines = scan.outlines()
    phase("read titles")
    guard let outline = OutlineVault.scanned(outlines: outlines, rootPath: scan.rootPath, start: nil) else {
      throw BenchError.failed("no outline of \(root.path): it has no readable note")
    }
    phase("start note and graph")
    try drawFirstFrame(outline, root: root, phase: phase)
    var result = Measurement(
      seconds: clock.elapsed, peakBytes: ProcessStatus.peakResidentBytes(),
      files: outline.vault.notes.count, bytes: 0)
    result.phases = clock.phases
    return result
  }

  /// What the browser does with an outline before its first frame is on screen: the app
  /// state started, the note it opens at read from its file, the frame drawn; each step
  /// timed through `phase`. `FirstScreenProbe` calls it on the cached outline.
  static func drawFirstFrame(_ outline: OutlineVault, root: URL, phase: (String) -> Void) throws {
    var state = AppState(vault: outline.vault, width: 120, height: 40)
    let effects = state.start(noteID: outline.startID)
    phase("app state")
    let source = FileNoteSource(root: root)
    for case .loadDocument(let id, let request) in effects {
      let document = try source.read(id).document
      _ = state.update(.documentLoaded(id: id, document: document, request: request))
    }
    phase("read start note")
    _ = Renderer.render(state)
    phase("draw")
  }
}
