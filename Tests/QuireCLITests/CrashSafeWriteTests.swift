import Foundation
import QuireCore
import QuireMarkdown
import QuireTestSupport
import XCTest

/// `quire link --write`, `quire import --write` and `quire mv` killed with SIGKILL while they
/// write 500 files: every file is then its old bytes or its new bytes, no temporary file
/// is taken for a note, and the vault loads with no broken link it did not have.
///
/// Each command first runs to its end on a copy, which gives the new bytes of every file,
/// the command's run time and when its writes began and ended (the files' modification
/// times). Kills then land at delays drawn with a fixed seed: half spread over the whole
/// run, half over the writing, so some always fall between two renames.
final class CrashSafeWriteTests: XCTestCase {
  /// Notes each command rewrites (or, for import, writes).
  static let fileCount = 500
  /// Kills per command (18 killed runs in all); the sanitizer runs (`QUIRE_HOSTILE_SCALE=small`,
  /// where every process is several times slower) kill twice: once during the run, once
  /// during the writing.
  static let killsPerCommand = ProcessInfo.processInfo.environment["QUIRE_HOSTILE_SCALE"] == "small" ? 2 : 6
  static let seed: UInt64 = 6
  static let timeout = 300.0
  static let concept = "concepts/quiet-harbor.md"

  /// 500 findings that name "Quiet Harbor Effect" without linking it.
  func testLinkWriteKilled() throws {
    try exercise("link --write", arguments: { _ in ["link", "--write"] }) { vault, _ in
      for index in 0..<Self.fileCount {
        try Self.write(
          Self.finding(index, body: "Basin \(index) shows the Quiet Harbor Effect at dusk."), vault,
          Self.findingPath(index))
      }
    }
  }

  /// 500 findings that link the concept, which moves to another folder and name.
  func testMoveKilled() throws {
    try exercise("mv", arguments: { _ in ["mv", Self.concept, "concepts/harbor/calm-water.md", "--write"] }) {
      vault, _ in
      for index in 0..<Self.fileCount {
        let body =
          "Basin \(index) shows the [Quiet Harbor Effect](../concepts/quiet-harbor.md) again, as [[quiet-harbor]] says."
        try Self.write(Self.finding(index, body: body), vault, Self.findingPath(index))
      }
    }
  }

  /// `import --write` writes only the new notes (and stubs), never an existing file: 500
  /// plain-text files imported in one run make it write 500 notes.
  func testImportWriteKilled() throws {
    try exercise(
      "import --write",
      arguments: { texts in ["import"] + texts + ["--into", "findings", "--write"] }
    ) { _, texts in
      try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
      for index in 0..<Self.fileCount {
        let text = """
          Summary
          Tide gauge \(index) recorded the calm of basin \(index) at night.
          concepts
          - Quiet Harbor Effect — central case.

          """
        try Data(text.utf8).write(to: texts.appendingPathComponent("t-\(index).txt"))
      }
    }
  }

  // MARK: - The exercise

  /// Writes the vault (`make` adds the command's notes to the concept), runs the command
  /// to its end on one copy, then kills it on fresh copies and checks each.
  private func exercise(
    _ label: String, arguments: ([String]) -> [String], make: (URL, URL) throws -> Void
  ) throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("quire-crash-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let original = workspace.appendingPathComponent("original")
    let texts = workspace.appendingPathComponent("texts")
    try Self.write(
      "---\ntitle: Quiet Harbor Effect\ntype: concept\n---\n\n## Definition\n\nWater stays calm behind a wall.\n",
      original, Self.concept)
    try make(original, texts)
    let textPaths = (0..<Self.fileCount).map { texts.appendingPathComponent("t-\($0).txt").path }
    let commandArguments = arguments(textPaths) + ["--vault", "."]
    let before = try Self.files(in: original)
    let brokenBefore = try Self.brokenLinks(in: original)

    // The run to the end: new bytes, run time, and when the writes happened.
    let reference = workspace.appendingPathComponent("reference")
    try FileManager.default.copyItem(at: original, to: reference)
    let started = Date()
    let finished = try QuireProcess.run(
      commandArguments, in: reference, home: workspace, environment: ["QUIRE_TODAY": "2026-11-29"],
      timeout: Self.timeout)
    let runTime = Date().timeIntervalSince(started)
    XCTAssertEqual(finished.status, 0, "\(label): \(finished.errors)")
    let after = try Self.files(in: reference)
    let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
    XCTAssertGreaterThanOrEqual(changed.count, Self.fileCount, "\(label) wrote only \(changed.count) files")
    let times = changed.compactMap { path in
      Self.modificationTime(reference.appendingPathComponent(path).path).map { (path, $0) }
    }.sorted { $0.1 < $1.1 }
    let firstWritten = try XCTUnwrap(times.first?.0, "\(label): no written file found")
    let writeStart = max(0, (times.first?.1 ?? 0) - started.timeIntervalSince1970)
    let writeEnd = min(runTime, max(writeStart, (times.last?.1 ?? 0) - started.timeIntervalSince1970))

    var random = VaultGenerator.SplitMix64(seed: Self.seed)
    // Half the kills at delays from the start spread over the run; half timed from the
    // first write (loading takes longer on a busy machine) spread over the writing.
    var kills: [(afterFirstWrite: Bool, delay: Double)] = []
    let half = Self.killsPerCommand / 2
    for index in 0..<Self.killsPerCommand {
      let (afterFirstWrite, span, slot, slots) =
        index < half
        ? (false, runTime, index, half) : (true, writeEnd - writeStart, index - half, Self.killsPerCommand - half)
      let jitter = Double(random.next() % 1_000) / 1_000
      kills.append((afterFirstWrite, span * (Double(slot) + jitter) / Double(slots)))
    }

    var mixed = 0
    var temporaries = 0
    for (run, kill) in kills.enumerated() {
      let copy = workspace.appendingPathComponent("killed-\(run)")
      try FileManager.default.copyItem(at: original, to: copy)
      let watched = copy.appendingPathComponent(firstWritten).path
      let untouched = Self.identity(watched)
      let process = try QuireProcess(
        commandArguments, in: copy, home: workspace, environment: ["QUIRE_TODAY": "2026-11-29"])
      if kill.afterFirstWrite {
        let deadline = Date().addingTimeInterval(Self.timeout)
        while Self.identity(watched) == untouched, process.isRunning, Date() < deadline {
          Thread.sleep(forTimeInterval: 0.000_5)
        }
      }
      Thread.sleep(forTimeInterval: kill.delay)
      process.sigkill()
      let result = process.wait(timeout: Self.timeout)
      let context =
        "\(label), killed \(String(format: "%.3f", kill.delay)) s after "
        + "\(kill.afterFirstWrite ? "the first write" : "the start") (a full run: \(String(format: "%.3f", runTime)) s)"
      XCTAssertFalse(result.timedOut, context)

      let now = try Self.files(in: copy)
      var old = 0
      var new = 0
      for path in Set(before.keys).union(after.keys).union(now.keys) {
        let current = now[path]
        if current == before[path] && current == after[path] { continue }
        if current == before[path] {
          old += 1
        } else if current == after[path] {
          new += 1
        } else {
          XCTFail("\(context): \(path) is neither its old nor its new bytes (\(current?.count ?? -1) bytes)")
        }
      }
      if old > 0 && new > 0 { mixed += 1 }

      // A temporary file left by the kill is hidden, and the loader takes no note from it.
      let leftovers = try Self.hiddenFiles(in: copy).filter { $0.contains(".quire-") }
      temporaries += leftovers.count
      let vault = try VaultLoader(root: copy).load()
      let ids = Set(vault.notes.map(\.id))
      let visible = Set(now.keys.filter { $0.lowercased().hasSuffix(".md") })
      XCTAssertEqual(
        ids, visible, "\(context): loaded notes differ from the .md files (\(leftovers.count) temporary files)")
      XCTAssertFalse(ids.contains { $0.contains(".quire-") }, "\(context): a temporary file was loaded as a note")
      let broken = Self.brokenLinks(in: vault)
      XCTAssertTrue(
        broken.isSubset(of: brokenBefore),
        "\(context): new broken links \(broken.subtracting(brokenBefore).sorted().prefix(5))")
      try? FileManager.default.removeItem(at: copy)
    }
    // Not asserted (it depends on the machine's speed), but shown: how many kills fell
    // between two writes, leaving old and new files side by side.
    print(
      "\(label): \(kills.count) SIGKILLs over \(String(format: "%.2f", runTime)) s (writes "
        + "\(String(format: "%.2f", writeStart))–\(String(format: "%.2f", writeEnd)) s); \(mixed) left old and "
        + "new files side by side; \(temporaries) temporary files left, none loaded")
  }

  // MARK: - Vault helpers

  static func findingPath(_ index: Int) -> String { "findings/f-\(index).md" }

  static func finding(_ index: Int, body: String) -> String {
    """
    ---
    title: Tide finding \(index)
    type: finding
    ---

    ## Summary

    \(body)

    ## Evidence

    Gauge readings from basin \(index) over a year, noted every hour.

    """
  }

  static func write(_ text: String, _ root: URL, _ path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Every visible file under `root` by relative path, with its bytes.
  static func files(in root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let prefix = root.standardizedFileURL.path + "/"
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [:] }
    for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true
    {
      let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
      result[path] = try Data(contentsOf: url)
    }
    return result
  }

  /// Hidden files anywhere under `root` (temporary files of the atomic writer among them).
  static func hiddenFiles(in root: URL) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
    return walker.compactMap { $0 as? String }.filter { ($0 as NSString).lastPathComponent.hasPrefix(".") }
  }

  /// A file's inode and modification time (nil when absent): a rename or a new file
  /// changes it.
  static func identity(_ path: String) -> [Int]? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
  }

  static func modificationTime(_ path: String) -> Double? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
  }

  static func brokenLinks(in root: URL) throws -> Set<String> {
    brokenLinks(in: try VaultLoader(root: root).load())
  }

  /// Each broken link as "note -> target text", so a copy and its original compare.
  static func brokenLinks(in vault: Vault) -> Set<String> {
    var result = Set<String>()
    for note in vault.notes {
      for link in note.links where link.state == .broken || link.state == .ambiguous {
        result.insert("\(note.id) -> \(link.raw)")
      }
    }
    return result
  }
}
