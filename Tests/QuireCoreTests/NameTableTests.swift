import XCTest

@testable import QuireCore

/// `NameTable` keeps one note's index without a list, and lists only for shared names:
/// what it gives back is what a dictionary of lists would.
final class NameTableTests: XCTestCase {
  func testItAnswersAsADictionaryOfListsWouldThroughEveryChange() {
    var table = NameTable()
    var expected: [String: [Int]] = [:]
    func check(_ step: String) {
      for key in ["alpha", "beta", "gamma", "delta"] {
        XCTAssertEqual(table[key], expected[key], "\(key) after \(step)")
      }
      XCTAssertEqual(table.count, expected.count, step)
    }
    for (index, key) in ["alpha", "beta", "alpha", "gamma", "alpha"].enumerated() {
      table.append(index, at: key)
      expected[key, default: []].append(index)
    }
    check("building")
    var copy = table
    copy.reserveCapacity(copy.count)
    copy.remove(0, at: "alpha")
    XCTAssertEqual(table["alpha"], [0, 2, 4], "a change to a copy reached the original")
    table = copy
    expected["alpha"] = [2, 4]
    check("removing from a shared name")
    table.remove(1, at: "beta")
    expected["beta"] = nil
    check("removing the only note")
    table.insert(1, at: "gamma")
    expected["gamma"] = [1, 3]
    check("inserting before")
    table.remove(2, at: "alpha")
    table.remove(4, at: "alpha")
    expected["alpha"] = nil
    check("emptying a shared name")
    table.insert(7, at: "delta")
    table.insert(5, at: "delta")
    table.remove(9, at: "delta")
    expected["delta"] = [5, 7]
    check("a name shared anew")
  }

  func testALookupKeepsOnlyTheNotesItsCallerSaysGoByTheName() {
    // Names are filed by a hash: a lookup checks each note filed under it, as a hash shared
    // by two names would need.
    var table = NameTable()
    table.append(0, at: "alpha")
    table.append(1, at: "beta")
    table.append(2, at: "alpha")
    XCTAssertEqual(table.notes(named: "alpha") { _ in true }, [0, 2])
    XCTAssertEqual(table.notes(named: "alpha") { $0 != 0 }, [2])
    XCTAssertEqual(table.notes(named: "beta") { $0 != 1 }, [])
    XCTAssertEqual(table.notes(named: "gamma") { _ in true }, [])
  }

  func testANameIsTheKeyWhenItLowerCasesToItAsStringsCompare() {
    XCTAssertTrue(NameTable.same("Sleeper Agents", "sleeper agents"))
    XCTAssertTrue(NameTable.same("findings/2024-Sleeper.md", "findings/2024-sleeper.md"))
    XCTAssertFalse(NameTable.same("Sleeper", "sleeper agents"))
    XCTAssertFalse(NameTable.same("sleeper agentS", "sleeper agents!"))
    XCTAssertFalse(NameTable.same("[", "{"), "only letters fold")
    XCTAssertTrue(NameTable.same("CAFÉ", "café"))
    XCTAssertTrue(NameTable.same("Cafe\u{301}", "café"), "canonically equivalent, as strings compare")
    XCTAssertFalse(NameTable.same("cafe", "café"))
    // Filed alike too: the table keys names as strings hash.
    var table = NameTable()
    table.append(4, at: "cafe\u{301}")
    XCTAssertEqual(table.notes(named: "café") { _ in true }, [4])
  }
}
