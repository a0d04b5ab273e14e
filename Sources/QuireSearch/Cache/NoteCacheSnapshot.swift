import Foundation
import QuireCore

/// The parsed notes of a cache, read once when it is opened: QuireCore's `ParsedNoteCache`.
///
/// A loader asks for each file by id, size and modification time; a note is given back
/// only when both agree with the file it was parsed from. Lookups are safe from any
/// thread (the loader parses on all cores). Each stored note is decoded on request and
/// its bytes are kept until then, so reopening an unchanged vault reads no note file.
public final class NoteCacheSnapshot: ParsedNoteCache, Sendable {
  struct Entry: Sendable {
    var size: Int
    var modified: Double
    var data: Data
  }

  private let entries: [String: Entry]
  private let counters = Locked(Counters())

  struct Counters {
    var hits = 0
    var misses = 0
    /// Notes whose stored form could not be read back: stored again on the next refresh.
    var unreadable: Set<String> = []
  }

  /// Whether the stored notes' links were resolved against the stored vault as a whole
  /// (`SearchIndex.storeResolvedLinks(of:)` keeps them so).
  public let linksAreCurrent: Bool

  init(entries: [String: Entry], linksAreCurrent: Bool = false) {
    self.entries = entries
    self.linksAreCurrent = linksAreCurrent
  }

  /// An empty cache: every lookup misses.
  public static let empty = NoteCacheSnapshot(entries: [:])

  public var storedIDs: [String] { Array(entries.keys) }

  public func storedNote(id: String) -> Note? {
    guard let entry = entries[id] else { return nil }
    return try? NoteCoding.decode(entry.data, modified: entry.modified)
  }

  /// How many notes the cache holds.
  public var count: Int { entries.count }

  /// How many lookups found their note, and how many did not, so far.
  public var hitCount: Int { counters.withLock { $0.hits } }
  public var missCount: Int { counters.withLock { $0.misses } }

  public func note(id: String, size: Int, modified: Double) -> Note? {
    guard let entry = entries[id], entry.size == size, entry.modified == modified else {
      counters.withLock { $0.misses += 1 }
      return nil
    }
    do {
      let note = try NoteCoding.decode(entry.data, modified: entry.modified)
      counters.withLock { $0.hits += 1 }
      return note
    } catch {
      counters.withLock {
        $0.misses += 1
        $0.unreadable.insert(id)
      }
      return nil
    }
  }

  /// What the cache held for a note when it was read, without decoding it.
  func entry(for id: String) -> Entry? { entries[id] }

  /// Whether a stored note failed to decode, so that the refresh stores it again.
  func wasUnreadable(_ id: String) -> Bool { counters.withLock { $0.unreadable.contains(id) } }
}
