import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a vault of hostile files, the kind synced from other machines or half-written
/// by scripts, so tests can check that Quire neither crashes, hangs nor leaks control bytes.
///
/// Generated at test time (nothing of megabytes lives in git). The vault sits in
/// `<folder>/vault`; `<folder>/outside` holds a file that symbolic links and `..` links
/// point at, whose marker `outsideMarker` must never appear in any output.
public struct HostileVault: Sendable {
  /// How big the big cases are: `full` is the corpus, `small` keeps sanitizer runs quick.
  public struct Scale: Sendable {
    public var hugeNoteBytes: Int
    public var tableRows: Int
    public var nestingDepth: Int
    public var longLineBytes: Int
    public var linkCount: Int
    public var headingCount: Int

    public init(
      hugeNoteBytes: Int, tableRows: Int, nestingDepth: Int, longLineBytes: Int, linkCount: Int,
      headingCount: Int
    ) {
      self.hugeNoteBytes = hugeNoteBytes
      self.tableRows = tableRows
      self.nestingDepth = nestingDepth
      self.longLineBytes = longLineBytes
      self.linkCount = linkCount
      self.headingCount = headingCount
    }

    /// The sizes the issue names: a 50 MB note, 20,000 table rows, nesting 10,000 deep,
    /// a 1 MB line, 100,000 links.
    public static let full = Scale(
      hugeNoteBytes: 50 << 20, tableRows: 20_000, nestingDepth: 10_000, longLineBytes: 1 << 20,
      linkCount: 100_000, headingCount: 10_000)
    /// `small` when the environment sets `QUIRE_HOSTILE_SCALE=small` (the sanitizer runs),
    /// else `full`.
    public static var configured: Scale {
      ProcessInfo.processInfo.environment["QUIRE_HOSTILE_SCALE"] == "small" ? .small : .full
    }
    /// Every kind of case, smaller (the huge note still crosses the full-parse limit).
    public static let small = Scale(
      hugeNoteBytes: 9 << 20, tableRows: 2_000, nestingDepth: 2_000, longLineBytes: 128 << 10,
      linkCount: 10_000, headingCount: 1_000)
  }

  /// What a file is meant to do to the loader.
  public enum Expectation: Sendable, Equatable {
    /// A sound note: loaded, no warning.
    case clean
    /// Loaded as a note, with at least one warning on it (the rule named).
    case warned(rule: String)
    /// Not loaded as a note; a warning in the vault's diagnostics names it (the rule named).
    case skipped(rule: String)
    /// Large or strange but valid: loaded; warnings allowed.
    case stress
  }

  /// One generated path and what it should lead to.
  public struct Entry: Sendable {
    public var path: String
    public var expectation: Expectation
    public var what: String
  }

  /// A marker written only outside the vault: finding it in output means containment failed.
  public static let outsideMarker = "OUTSIDE-SECRET-7f3a"
  /// Control sequences put into titles and text: CSI, OSC 52 (clipboard), OSC 8 (hyperlink),
  /// a C1 CSI, and bidi overrides.
  public static let escapes: [String] = [
    "\u{1B}[2J\u{1B}[31m", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}", "\u{1B}]8;;https://evil.example\u{1B}\\",
    "\u{9B}6n", "\u{202E}txt.exe\u{202C}", "\u{2066}x\u{2069}", "\u{1B}P+q\u{1B}\\",
  ]

  public let folder: URL
  public var vault: URL { folder.appendingPathComponent("vault") }
  public var outside: URL { folder.appendingPathComponent("outside") }
  public private(set) var entries: [Entry] = []

  /// Writes the corpus into a fresh folder under the temporary directory.
  public static func make(scale: Scale = .configured) throws -> HostileVault {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("quire-hostile-\(UUID().uuidString)")
    var hostile = HostileVault(folder: folder)
    try hostile.write(scale: scale)
    return hostile
  }

  init(folder: URL) { self.folder = folder }

  /// Removes the corpus, first making unreadable folders readable again.
  public func remove() {
    for entry in entries where entry.path.hasPrefix("locked") {
      chmod(vault.appendingPathComponent(entry.path).path, 0o755)
    }
    try? FileManager.default.removeItem(at: folder)
  }

  /// Paths of notes expected to load (clean, warned or stress).
  public var loadedPaths: [String] {
    entries.filter {
      switch $0.expectation {
      case .clean, .warned, .stress: true
      case .skipped: false
      }
    }.map(\.path)
  }

  /// Whether this process can make a file unreadable (root reads everything).
  public static var canLockFiles: Bool { geteuid() != 0 }

  // MARK: - Writing

  private mutating func write(scale: Scale) throws {
    let manager = FileManager.default
    try manager.createDirectory(at: vault, withIntermediateDirectories: true)
    try manager.createDirectory(at: outside, withIntermediateDirectories: true)
    try Data("# Secret\n\n\(Self.outsideMarker)\n".utf8)
      .write(to: outside.appendingPathComponent("secret.md"))

    try writeSoundNotes()
    try writeEncodingCases()
    try writeSizeCases(scale)
    try writeNestingCases(scale)
    try writeFrontMatterCases()
    try writeEscapeCases()
    try writeLinkCases(scale)
    try writeFileSystemCases()
  }

  private mutating func add(
    _ path: String, _ bytes: [UInt8], _ expectation: Expectation, _ what: String
  ) throws {
    let url = vault.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    entries.append(Entry(path: path, expectation: expectation, what: what))
  }

  private mutating func add(
    _ path: String, _ text: String, _ expectation: Expectation, _ what: String
  ) throws {
    try add(path, Array(text.utf8), expectation, what)
  }

  private mutating func writeSoundNotes() throws {
    try add(
      "index.md",
      """
      ---
      title: Hostile Index
      ---
      # Hostile Index

      The index links [[with space]], [[café ünïcödé 日本]] and [a quoted note](<names/quote \"double\" 'single'.md>).
      It also names the Sound Note, unlinked, for the mention finder.

      """, .clean, "a sound note linking the others")
    try add("sound note.md", "# Sound Note\n\nPlain text, [[Hostile Index]].\n", .clean, "sound")
    try add("names/with space.md", "# With Space\n\nBack to [[Hostile Index]].\n", .clean, "space in name")
    try add(
      "names/quote \"double\" 'single'.md", "# Quoted Name\n\nQuotes in the file name.\n", .clean,
      "quotes in name")
    try add("names/café ünïcödé 日本.md", "# Café\n\nNon-ASCII name.\n", .clean, "non-ASCII name")
    try add("names/new\nline.md", "# Newline Name\n\nA newline in the file name.\n", .stress, "newline in name")
    try add(
      "names/esc\u{1B}[31mred.md", "# Escape In Name\n\nThe file name holds ESC.\n", .stress,
      "ESC in file name")
    try add("empty.md", [], .clean, "empty file")
    var deep = "deep"
    for level in 1...60 { deep += "/d\(level)" }
    try add(deep + "/bottom.md", "# Bottom\n\n60 folders down.\n", .clean, "deep folders")
  }

  private mutating func writeEncodingCases() throws {
    try add(
      "bad/invalid-utf8.md", Array("# Invalid\n\nbad: ".utf8) + [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80] + Array(" end\n".utf8),
      .warned(rule: "encoding"), "invalid UTF-8")
    try add(
      "bad/nul-bytes.md", Array("# Nul\n\ntext".utf8) + [0, 0, 0] + Array("more [[Ho\u{0}stile]]\n".utf8),
      .warned(rule: "encoding"), "NUL bytes")
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    var generator = SeededBytes(seed: 42)
    for _ in 0..<4096 { png.append(generator.next()) }
    try add("bad/picture.md", png, .warned(rule: "encoding"), "a PNG named .md")
    var elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]
    for _ in 0..<8192 { elf.append(generator.next()) }
    try add("bad/program.md", elf, .warned(rule: "encoding"), "an ELF binary named .md")
  }

  private mutating func writeSizeCases(_ scale: Scale) throws {
    // The huge note: paragraphs, links and headings repeated, far past the parse limit.
    var huge: [UInt8] = []
    huge.reserveCapacity(scale.hugeNoteBytes + 256)
    let block = Array(
      "## Part\n\nA paragraph that mentions Sound Note and links [[Hostile Index]] again.\n\n".utf8)
    huge += Array("# Huge\n\n".utf8)
    while huge.count < scale.hugeNoteBytes { huge += block }
    try add("big/huge.md", huge, .warned(rule: "size"), "a note over the full-parse limit")

    var table = "# Table\n\n| a | b | c |\n|---|:-:|--:|\n"
    for row in 0..<scale.tableRows { table += "| \(row) | [[Sound Note]] | x\(row) |\n" }
    try add("big/table.md", table, .stress, "\(scale.tableRows)-line table")

    let line = "# Long\n\n" + String(repeating: "word ", count: scale.longLineBytes / 5) + "\n"
    try add("big/long-line.md", line, .stress, "1 MB single line")

    var headings = ""
    for index in 0..<scale.headingCount { headings += "# Same\n\n## Same\n\ntext \(index)\n\n" }
    try add("big/headings.md", headings, .stress, "many headings with one title")
  }

  private mutating func writeNestingCases(_ scale: Scale) throws {
    let depth = scale.nestingDepth
    try add(
      "deep/quotes.md", String(repeating: "> ", count: depth) + "# Deep heading\n\ntext\n",
      .warned(rule: "nesting"), "heading \(depth) quotes deep")
    try add(
      "deep/lists.md", String(repeating: "- ", count: depth) + "# Deep heading\n\ntext\n",
      .warned(rule: "nesting"), "heading \(depth) lists deep")
    var indented = ""
    for level in 0..<min(depth, 1_000) {
      indented += String(repeating: "  ", count: level) + "- item \(level)\n"
    }
    try add("deep/indented.md", indented, .warned(rule: "nesting"), "indented lists 1,000 deep")
    var mixed = ""
    for level in 0..<min(depth, 4000) { mixed += String(repeating: "> - ", count: level % 50 + 1) + "# h\(level)\n" }
    try add("deep/mixed.md", mixed, .stress, "headings in quotes in lists")
    let emphasis = String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth)
    try add("deep/emphasis.md", "# Emphasis\n\n" + emphasis + "\n", .stress, "emphasis \(depth) deep")
    let images = String(repeating: "![", count: depth) + "x" + String(repeating: "](y)", count: depth)
    try add("deep/images.md", "# Images\n\n" + images + "\n", .stress, "images \(depth) deep")
    let brackets = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
    try add("deep/brackets.md", "# Brackets\n\n" + brackets + "\n" + String(repeating: "[[", count: depth) + "\n", .stress, "brackets")
    let yamlDepth = min(depth, 100_000)
    try add(
      "deep/yaml-nesting.md",
      "---\nx: " + String(repeating: "[", count: yamlDepth) + String(repeating: "]", count: yamlDepth)
        + "\n---\n# Deep YAML\n", .warned(rule: "yaml"), "YAML flow nesting \(yamlDepth) deep")
  }

  private mutating func writeFrontMatterCases() throws {
    try add("yaml/broken.md", "---\ntitle: [unclosed\n  : : :\n---\n# Broken\n", .warned(rule: "yaml"), "broken YAML")
    try add("yaml/unclosed.md", "---\ntitle: never closed\n# Body\n", .warned(rule: "yaml"), "unclosed front matter")
    try add("yaml/list.md", "---\n- a\n- b\n---\n# List\n", .warned(rule: "yaml"), "front matter is a list")
    try add("yaml/scalar.md", "---\njust a scalar\n---\n# Scalar\n", .warned(rule: "yaml"), "front matter is a scalar")
    var bomb = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    let letters = Array("bcdefghijklmnopqrstuvw")
    var previous = "a"
    for letter in letters {
      let name = String(letter)
      bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
      previous = name
    }
    bomb += "---\n# Bomb\n"
    try add("yaml/alias-bomb.md", bomb, .warned(rule: "yaml"), "anchors and aliases bomb")
    var big = "---\n"
    for index in 0..<20_000 { big += "key\(index): value \(index)\n" }
    big += "---\n# Big YAML\n"
    try add("yaml/huge.md", big, .warned(rule: "yaml"), "front matter over 256 KB")
    try add(
      "yaml/wrong-types.md", "---\ntitle: [1, 2]\naliases: {a: b}\ntags: 7\ndate: [[x]]\n---\n# Types\n",
      .stress, "fields of the wrong type")
  }

  private mutating func writeEscapeCases() throws {
    let all = Self.escapes.joined()
    try add(
      "escapes/title.md",
      """
      ---
      title: "Evil \\e[2J\\e]52;c;cm0gLXJmIH4=\\a Title \\u202Etxt"
      aliases: ["Alias \\e[31m red", "\\u2066iso\\u2069"]
      tags: ["tag\\e]8;;http://x\\e\\\\"]
      ---
      # Heading \(all)

      Body \(all) with a [link \(all)](https://evil.example/\u{1B}[31m) and [[Sound Note|label \(all)]].

      ```
      code \(all)
      ```

      | col \(all) |
      |---|
      | cell \(all) |

      """, .warned(rule: "control"), "titles and text full of escape sequences")
    try add(
      "escapes/heading.md", "# \u{1B}]0;pwned\u{07}Window Title\n\n## \u{9B}31m C1\n\nSee [[Sound Note]].\n",
      .warned(rule: "control"), "headings that retitle the window")
  }

  private mutating func writeLinkCases(_ scale: Scale) throws {
    try add(
      "links/dotdot.md",
      """
      # Dot Dot

      - [secret](../outside/secret.md)
      - [deeper](../../../../../../etc/passwd)
      - [[../outside/secret]]
      - [[../../etc/passwd]]
      - ![embed](../outside/secret.md)
      - [abs](/etc/passwd)

      """, .stress, "links with .. escaping the vault")
    var many = "# Many Links\n\n"
    many.reserveCapacity(scale.linkCount * 24)
    for index in 0..<scale.linkCount {
      many += index % 2 == 0 ? "[[Sound Note]] " : "[t](sound%20note.md#x\(index)) "
      if index % 20 == 19 { many += "\n" }
    }
    try add("links/many.md", many + "\n", .stress, "\(scale.linkCount) links in one note")
    var mentions = "# Mentions\n\n"
    for _ in 0..<2_000 { mentions += "Sound Note Hostile Index the sound note, sound sound sound. " }
    try add("links/mentions.md", mentions + "\n", .stress, "prose full of note names")
  }

  private mutating func writeFileSystemCases() throws {
    let manager = FileManager.default
    try manager.createDirectory(at: vault.appendingPathComponent("loops"), withIntermediateDirectories: true)
    try manager.createSymbolicLink(atPath: vault.appendingPathComponent("loops/self").path, withDestinationPath: ".")
    try manager.createSymbolicLink(atPath: vault.appendingPathComponent("loops/up").path, withDestinationPath: "..")
    try manager.createSymbolicLink(
      atPath: vault.appendingPathComponent("loops/ping.md").path, withDestinationPath: "pong.md")
    try manager.createSymbolicLink(
      atPath: vault.appendingPathComponent("loops/pong.md").path, withDestinationPath: "ping.md")
    entries.append(Entry(path: "loops/ping.md", expectation: .skipped(rule: "symlink"), what: "a symbolic link loop"))
    try manager.createSymbolicLink(
      atPath: vault.appendingPathComponent("escape.md").path, withDestinationPath: "../outside/secret.md")
    entries.append(Entry(path: "escape.md", expectation: .skipped(rule: "symlink"), what: "a link to a file outside"))
    try manager.createSymbolicLink(atPath: vault.appendingPathComponent("escape-dir").path, withDestinationPath: outside.path)
    entries.append(Entry(path: "escape-dir", expectation: .skipped(rule: "symlink"), what: "a link to a folder outside"))
    try manager.createSymbolicLink(
      atPath: vault.appendingPathComponent("inside.md").path, withDestinationPath: "sound note.md")
    entries.append(Entry(path: "inside.md", expectation: .clean, what: "a link that stays inside"))
    try manager.createSymbolicLink(
      atPath: vault.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere/none.md")
    entries.append(Entry(path: "dangling.md", expectation: .skipped(rule: "symlink"), what: "a dangling link"))
    if mkfifo(vault.appendingPathComponent("fifo.md").path, 0o644) == 0 {
      entries.append(Entry(path: "fifo.md", expectation: .skipped(rule: "unreadable"), what: "a named pipe named .md"))
    }
    if Self.canLockFiles {
      try add("locked-file.md", "# Locked\n", .skipped(rule: "unreadable"), "an unreadable file")
      chmod(vault.appendingPathComponent("locked-file.md").path, 0)
      try add("locked/inner.md", "# Inner\n", .skipped(rule: "unreadable"), "a note in an unreadable folder")
      chmod(vault.appendingPathComponent("locked").path, 0)
      entries.append(Entry(path: "locked", expectation: .skipped(rule: "unreadable"), what: "an unreadable folder"))
    }
  }
}

/// A small deterministic byte stream (xorshift), so generated binaries are the same each run.
struct SeededBytes {
  var state: UInt64
  init(seed: UInt64) { state = seed | 1 }
  mutating func next() -> UInt8 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return UInt8(truncatingIfNeeded: state >> 24)
  }
}

extension HostileVault {
  /// Runs `work` on its own thread and waits at most `seconds`: nil when it did not finish,
  /// so a test fails instead of hanging CI (the stray thread ends with the test process).
  public static func bounded<T: Sendable>(
    seconds: Double, stackBytes: Int = 8 << 20, _ work: @escaping @Sendable () throws -> T
  ) -> Result<T, any Error>? {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      let result = Result { try work() }
      box.set(result)
      done.signal()
    }
    thread.stackSize = stackBytes
    thread.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.get()
  }
}

/// A value handed from one thread to another under a lock.
final class ResultBox<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Result<T, any Error>?
  func set(_ result: Result<T, any Error>) { lock.withLock { value = result } }
  func get() -> Result<T, any Error>? { lock.withLock { value } }
}
