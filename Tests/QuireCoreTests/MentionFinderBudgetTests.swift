import XCTest

@testable import QuireCore

/// The mention finder's work budget: a pathological note is skipped with a reason, in a
/// bounded number of steps; ordinary notes never come near it.
final class MentionFinderBudgetTests: XCTestCase {
  /// 5,000 notes whose titles all start "Alpha Beta", and a 1 MB note repeating those two
  /// words: every other word offers all 5,000 names, over 2 × 10^8 tries without a budget.
  func testPathologicalNoteIsSkippedWithAReason() {
    var notes = (0..<5_000).map { index in
      Note(id: "concepts/c\(index).md", type: .concept, title: "Alpha Beta \(Self.word(index))")
    }
    notes.append(Note(id: "findings/flood.md", type: .finding, title: "Flood"))
    let finder = MentionFinder(notes: notes)
    let text = String(repeating: "alpha beta ", count: 1_000_000 / 11)
    let bytes = Array(text.utf8)
    var source = Note(id: "findings/flood.md", type: .finding, title: "Flood")
    source.links = []
    let scan = finder.scan(source, bytes: bytes, prose: [0..<bytes.count])
    XCTAssertEqual(scan.mentions.count, 0)
    let reason = try? XCTUnwrap(scan.skipped)
    XCTAssertTrue(reason?.contains("not searched for unlinked mentions") ?? false, reason ?? "no reason")
    // It stopped as soon as the budget ran out: within one position's candidates of it.
    XCTAssertGreaterThan(scan.work, finder.workBudget)
    XCTAssertLessThanOrEqual(scan.work, finder.workBudget + notes.count + 1)
    // The same input stops at the same point every time (a smaller budget keeps it quick).
    var smaller = finder
    smaller.workBudget = 400_000
    let first = smaller.scan(source, bytes: bytes, prose: [0..<bytes.count])
    XCTAssertEqual(smaller.scan(source, bytes: bytes, prose: [0..<bytes.count]).work, first.work)
    XCTAssertNotNil(first.skipped)
    XCTAssertTrue(smaller.mentions(in: source, bytes: bytes, prose: [0..<bytes.count]).isEmpty)
  }

  /// A 1 MB note of varied prose over a vault of a few hundred names is found in full and
  /// uses a small part of the budget.
  func testOrdinaryLargeNoteIsUnaffected() {
    var notes = (0..<300).map { index in
      Note(id: "concepts/c\(index).md", type: .concept, title: "Tidal \(Self.word(index)) effect")
    }
    notes.append(Note(id: "concepts/harbor.md", type: .concept, title: "Quiet Harbor"))
    notes.append(Note(id: "findings/log.md", type: .finding, title: "Harbor log"))
    let finder = MentionFinder(notes: notes)
    var text = ""
    var paragraph = 0
    while text.utf8.count < 1_000_000 {
      text +=
        "Day \(paragraph): the tidal \(Self.word(paragraph % 300)) effect met the Quiet Harbor "
        + "near basin \(paragraph), and the tide gauges agreed with the log of the day before.\n\n"
      paragraph += 1
    }
    let bytes = Array(text.utf8)
    var source = Note(id: "findings/log.md", type: .finding, title: "Harbor log")
    source.links = []
    let scan = finder.scan(source, bytes: bytes, prose: [0..<bytes.count])
    XCTAssertNil(scan.skipped)
    XCTAssertEqual(scan.mentions.count, 2 * paragraph)
    XCTAssertLessThan(scan.work, finder.workBudget / 4, "an ordinary note used \(scan.work) of \(finder.workBudget)")
    print("a 1 MB ordinary note: \(scan.work) candidate names tried of \(finder.workBudget)")
  }

  /// A budget is a count, so a tiny one skips even a small note, and its reason says so.
  func testBudgetIsACountOfCandidates() {
    let notes = [
      Note(id: "concepts/harbor.md", type: .concept, title: "Quiet Harbor"),
      Note(id: "findings/log.md", type: .finding, title: "Harbor log"),
    ]
    var finder = MentionFinder(notes: notes)
    var source = Note(id: "findings/log.md", type: .finding, title: "Harbor log")
    source.links = []
    let bytes = Array("The Quiet Harbor, then the Quiet Harbor again, and the Quiet Harbor.".utf8)
    XCTAssertEqual(finder.scan(source, bytes: bytes, prose: [0..<bytes.count]).work, 3)
    XCTAssertEqual(finder.mentions(in: source, bytes: bytes, prose: [0..<bytes.count]).count, 3)
    finder.workBudget = 2
    let scan = finder.scan(source, bytes: bytes, prose: [0..<bytes.count])
    XCTAssertEqual(scan.mentions.count, 0)
    XCTAssertTrue(scan.skipped?.contains("more than 2 candidate names") ?? false, scan.skipped ?? "not skipped")
  }

  /// A distinct word per number, so generated titles differ in words, not digits.
  static func word(_ number: Int) -> String {
    let letters = Array("bcdfghjklmnpqrstvwz")
    var rest = number
    var word = ""
    repeat {
      word.append(letters[rest % letters.count])
      word.append("a")
      rest /= letters.count
    } while rest > 0
    return word
  }
}
