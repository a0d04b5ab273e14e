import ArgumentParser
import Foundation
import QuireCore
import QuireMarkdown
import QuireSearch

/// `quire index`: builds or refreshes the vault's search cache explicitly.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index", abstract: "Build or refresh the search cache of the vault.",
    discussion: """
      The cache lives in $XDG_CACHE_HOME/quire/ (else ~/.cache/quire/), one file per vault. Other commands refresh it on their own; this one does it on demand and reports.

      Example: quire index --rebuild
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Flag(help: "Delete the cache first and index every note again.") var rebuild = false

  func run() throws {
    let root = vaultOptions.resolvedRoot()
    if rebuild { SearchIndex.removeCache(vaultRoot: root) }
    let start = Date()
    let indexed = try IndexedVault.open(root: root, inMemory: false)
    let summary = indexed.summary
    let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
    print(
      "\(indexed.vault.notes.count) notes: \(summary.added) added, \(summary.updated) updated, "
        + "\(summary.touched) touched, \(summary.removed) removed, \(summary.unchanged) unchanged "
        + "(\(indexed.parsed) parsed) in \(seconds) s")
    if let url = indexed.index.databaseURL { print("cache: \(url.path)") }
  }
}

/// A vault loaded through its search cache, with the index brought up to date: what
/// `search` and `index` start from.
struct IndexedVault {
  let vault: Vault
  let index: SearchIndex
  let summary: RefreshSummary
  /// How many notes were parsed (the others came from the cache).
  let parsed: Int

  /// Opens the cache (or an in-memory index), loads the vault through it, refreshes it.
  /// Notices about the cache go to standard error; a progress line too, on a terminal,
  /// when indexing takes more than half a second.
  static func open(root: URL, inMemory: Bool) throws -> IndexedVault {
    let index: SearchIndex
    do {
      index = try SearchIndex.open(vaultRoot: root, inMemory: inMemory)
    } catch {
      throw CLIFailure("cannot open the search index: \(error.localizedDescription)")
    }
    for notice in index.notices {
      FileHandle.standardError.write(Data("quire: \(notice)\n".utf8))
    }
    // Lean, as the browser loads (the texts of the notes parsed are read again as the
    // index takes them), but for an index in memory, made once and dropped: reading each
    // file twice would cost more than holding its text.
    let lean = !inMemory
    let snapshot = index.loadNoteCache(lean: lean)
    let loaded: (vault: Vault, report: VaultLoader.Report)
    do {
      loaded = try VaultLoader(root: root, options: .init(keepText: true, cache: snapshot, lean: lean))
        .loadReporting()
    } catch {
      throw CLIFailure(error.localizedDescription)
    }
    let progress = ProgressLine(label: "indexing")
    let summary: RefreshSummary
    do {
      summary = try index.refresh(vault: loaded.vault, cache: snapshot, source: FileNoteSource(root: root)) { step in
        progress.show(done: step.done, total: step.total)
      }
    } catch {
      progress.finish()
      throw CLIFailure("cannot update the search index: \(error.localizedDescription)")
    }
    progress.finish()
    return IndexedVault(
      vault: loaded.vault, index: index, summary: summary, parsed: loaded.report.parsed)
  }
}

/// A one-line progress display on standard error, shown only on a terminal and only
/// once the work has taken half a second.
final class ProgressLine {
  private let label: String
  private let start = Date()
  private let enabled = isatty(STDERR_FILENO) == 1
  private var shown = false

  init(label: String) { self.label = label }

  func show(done: Int, total: Int) {
    guard enabled, total > 0, Date().timeIntervalSince(start) > 0.5 else { return }
    let width = 30
    let filled = width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
    shown = true
  }

  func finish() {
    guard shown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    shown = false
  }
}
