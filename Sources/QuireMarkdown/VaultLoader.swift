import Dispatch
import Foundation
import QuireCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a vault folder into a `Vault`: finds the notes, parses them on all cores, resolves links.
///
/// Every `*.md` file below the root is a note, except inside folders whose name starts
/// with `.` and `node_modules`. Other files are the vault's assets. Symbolic links are
/// followed only when they stay inside the vault; a file that cannot be read is a warning.
public struct VaultLoader: Sendable {
  /// What to keep and how far to go.
  public struct Options: Sendable {
    /// Keep each note's plain text (for search) in the vault; off keeps memory small.
    public var keepText: Bool
    /// Notes parsed earlier, reused when a file's size and modification time are unchanged.
    public var cache: (any ParsedNoteCache)?
    /// Keep of the notes parsed only what the graph reads (`Note.leaveOutForGraph`, and the
    /// links' annotations once resolved), as a browser does: the rest is read back from
    /// the files when needed (`FileAnnotations`; an index's refresh given a `FileNoteSource`).
    /// At 100,000 notes the texts alone are about as large as the vault on disk.
    public var lean: Bool
    public init(keepText: Bool = true, cache: (any ParsedNoteCache)? = nil, lean: Bool = false) {
      self.keepText = keepText
      self.cache = cache
      self.lean = lean
    }
  }

  /// What loading found, besides the vault: how many notes were parsed or reused.
  public struct Report: Sendable {
    public var parsed = 0
    public var reused = 0
    public var bytesRead = 0
  }

  public let root: URL
  public let options: Options

  public init(root: URL, options: Options = Options()) {
    self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    self.options = options
  }

  /// Loads the vault; throws `VaultError` when the root is missing or not a folder.
  public func load() throws -> Vault {
    try loadReporting().vault
  }

  /// Loads the vault and says how much work it took.
  public func loadReporting() throws -> (vault: Vault, report: Report) {
    try Self.checkRoot(root)
    // The file list and the parse results are let go before the graph is built: at
    // 100,000 notes they held 11 MB at the load's peak.
    var gathered = gather()
    let resolution = Self.resolution(notes: gathered.notes, fresh: gathered.fresh, cache: options.cache)
    let annotations: (any AnnotationStore)? =
      options.lean
      ? FileAnnotations(root: root, fallback: options.cache?.annotationStore) : options.cache?.annotationStore
    // Handed over, not shared: each note's links as parsed go as its resolved ones come.
    let notes = gathered.notes
    gathered.notes = []
    // The annotations of the notes parsed lean go once the links are resolved.
    let parsedAnnotations = options.lean ? ParsedAnnotations(gathered.annotations, words: gathered.words) : nil
    gathered.annotations = [:]
    let vault = Vault(
      root: root.path, notes: notes, assets: gathered.assets, diagnostics: gathered.diagnostics,
      resolution: resolution, annotations: annotations, parsedAnnotations: consume parsedAnnotations,
      lean: options.lean)
    return (vault, gathered.report)
  }

  /// Every note of the vault, read from the cache or parsed, with the ids of those parsed
  /// and the annotations of those parsed lean.
  private func gather() -> (
    notes: [Note], annotations: [String: NoteAnnotations], words: WordTable, fresh: Set<String>, assets: Set<String>,
    diagnostics: [Diagnostic], report: Report
  ) {
    var scan = VaultScanner(root: root.path)
    scan.run()
    let files = scan.notes
    let rootPath = root.path
    let options = options
    // Headings and link targets of notes parsed lean share equal strings as they come (most
    // repeat from note to note), as a lean cache load's do.
    let strings = Locked(LinkStringPool(capacity: options.lean ? files.count * 4 : 0))
    // The words of their annotations, numbered (`NoteAnnotations`).
    let words = Locked(WordTable())
    // Many small runs, so that one huge note holds up one run rather than a core's half.
    let parsedFiles = files.parallelMap(chunks: 256) { file in
      Self.parse(file, rootPath: rootPath, options: options, strings: strings, words: words)
    }
    var notes: [Note] = []
    notes.reserveCapacity(files.count)
    var annotations: [String: NoteAnnotations] = [:]
    if options.lean { annotations.reserveCapacity(files.count) }
    var fresh = Set<String>()
    var diagnostics = scan.diagnostics
    var report = Report()
    for file in parsedFiles {
      switch file {
      case .parsed(let note, let reused, let noteAnnotations):
        notes.append(note)
        if let noteAnnotations { annotations[note.id] = noteAnnotations }
        if reused { report.reused += 1 } else {
          fresh.insert(note.id)
          report.parsed += 1
          report.bytesRead += note.byteCount
        }
      case .failed(let diagnostic):
        diagnostics.append(diagnostic)
      }
    }
    return (notes, annotations, words.withLock { $0 }, fresh, scan.assets, diagnostics, report)
  }

  /// How much of the links to resolve: all without a cache; with one, only what the
  /// files that changed, appeared or disappeared since it was stored can have moved.
  private static func resolution(
    notes: [Note], fresh: Set<String>, cache: (any ParsedNoteCache)?
  ) -> LinkResolution {
    guard let cache else { return .all }
    guard cache.linksAreCurrent else { return .cached(fresh: fresh, previous: nil) }
    let present = Set(notes.map(\.id))
    var changed = fresh.compactMap { cache.storedNote(id: $0) }
    // A file that could not be read now is gone from the graph as if deleted.
    changed += cache.storedIDs.lazy.filter { !present.contains($0) }.compactMap {
      cache.storedNote(id: $0)
    }
    return .cached(fresh: fresh, previous: changed)
  }

  /// Throws `VaultError` unless `root` is a folder this process can read.
  public static func checkRoot(_ root: URL) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
      throw VaultError.notFound(root.path)
    }
    guard isFolder.boolValue else { throw VaultError.notAFolder(root.path) }
    guard access(root.path, R_OK | X_OK) == 0 else {
      throw VaultError.unreadable(root.path, "permission denied")
    }
  }

  enum ParsedFile: Sendable {
    /// `annotations`: those of a note parsed lean, kept apart from its links.
    case parsed(Note, reused: Bool, annotations: NoteAnnotations? = nil)
    case failed(Diagnostic)
  }

  /// - Parameters:
  ///   - strings: where a note parsed lean shares its headings' and links' strings.
  ///   - words: where a note parsed lean numbers the words of its annotations.
  static func parse(
    _ file: VaultScanner.File, rootPath: String, options: Options, strings: Locked<LinkStringPool>? = nil,
    words: Locked<WordTable> = Locked(WordTable())
  ) -> ParsedFile {
    if let cached = options.cache?.note(id: file.id, size: file.size, modified: file.modified) {
      return .parsed(cached, reused: true)
    }
    switch FileReader.read(rootPath + "/" + file.id) {
    case .success(let bytes):
      var note = NoteParser.parse(id: file.id, bytes: bytes, modified: file.modified).note
      if options.lean {
        let annotations = note.leaveOutForGraph(words: words)
        strings?.withLock { pool in
          for section in note.sections.indices { pool.share(&note.sections[section]) }
          for link in note.links.indices { pool.share(&note.links[link]) }
        }
        return .parsed(note, reused: false, annotations: annotations)
      } else if !options.keepText {
        note.texts = []
      }
      return .parsed(note, reused: false)
    case .failure(let error):
      return .failed(
        Diagnostic(
          path: file.id, severity: .warning, message: "cannot read: \(error.message)",
          rule: "unreadable"))
    }
  }
}

/// Why a vault could not be opened at all.
public enum VaultError: Error, LocalizedError, Equatable {
  case notFound(String)
  case notAFolder(String)
  case unreadable(String, String)

  public var errorDescription: String? {
    switch self {
    case .notFound(let path): "no vault at \(path): no such folder"
    case .notAFolder(let path): "no vault at \(path): not a folder"
    case .unreadable(let path, let why): "cannot read the vault at \(path): \(why)"
    }
  }
}
