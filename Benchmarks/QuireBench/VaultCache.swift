import Foundation
import QuireTestSupport

/// Generated vaults kept under `bench-vaults/` between runs, rebuilt when the generator changes.
struct VaultCache {
  let directory: URL

  /// What a cached vault was generated with; written last, so a half-written vault has none.
  struct Manifest: Codable {
    var generatorVersion: Int
    var notes: Int
    var seed: UInt64
    var summary: VaultGenerator.Summary
  }

  static let manifestName = ".quire-bench.json"

  func folder(notes: Int, seed: UInt64) -> URL {
    directory.appendingPathComponent("notes-\(notes)-seed-\(seed)")
  }

  /// The vault of `notes` notes for `seed`, generated first when missing or stale.
  func vault(notes: Int, seed: UInt64, log: (String) -> Void) throws -> (URL, Manifest) {
    let folder = folder(notes: notes, seed: seed)
    let manifestURL = folder.appendingPathComponent(Self.manifestName)
    if let data = try? Data(contentsOf: manifestURL),
      let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
      manifest.generatorVersion == VaultGenerator.version, manifest.notes == notes, manifest.seed == seed
    {
      return (folder, manifest)
    }
    try? FileManager.default.removeItem(at: folder)
    log("generating \(Format.count(notes)) notes (seed \(seed)) into \(folder.path)")
    let clock = ContinuousClock()
    let start = clock.now
    let summary = try VaultGenerator(notes: notes, seed: seed).write(to: folder)
    log("  \(Format.megabytes(summary.bytes)) in \(Format.seconds((clock.now - start).seconds))")
    let manifest = Manifest(
      generatorVersion: VaultGenerator.version, notes: notes, seed: seed, summary: summary)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(manifest).write(to: manifestURL)
    return (folder, manifest)
  }
}
