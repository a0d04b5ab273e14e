import Foundation
import GRDB
import QuireCore

extension SearchIndex {
  /// Ranked hits for what a user typed; see `SearchQuery` for the grammar.
  ///
  /// - Throws: `SearchQueryError` when the text cannot be understood (its message is for
  ///   the user); database errors only when the cache file itself fails.
  public func search(_ text: String, limit: Int) throws -> [SearchHit] {
    try search(SearchQuery(parsing: text), limit: limit)
  }

  /// Ranked hits for a parsed query, best first, one per note.
  ///
  /// Notes whose title or aliases hold every word come first (ranked by BM25 over title
  /// and aliases); then notes holding every word anywhere, ranked by BM25 over the note with
  /// the weights title 10, aliases 8, headings 4, body 1. Each hit points at its best
  /// section (the one whose heading and text hold the query's words most often) and carries
  /// a snippet with the matched words marked.
  ///
  /// The approximation: each tier ranks a bounded set of matching rows, the first
  /// `candidateLimit` notes in index order (twice as many titles), not every match. A query
  /// matching fewer notes (any query of two or more uncommon words) is ranked exactly; a
  /// one-letter prefix that matches most of the vault is ranked within its first notes,
  /// so it costs no more than a rare word. Every hit holds every word: the bound chooses
  /// which matches are ranked, never lets a non-match in. BM25's IDF (read by `bm25()` from
  /// each word's whole list of notes) is exact; its cost grows with the vault, which one row
  /// per note keeps seven times smaller than one row per section did.
  public func search(_ query: SearchQuery, limit: Int) throws -> [SearchHit] {
    guard limit > 0, let sectionPattern = query.sectionPattern else { return [] }
    return try writer.read { db in
      var found: [Candidate] = []
      var seen = Set<Int64>()
      if let titlePattern = query.titlePattern {
        for candidate in try titleCandidates(db, pattern: titlePattern, query: query, limit: limit)
        where seen.insert(candidate.note).inserted {
          found.append(candidate)
        }
      }
      if found.count < limit, query.fields != [.title] {
        for candidate in try noteCandidates(db, pattern: sectionPattern, query: query, limit: limit)
        where seen.insert(candidate.note).inserted {
          found.append(candidate)
          if found.count == limit { break }
        }
      }
      let maker = SnippetMaker(query: query)
      return try found.prefix(limit).compactMap { try hit(db, for: $0, maker: maker) }
    }
  }

  /// A note that matched, and its score.
  struct Candidate {
    var note: Int64
    var score: Double
  }

  private func titleCandidates(
    _ db: Database, pattern: String, query: SearchQuery, limit: Int
  ) throws -> [Candidate] {
    let (filter, filterArguments) = Self.filterSQL(query)
    let sql = """
      SELECT id, score FROM (
        SELECT title_fts.rowid AS id, bm25(title_fts, \(IndexSchema.titleWeights)) AS score
        FROM title_fts\(filter.isEmpty ? "" : " JOIN note n ON n.id = title_fts.rowid")
        WHERE title_fts MATCH ?\(filter)
        LIMIT ?)
      ORDER BY score, id LIMIT ?
      """
    var arguments: StatementArguments = [pattern]
    arguments += filterArguments
    arguments += [candidateLimit * 2, limit]
    return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map {
      Candidate(note: $0[0], score: -($0[1] as Double))
    }
  }

  private func noteCandidates(
    _ db: Database, pattern: String, query: SearchQuery, limit: Int
  ) throws -> [Candidate] {
    let (filter, filterArguments) = Self.filterSQL(query)
    let sql = """
      SELECT id, score FROM (
        SELECT fts.rowid AS id, bm25(fts, \(IndexSchema.sectionWeights)) AS score
        FROM fts\(filter.isEmpty ? "" : " JOIN note n ON n.id = fts.rowid")
        WHERE fts MATCH ?\(filter)
        LIMIT ?)
      ORDER BY score, id LIMIT ?
      """
    var arguments: StatementArguments = [pattern]
    arguments += filterArguments
    // At least twice the limit, so that the title tier's notes found again here still
    // leave `limit` others.
    arguments += [max(candidateLimit, limit * 2), limit * 2]
    return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map {
      Candidate(note: $0[0], score: -($0[1] as Double))
    }
  }

  /// SQL conditions on `n` (the note table) for the query's filters, with their arguments.
  static func filterSQL(_ query: SearchQuery) -> (String, StatementArguments) {
    var sql = ""
    var arguments = StatementArguments()
    if !query.types.isEmpty {
      sql += " AND n.type IN (" + query.types.map { _ in "?" }.joined(separator: ", ") + ")"
      arguments += StatementArguments(query.types.map(\.rawValue))
    }
    if !query.statuses.isEmpty {
      sql += " AND n.status IN (" + query.statuses.map { _ in "?" }.joined(separator: ", ") + ")"
      arguments += StatementArguments(query.statuses)
    }
    if !query.lenses.isEmpty {
      sql += " AND (" + query.lenses.map { _ in "instr(n.lenses, ?) > 0" }.joined(separator: " OR ") + ")"
      arguments += StatementArguments(query.lenses.map { "|" + $0 + "|" })
    }
    return (sql, arguments)
  }

  /// The hit for a candidate: its note, best section and a snippet.
  ///
  /// The best section is the one whose heading and text hold most of the query's words
  /// (a heading's count four times); when none holds any (the words are in the title), the
  /// hit is the note as a whole and the snippet is its title.
  private func hit(_ db: Database, for candidate: Candidate, maker: SnippetMaker) throws -> SearchHit? {
    // Cached statements: preparing (and GRDB authorizing) these twice per hit cost more
    // than running them.
    guard
      let note = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT path, title, type FROM note WHERE id = ?"),
        arguments: [candidate.note])
    else { return nil }
    let type = NoteType(rawValue: note[2]) ?? .page
    var hit = SearchHit(id: note[0], title: note[1], type: type, score: candidate.score)
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: "SELECT sectionIndex, heading, headingText, body FROM section WHERE note = ? ORDER BY id"),
      arguments: [candidate.note])
    var best: (row: Row, count: Int)? = nil
    for row in rows {
      let count = maker.matchCount(in: row[2] ?? "") * 4 + maker.matchCount(in: row[3])
      if count > (best?.count ?? 0) { best = (row, count) }
    }
    if let best {
      hit.section = best.row[0]
      hit.sectionTitle = best.row[1]
      let body = maker.snippet(of: best.row[3])
      (hit.snippet, hit.highlights) = body.highlights.isEmpty ? maker.snippet(of: best.row[2] ?? "") : body
    } else {
      (hit.snippet, hit.highlights) = maker.snippet(of: hit.title)
    }
    return hit
  }
}
