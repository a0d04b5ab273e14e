import Dispatch
import QuireCore

/// What the browser derives from a vault once, when it opens or reloads, not per key.
///
/// A keystroke must redraw in a frame (16 ms) on a vault of 10,000 notes: sorting the
/// navigator, lower-casing titles for the Ctrl-P box or finding a note's row took tens of
/// milliseconds there. Everything here depends on the vault alone; it is immutable and
/// shared, so copying the app state on each update copies one reference.
public final class NoteCatalog: Sendable {
  /// Every note's index, by lower-cased title (ties by index).
  public let byTitle: [Int]
  /// Every note's index, newest first (undated last, ties by index).
  public let byDate: [Int]
  /// For each note, its position in `byTitle`: sorts by title with an integer comparison.
  let titleRank: [Int]
  /// The navigator's rows (notes grouped by type) for each sort, and each note's row in them.
  let rowsByTitle: [NavigatorRow]
  let rowOfNoteByTitle: [Int]
  let rowsByDate: [NavigatorRow]
  let rowOfNoteByDate: [Int]
  /// What Ctrl-P matches for each note: title, stem, then aliases.
  var fuzzyNames: FuzzyNames {
    names.withLock { state in
      switch state {
      case .made(let names):
        return names
      case .pending(let notes):
        let made = Self.fuzzyNames(of: notes)
        state = .made(made)
        return made
      }
    }
  }
  /// Made when Ctrl-P first asks for them, off the input thread (at 100,000 notes they take
  /// a tenth of a second and 18 MB): most sessions never press Ctrl-P, and made behind
  /// the first screen they stood beside the whole vault being read, at the browser's peak.
  /// The notes they are made from are kept until then (`notesForNames`).
  private let names: Locked<Names>

  private enum Names: Sendable {
    case pending([Note])
    case made(FuzzyNames)
  }

  public init(vault: Vault) {
    let notes = vault.notes
    // Two independent orders, built side by side: on 100,000 notes each takes a tenth of
    // a second or more, and the browser's first screen waits for them.
    let byTitleSlot = ResultSlots<(order: [Int], rank: [Int], rows: [NavigatorRow], rowOfNote: [Int])>(count: 1)
    let byDateSlot = ResultSlots<(order: [Int], rows: [NavigatorRow], rowOfNote: [Int])>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      switch part {
      case 0:
        let titles = notes.map { $0.title.lowercased() }
        let byTitle = notes.indices.sorted { titles[$0] != titles[$1] ? titles[$0] < titles[$1] : $0 < $1 }
        var rank = [Int](repeating: 0, count: notes.count)
        for (position, index) in byTitle.enumerated() { rank[index] = position }
        let rows = Self.rows(of: vault, in: byTitle)
        byTitleSlot.set(0, (byTitle, rank, rows.rows, rows.rowOfNote))
      default:
        let dates = notes.map { $0.date ?? "" }
        let byDate = notes.indices.sorted { dates[$0] != dates[$1] ? dates[$0] > dates[$1] : $0 < $1 }
        let rows = Self.rows(of: vault, in: byDate)
        byDateSlot.set(0, (byDate, rows.rows, rows.rowOfNote))
      }
    }
    let title = byTitleSlot.values[0] ?? ([], [], [], [])
    let date = byDateSlot.values[0] ?? ([], [], [])
    byTitle = title.order
    titleRank = title.rank
    rowsByTitle = title.rows
    rowOfNoteByTitle = title.rowOfNote
    byDate = date.order
    rowsByDate = date.rows
    rowOfNoteByDate = date.rowOfNote
    names = Locked(Names.pending(notes))
  }

  /// The notes Ctrl-P's names are still to be made from; nil once they are made.
  var notesForNames: [Note]? {
    names.withLock { state in
      if case .pending(let notes) = state { return notes }
      return nil
    }
  }

  /// Makes Ctrl-P's names, when they are still to be made, from the notes of `vault`, which
  /// this catalog serves as well (`serves(_:madeFor:)`): the notes it was made from can
  /// go. Else a catalog kept for the whole vault would keep the first screen's outline
  /// (100 MB at 100,000 notes) for as long as the browser runs.
  func makesNames(from vault: Vault) {
    names.withLock { state in
      if case .pending = state { state = .pending(vault.notes) }
    }
  }

  /// What Ctrl-P matches for each note: title, stem, then aliases.
  private static func fuzzyNames(of notes: [Note]) -> FuzzyNames {
    var names = FuzzyNames()
    var count = 0
    var bytes = 0
    for note in notes {
      count += 2 + note.aliases.count
      // The id's bytes bound the stem's, without making the stem.
      bytes += note.title.utf8.count + note.id.utf8.count + note.aliases.reduce(0) { $0 + $1.utf8.count }
    }
    names.reserve(notes: notes.count, names: count, bytes: bytes)
    for note in notes {
      names.add(note.title)
      names.add(note.stem)
      for alias in note.aliases { names.add(alias) }
      names.endNote()
    }
    return names
  }

  /// The note the navigator lists first (sorted by title): where the browser opens when
  /// the vault has no `index.md`.
  public var firstNote: Int? {
    rowsByTitle.lazy.compactMap { row -> Int? in
      if case .note(let index) = row { return index }
      return nil
    }.first
  }

  /// Notes grouped by type in an order, each group under its header, and each note's row.
  static func rows(of vault: Vault, in order: [Int]) -> (rows: [NavigatorRow], rowOfNote: [Int]) {
    var byType: [NoteType: [Int]] = [:]
    for index in order { byType[vault.notes[index].type, default: []].append(index) }
    var rows: [NavigatorRow] = []
    rows.reserveCapacity(vault.notes.count + byType.count)
    var rowOfNote = [Int](repeating: -1, count: vault.notes.count)
    for type in NoteType.allCases {
      guard let members = byType[type], !members.isEmpty else { continue }
      rows.append(.group(type, count: members.count))
      for index in members {
        rowOfNote[index] = rows.count
        rows.append(.note(index))
      }
    }
    return (rows, rowOfNote)
  }
}

/// Every note's names lower-cased and turned into one integer per character, in one array.
///
/// Scoring compares characters one by one; comparing `Character` values (graphemes) of
/// 30,000 names, or walking an array per name, on every typed letter was most of Ctrl-P's
/// time on 10,000 notes. ASCII characters are their own code; others get a number from a
/// table keyed by `Character`, so canonically equal characters still compare equal. The top
/// bit of a code marks a word start (after a character that is neither letter nor digit).
struct FuzzyNames: Sendable {
  /// Marks a character that starts a word; the other 15 bits are the character's code.
  static let wordStart: UInt16 = 1 << 15
  /// The code every character met after the first 32,640 beyond ASCII shares: their
  /// queries find their notes, and may find a few others.
  static let sharedCode: UInt16 = wordStart - 1

  /// The codes of all names, one after the other: 16 bits a character (at 100,000
  /// notes 20 MB; in 32 bits, with room grown by doubling, they took 48 MB).
  private(set) var codes: [UInt16] = []
  /// Where each name ends in `codes`.
  private(set) var nameEnds: [Int] = []
  /// Where each note's names end in `nameEnds`.
  private(set) var noteEnds: [Int] = []
  /// Codes for characters beyond ASCII, numbered from 128 as met.
  private var table: [Character: UInt16] = [:]

  /// Room for `names` names of `notes` notes, of `bytes` bytes at most: a name takes no
  /// more codes than it has bytes.
  mutating func reserve(notes: Int, names: Int, bytes: Int) {
    codes.reserveCapacity(bytes)
    nameEnds.reserveCapacity(names)
    noteEnds.reserveCapacity(notes)
  }

  /// Appends a name of the current note.
  mutating func add(_ name: String) {
    // Most names are ASCII: byte by byte, without Character's Unicode property lookups
    // (they were most of a 100,000-note catalog's time), to the same codes.
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
      var previousIsWord = false
      for byte in name.utf8 {
        let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        var code = UInt16(lower)
        if !previousIsWord { code |= Self.wordStart }
        codes.append(code)
        previousIsWord =
          (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
          || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9"))
      }
      nameEnds.append(codes.count)
      return
    }
    var previous: Character = " "
    for character in name.lowercased() {
      var code = code(of: character)
      if !previous.isLetter && !previous.isNumber { code |= Self.wordStart }
      codes.append(code)
      previous = character
    }
    nameEnds.append(codes.count)
  }

  /// Closes the current note's names.
  mutating func endNote() { noteEnds.append(nameEnds.count) }

  private mutating func code(of character: Character) -> UInt16 {
    if let ascii = character.asciiValue { return UInt16(ascii) }
    if let known = table[character] { return known }
    let next = Swift.min(UInt16(clamping: 128 + table.count), Self.sharedCode)
    table[character] = next
    return next
  }

  /// The query's codes; nil when a character is in no name, so that nothing can match.
  func query(_ characters: some Sequence<Character>) -> [UInt16]? {
    var query: [UInt16] = []
    for character in characters {
      if let ascii = character.asciiValue {
        query.append(UInt16(ascii))
      } else if let code = table[character] {
        query.append(code)
      } else {
        return nil
      }
    }
    return query
  }

  /// Each note's best score for the query (nil where no name matches), the same score as
  /// `FuzzyMatcher.score(_:in:)` gives.
  func scores(_ query: [UInt16], _ found: (_ note: Int, _ score: Int) -> Void) {
    codes.withUnsafeBufferPointer { codes in
      query.withUnsafeBufferPointer { query in
        var name = 0
        var start = 0
        for note in noteEnds.indices {
          var best: Int?
          while name < noteEnds[note] {
            let end = nameEnds[name]
            if let score = Self.score(query, in: codes, from: start, to: end), score > best ?? Int.min {
              best = score
            }
            start = end
            name += 1
          }
          if let best { found(note, best) }
        }
      }
    }
  }

  private static func score(
    _ query: UnsafeBufferPointer<UInt16>, in codes: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int
  ) -> Int? {
    guard !query.isEmpty else { return 0 }
    var score = 0
    var queryIndex = 0
    var previousMatched = false
    var position = start
    while position < end, queryIndex < query.count {
      let code = codes[position]
      if code & ~wordStart == query[queryIndex] {
        score += 1
        if previousMatched { score += 5 }
        if code & wordStart != 0 { score += 8 }
        if queryIndex == 0 { score -= min(position - start, 10) }
        queryIndex += 1
        previousMatched = true
      } else {
        previousMatched = false
      }
      position += 1
    }
    guard queryIndex == query.count else { return nil }
    return score
  }
}
