import Foundation
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
    let clock = ContinuousClock()
    var phases: [String: Double] = [:]
    let start = clock.now
    var mark = start
    func phase(_ name: String) {
      phases[name] = (clock.now - mark).seconds
      mark = clock.now
    }
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: SearchProbes.cacheDirectory(for: root))
    phase("open cache")
    guard let outline = OutlineVault.make(root: root, index: index, start: nil, minimumNotes: 1) else {
      throw BenchError.failed("the cache of \(root.path) holds no notes: run measure-index first")
    }
    phase("outline vault")
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
    var result = Measurement(
      seconds: (clock.now - start).seconds, peakBytes: ProcessStatus.peakResidentBytes(),
      files: outline.vault.notes.count, bytes: 0)
    result.phases = phases
    return result
  }
}
