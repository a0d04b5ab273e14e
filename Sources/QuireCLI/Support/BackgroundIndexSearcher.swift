import Dispatch
import Foundation
import QuireCore
import QuireSearch
import QuireTUI

/// Searches the vault's FTS5 index once it is up to date, and the notes in memory until
/// then, so that the browser never waits for the index.
///
/// The refresh runs on a background queue; a search asked for meanwhile is answered from
/// titles, aliases and whatever text the loaded notes carry.
final class BackgroundIndexSearcher: NoteSearcher, Sendable {
  private enum State: Sendable {
    case indexing(DeferredSearcher)
    case ready(SearchIndex)
    case failed(DeferredSearcher)
  }

  private let state: Locked<State>

  /// Searches `vault` in memory until the index is ready. The in-memory table is made when
  /// first asked for, off the input thread (the first search answered in 0.4 s on an
  /// outline of 100,000 notes): most people never search before the index is ready, and
  /// made at once it stood beside the whole vault being parsed, at the browser's peak.
  init(vault: Vault) {
    state = Locked(.indexing(DeferredSearcher(vault: vault)))
  }

  /// Searches a filled index from the start: on a warm cache it answers as it stood
  /// after the last refresh while the vault loads and the next refresh runs.
  init(filled index: SearchIndex) {
    state = Locked(.ready(index))
  }

  /// Whether the full index answers searches yet.
  var isReady: Bool {
    state.withLock {
      if case .ready = $0 { return true }
      return false
    }
  }

  /// Brings the index up to date with `vault` in the background, then searches through it.
  /// `only` names what changed when the caller knows (`SearchIndex.refresh(only:)`);
  /// `source` reads back the notes of a lean load (`SearchIndex.refresh(source:)`).
  func refresh(
    _ index: SearchIndex?, with vault: Vault, cache: NoteCacheSnapshot?,
    only: (changed: Set<String>, removed: Set<String>)? = nil, source: (any NoteSource)? = nil
  ) {
    prepareRefresh(index, with: vault, cache: cache, only: only, source: source)()
  }

  /// The same in two steps: searches answer from `vault` at once, and the refresh starts
  /// when the closure returned is called, once.
  func prepareRefresh(
    _ index: SearchIndex?, with vault: Vault, cache: NoteCacheSnapshot?,
    only: (changed: Set<String>, removed: Set<String>)? = nil, source: (any NoteSource)? = nil
  ) -> @Sendable () -> Void {
    guard let index else {
      state.withLock { $0 = .failed(DeferredSearcher(vault: vault)) }
      return {}
    }
    searchInMemory(vault)
    // Held in a box the work empties, so that the vault (and the texts it may carry, the
    // only copy of them once the browser has let go of its own) goes as soon as the index
    // has them, not whenever the closure is released.
    let handed = Handoff(vault)
    return { [self] in refresh(index, handed: handed, cache: cache, only: only, source: source) }
  }

  private func refresh(
    _ index: SearchIndex, handed: Handoff<Vault>, cache: NoteCacheSnapshot?,
    only: (changed: Set<String>, removed: Set<String>)?, source: (any NoteSource)?
  ) {
    DispatchQueue.global(qos: .utility).async { [self] in
      handed.use { vault in
        do {
          // After an edit, FTS5's merging of segments waits until the note is searchable.
          try index.refresh(vault: vault, cache: cache, only: only, source: source, mergingLater: only != nil)
          state.withLock { $0 = .ready(index) }
          if only != nil { try? index.mergeSegments() }
        } catch {
          state.withLock { $0 = .failed(DeferredSearcher(vault: vault)) }
        }
      }
      if only == nil { FreedMemory.giveBack() }
    }
  }

  /// Until the index is ready, answers come from `vault` (its names, headings and whatever
  /// text it carries) rather than from the outline the browser opened on: the outline,
  /// which the browser lets go of once the whole vault has come (90 MB at 100,000 notes),
  /// goes from here too. When the outline was searched already, the table for `vault` is
  /// made in the background, so that the next search does not wait for it; else when
  /// first asked for (most people never search before the index is ready).
  func searchInMemory(_ vault: Vault) {
    let memory = DeferredSearcher(vault: vault)
    let replaced = state.withLock { state -> DeferredSearcher? in
      guard case .indexing(let outline) = state else { return nil }
      state = .indexing(memory)
      return outline
    }
    if replaced?.wasAsked == true { DispatchQueue.global(qos: .utility).async { memory.prepare() } }
  }

  /// Until the index is ready, answers come from titles, aliases and loaded text only.
  var notice: String? {
    switch state.withLock({ $0 }) {
    case .ready: nil
    case .indexing: "titles only: full index coming"
    case .failed: "titles only: no index"
    }
  }

  func search(_ query: String, limit: Int) throws -> [SearchHit] {
    let current = state.withLock { $0 }
    switch current {
    case .ready(let index): return try index.search(query, limit: limit)
    case .indexing(let memory), .failed(let memory): return try memory.search(query, limit: limit)
    }
  }
}

/// An in-memory searcher of a vault, made when first needed (or when `prepare` is called);
/// a search that comes while it is being made waits for it.
final class DeferredSearcher: NoteSearcher, Sendable {
  private let vault: Vault
  private let made = Locked<InMemorySearcher?>(nil)
  private let asked = Locked(false)

  init(vault: Vault) { self.vault = vault }

  /// Makes the searcher now, if it is not made yet.
  func prepare() { _ = searcher() }

  /// Whether a search was asked of it.
  var wasAsked: Bool { asked.withLock { $0 } }

  private func searcher() -> InMemorySearcher {
    made.withLock { made in
      if let made { return made }
      let searcher = InMemorySearcher(vault: vault)
      made = searcher
      return searcher
    }
  }

  func search(_ query: String, limit: Int) throws -> [SearchHit] {
    asked.withLock { $0 = true }
    return try searcher().search(query, limit: limit)
  }
}
