import Foundation
import QuireCore

/// The parsed notes of a cache, read once when it is opened: QuireCore's `ParsedNoteCache`.
///
/// A loader asks for each file by id, size and modification time; a note is given back
/// only when both agree with the file it was parsed from. Lookups are safe from any
/// thread (the loader parses on all cores). Each stored note is decoded on request and
/// its bytes are kept until then, so reopening an unchanged vault reads no note file.
///
/// A note handed to the loader is handed out once: its bytes are let go as it is decoded
/// (a load asks for each file once), so that a large vault's cache is not held twice
/// over, encoded and decoded, while its graph is built. Asked again, it is a miss.
public final class NoteCacheSnapshot: ParsedNoteCache, Sendable {
  struct Entry: Sendable {
    var size: Int
    var modified: Double
    /// Where the stored bytes are in `blobs`.
    var slot: Int
  }

  private let entries: [String: Entry]
  /// The stored bytes by slot; nil once handed out.
  private let blobs: Locked<[Data?]>
  private let counters = Locked(Counters())
  /// The stored notes' ids, which decoded ids and link targets share.
  private let names: InternedNames

  struct Counters {
    var hits = 0
    var misses = 0
    /// Notes whose stored form could not be read back: stored again on the next refresh.
    var unreadable: Set<String> = []
  }

  /// Whether the stored notes' links were resolved against the stored vault as a whole
  /// (`SearchIndex.storeResolvedLinks(of:)` keeps them so).
  public let linksAreCurrent: Bool

  /// Where the annotations the notes come without are read back; nil when they keep them.
  public let annotationStore: (any AnnotationStore)?

  /// - Parameters:
  ///   - rows: each stored note's id, size, modification time and bytes.
  ///   - annotations: when given, notes are decoded lean (`NoteCoding.decode(lean:)`),
  ///     and the vault reads the annotations back from it.
  init(
    rows: [(id: String, size: Int, modified: Double, data: Data)], linksAreCurrent: Bool = false,
    annotations: (any AnnotationStore)? = nil
  ) {
    var entries: [String: Entry] = [:]
    entries.reserveCapacity(rows.count)
    var blobs: [Data?] = []
    blobs.reserveCapacity(rows.count)
    for row in rows {
      entries[row.id] = Entry(size: row.size, modified: row.modified, slot: blobs.count)
      blobs.append(row.data)
    }
    self.entries = entries
    self.blobs = Locked(blobs)
    self.names = InternedNames(rows.lazy.map(\.id))
    self.linksAreCurrent = linksAreCurrent
    self.annotationStore = annotations
  }

  /// An empty cache: every lookup misses.
  public static let empty = NoteCacheSnapshot(rows: [])

  public var storedIDs: [String] { Array(entries.keys) }

  /// A stored note, decoded; nil when there is none or it was handed to the loader.
  public func storedNote(id: String) -> Note? {
    guard let entry = entries[id], let data = blobs.withLock({ $0[entry.slot] }) else { return nil }
    return try? NoteCoding.decode(data, modified: entry.modified, names: names)
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
    let taken = blobs.withLock { slots in
      defer { slots[entry.slot] = nil }
      return slots[entry.slot]
    }
    guard let data = taken else {
      counters.withLock { $0.misses += 1 }
      return nil
    }
    do {
      let note = try NoteCoding.decode(
        data, modified: entry.modified, names: names, lean: annotationStore != nil)
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

  /// What the cache held for a note when it was read (size and time), without decoding it.
  func entry(for id: String) -> Entry? { entries[id] }

  /// Whether a stored note failed to decode, so that the refresh stores it again.
  func wasUnreadable(_ id: String) -> Bool { counters.withLock { $0.unreadable.contains(id) } }
}
