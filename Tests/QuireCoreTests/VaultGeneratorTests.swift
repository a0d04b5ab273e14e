import Foundation
import QuireCore
import QuireTestSupport
import XCTest

/// The synthetic vault generator: the same seed gives the same bytes, and counts add up.
final class VaultGeneratorTests: XCTestCase {
  private var folders: [URL] = []

  override func tearDown() {
    for folder in folders { try? FileManager.default.removeItem(at: folder) }
    folders = []
    super.tearDown()
  }

  private func temporaryFolder() -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("quire-generator-\(UUID().uuidString)")
    folders.append(folder)
    return folder
  }

  /// Every `.md` file below `root`, vault-relative, with its bytes.
  private func files(below root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let base = root.standardizedFileURL.path + "/"
    let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
    for case let url as URL in enumerator where url.pathExtension == "md" {
      let path = url.standardizedFileURL.path
      result[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
    }
    return result
  }

  func testSameSeedWritesTheSameBytesWhateverTheWorkers() throws {
    let first = temporaryFolder()
    let second = temporaryFolder()
    let one = try VaultGenerator(notes: 200, seed: 7).write(to: first, workers: 1)
    let two = try VaultGenerator(notes: 200, seed: 7).write(to: second, workers: 3)
    XCTAssertEqual(one, two)
    XCTAssertEqual(try files(below: first), try files(below: second))
  }

  func testAnotherSeedWritesAnotherVault() {
    let plan = VaultGenerator(notes: 50, seed: 1).plan()
    let other = VaultGenerator(notes: 50, seed: 2).plan()
    XCTAssertNotEqual(plan.notes.map(\.title), other.notes.map(\.title))
  }

  func testCountsPathsAndTypesAddUp() throws {
    let root = temporaryFolder()
    let generator = VaultGenerator(notes: 300, seed: 3)
    let summary = try generator.write(to: root)
    let written = try files(below: root)
    XCTAssertEqual(summary.notes, 300)
    XCTAssertEqual(written.count, 300)
    XCTAssertEqual(summary.bytes, written.values.reduce(0) { $0 + $1.count })
    XCTAssertEqual(summary.types.values.reduce(0, +), 300)

    let plan = generator.plan()
    XCTAssertEqual(Set(plan.notes.map(\.path)), Set(written.keys))
    for note in plan.notes where note.type != .page {
      // The folder alone must give the type the plan says, as FORMAT.md infers it.
      XCTAssertEqual(NoteType.inferred(fromPath: note.path), note.type, note.path)
    }
    XCTAssertTrue(written.keys.contains { $0.hasPrefix("raw/papers/source-") })
    for folder in ["findings/", "concepts/", "threads/", "lenses/", "researchers/"] {
      XCTAssertTrue(written.keys.contains { $0.hasPrefix(folder) }, folder)
    }
  }

  func testNotesCarryLinksAnchorsAndAFewBrokenOnes() throws {
    let generator = VaultGenerator(notes: 400, seed: 11)
    let plan = generator.plan()
    var links = 0
    var broken = 0
    var bytes = 0
    for index in plan.notes.indices {
      let note = generator.note(index, in: plan)
      XCTAssertGreaterThanOrEqual(note.links, 5, note.path)
      XCTAssertLessThanOrEqual(note.links, 40, note.path)
      links += note.links
      broken += note.brokenLinks
      bytes += note.text.utf8.count
    }
    // About 1% broken, about 5 KB a note: loose bounds, the exact figures are the seed's.
    XCTAssertGreaterThan(broken, 0)
    XCTAssertLessThan(Double(broken) / Double(links), 0.03)
    XCTAssertGreaterThan(bytes / plan.notes.count, 3_000)
    XCTAssertLessThan(bytes / plan.notes.count, 8_000)

    let texts = plan.notes.indices.map { generator.note($0, in: plan).text }.joined(separator: "\n")
    for form in ["](../", ".md#", "[[", "|", "#", "\\|", "lenses: [", "extends"] {
      XCTAssertTrue(texts.contains(form), form)
    }
  }

  func testThreadEntriesNameRealSectionsOfTheThread() throws {
    let generator = VaultGenerator(notes: 300, seed: 5)
    let plan = generator.plan()
    let threadsByPath = Dictionary(
      uniqueKeysWithValues: plan.notes.filter { $0.type == .thread }.map { ($0.path, $0) })
    var checked = 0
    for index in plan.ranges[.finding] ?? 0..<0 {
      let text = generator.note(index, in: plan).text
      for line in text.split(separator: "\n") where line.contains("— extends ") {
        guard let open = line.range(of: "](../"), let close = line.range(of: ".md)") else { continue }
        let path = String(line[open.upperBound..<close.lowerBound]) + ".md"
        guard let thread = threadsByPath[path] else { continue }
        let named = thread.arguments.map { String($0.dropFirst(4)) + ":" }
        XCTAssertTrue(named.contains { line.contains($0) }, String(line))
        checked += 1
      }
    }
    XCTAssertGreaterThan(checked, 10)
  }
}
