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
    case indexing(InMemorySearcher)
    case ready(SearchIndex)
    case failed(InMemorySearcher)
  }

  private let state: Locked<State>

  init(vault: Vault) {
    state = Locked(.indexing(InMemorySearcher(vault: vault)))
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
  /// `only` names what changed when the caller knows (`SearchIndex.refresh(only:)`).
  func refresh(
    _ index: SearchIndex?, with vault: Vault, cache: NoteCacheSnapshot?,
    only: (changed: Set<String>, removed: Set<String>)? = nil
  ) {
    guard let index else {
      state.withLock { $0 = .failed(InMemorySearcher(vault: vault)) }
      return
    }
    DispatchQueue.global(qos: .utility).async { [self] in
      do {
        try index.refresh(vault: vault, cache: cache, only: only)
        state.withLock { $0 = .ready(index) }
      } catch {
        state.withLock { $0 = .failed(InMemorySearcher(vault: vault)) }
      }
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
