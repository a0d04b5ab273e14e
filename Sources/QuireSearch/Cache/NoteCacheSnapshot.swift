import Dispatch
import Foundation
import QuireCore

/// The parsed notes of a cache, read once when it is opened: QuireCore's `ParsedNoteCache`.
///
/// A loader asks for each file by id, size and modification time; a note is given back
/// only when both agree with the file it was parsed from. Lookups are safe from any
/// thread (the loader parses on all cores). Reopening an unchanged vault reads no note file.
///
/// The stored notes are decoded as they are read (`Reader`), on the other cores while
/// SQLite reads on one: a large vault's stored bytes are never all held at once (they
/// were 400 MB at 100,000 notes, read whole before the first was decoded, and the peak
/// of a reopen was theirs on top of the graph's).
///
/// A note handed to the loader is handed out once (a load asks for each file once), so
/// that the snapshot and the vault do not each keep one. Asked again, it is a miss.
public final class NoteCacheSnapshot: ParsedNoteCache, Sendable {
  struct Entry: Sendable {
    var size: Int
    var modified: Double
    /// Where the decoded note is in `notes`.
    var slot: Int
  }

  private let entries: [String: Entry]
  /// The decoded notes by slot; nil once handed out, or when the stored form was unreadable.
  private let notes: Locked<[Note?]>
  private let counters: Locked<Counters>

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

  private init(
    entries: [String: Entry], notes: [Note?], unreadable: Set<String>, linksAreCurrent: Bool,
    annotations: (any AnnotationStore)?
  ) {
    self.entries = entries
    self.notes = Locked(notes)
    self.counters = Locked(Counters(unreadable: unreadable))
    self.linksAreCurrent = linksAreCurrent
    self.annotationStore = annotations
  }

  /// An empty cache: every lookup misses.
  public static let empty = NoteCacheSnapshot(
    entries: [:], notes: [], unreadable: [], linksAreCurrent: false, annotations: nil)

  /// The snapshot of what a `Reader` was given.
  convenience init(_ reader: consuming Reader, linksAreCurrent: Bool, annotations: (any AnnotationStore)?) {
    let (entries, notes, unreadable) = reader.finish()
    self.init(
      entries: entries, notes: notes, unreadable: unreadable, linksAreCurrent: linksAreCurrent,
      annotations: annotations)
  }

  /// Decodes stored notes handed to it one by one, in batches on the other cores, with
  /// at most a few batches' bytes waiting at any time.
  struct Reader: ~Copyable {
    /// Notes decoded together: about 1 MB of stored bytes at 4 KB a note.
    static let batchSize = 256

    private let names: InternedNames
    private let lean: Bool
    private var entries: [String: Entry] = [:]
    private var batch: [(slot: Int, id: String, modified: Double, data: Data)] = []
    private let decoded = Locked<[Int: Note]>([:])
    /// The strings of the links and headings of a lean load, for those written alike to share.
    private let linkStrings: Locked<LinkStringPool>
    private let unreadable = Locked<Set<String>>([])
    private let group = DispatchGroup()
    /// Batches handed out and not yet decoded, at most two.
    private let inFlight = DispatchSemaphore(value: 2)

    /// - Parameters:
    ///   - ids: every stored note's id, which decoded ids and link targets share.
    ///   - lean: notes are decoded lean (`NoteCoding.decode(lean:)`).
    init(ids: some Sequence<String>, lean: Bool) {
      let ids = Array(ids)
      names = InternedNames(ids)
      self.lean = lean
      // Room for the distinct link strings of a lean load without growing: about 8 a note.
      linkStrings = Locked(LinkStringPool(capacity: lean ? ids.count * 8 : 0))
    }

    mutating func add(id: String, size: Int, modified: Double, data: Data) {
      let slot = entries.count
      entries[id] = Entry(size: size, modified: modified, slot: slot)
      batch.append((slot, id, modified, data))
      if batch.count == Self.batchSize { send() }
    }

    private mutating func send() {
      guard !batch.isEmpty else { return }
      let work = batch
      batch = []
      inFlight.wait()
      let (names, lean, decoded, unreadable, inFlight) = (names, lean, decoded, unreadable, inFlight)
      let linkStrings = linkStrings
      DispatchQueue.global(qos: .userInitiated).async(group: group) {
        var notes: [(Int, Note)] = []
        var failed: [String] = []
        for row in work {
          if let note = try? NoteCoding.decode(row.data, modified: row.modified, names: names, lean: lean) {
            notes.append((row.slot, note))
          } else {
            failed.append(row.id)
          }
        }
        if lean {
          linkStrings.withLock { pool in
            for index in notes.indices {
              for link in notes[index].1.links.indices { pool.share(&notes[index].1.links[link]) }
              for section in notes[index].1.sections.indices { pool.share(&notes[index].1.sections[section]) }
            }
          }
        }
        decoded.withLock { table in for (slot, note) in notes { table[slot] = note } }
        if !failed.isEmpty { unreadable.withLock { $0.formUnion(failed) } }
        inFlight.signal()
      }
    }

    /// Every note handed in, decoded (nil where its stored form was unreadable).
    consuming func finish() -> (entries: [String: Entry], notes: [Note?], unreadable: Set<String>) {
      send()
      group.wait()
      var notes = [Note?](repeating: nil, count: entries.count)
      decoded.withLock { table in
        for (slot, note) in table { notes[slot] = note }
        table = [:]
      }
      return (entries, notes, unreadable.withLock { $0 })
    }
  }

  public var storedIDs: [String] { Array(entries.keys) }

  /// A stored note, decoded; nil when there is none or it was handed to the loader.
  public func storedNote(id: String) -> Note? {
    guard let entry = entries[id] else { return nil }
    return notes.withLock { $0[entry.slot] }
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
    let taken = notes.withLock { slots in
      defer { slots[entry.slot] = nil }
      return slots[entry.slot]
    }
    counters.withLock { taken == nil ? ($0.misses += 1) : ($0.hits += 1) }
    return taken
  }

  /// What the cache held for a note when it was read (size and time), without decoding it.
  func entry(for id: String) -> Entry? { entries[id] }

  /// Whether a stored note failed to decode, so that the refresh stores it again.
  func wasUnreadable(_ id: String) -> Bool { counters.withLock { $0.unreadable.contains(id) } }
}
