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
  /// and aliases); then notes matched anywhere, ranked by BM25 over their best section
  /// with the weights title 10, aliases 8, heading 4, body 1. Each tier ranks a bounded
  /// number of matching rows (`candidateLimit` sections, twice as many titles), taken in
  /// index order, so a one-letter prefix that
  /// matches most of the vault costs no more than a rare word. Each hit points at its
  /// best section and carries a snippet with the matched words marked.
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
        for candidate in try sectionCandidates(
          db, pattern: sectionPattern, query: query, limit: limit)
        where seen.insert(candidate.note).inserted {
          found.append(candidate)
          if found.count == limit { break }
        }
      }
      let maker = SnippetMaker(query: query)
      return try found.prefix(limit).compactMap { try hit(db, for: $0, maker: maker) }
    }
  }

  /// A note that matched, and its best row of `fts` when known.
  struct Candidate {
    var note: Int64
    var row: Int64?
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
      Candidate(note: $0[0], row: nil, score: -($0[1] as Double))
    }
  }

  private func sectionCandidates(
    _ db: Database, pattern: String, query: SearchQuery, limit: Int
  ) throws -> [Candidate] {
    let (filter, filterArguments) = Self.filterSQL(query)
    // SQLite's MIN() makes the other columns come from the row holding the minimum.
    let sql = """
      SELECT note, row, MIN(score) AS best FROM (
        SELECT s.note AS note, fts.rowid AS row, bm25(fts, \(IndexSchema.sectionWeights)) AS score
        FROM fts JOIN section s ON s.id = fts.rowid\(filter.isEmpty ? "" : " JOIN note n ON n.id = s.note")
        WHERE fts MATCH ?\(filter)
        LIMIT ?)
      GROUP BY note ORDER BY best, note LIMIT ?
      """
    var arguments: StatementArguments = [pattern]
    arguments += filterArguments
    arguments += [candidateLimit, limit * 2]
    return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map {
      Candidate(note: $0[0], row: $0[1], score: -($0[2] as Double))
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
  /// The section is the candidate's row when the section tier found it; for a title hit,
  /// the row of the note whose heading and text hold most of the query's words (none:
  /// the hit is the note as a whole and the snippet is its title).
  private func hit(_ db: Database, for candidate: Candidate, maker: SnippetMaker) throws -> SearchHit? {
    // Cached statements: preparing (and GRDB authorizing) these twice per hit cost more
    // than running them.
    guard
      let note = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT path, title, type, firstRow, lastRow FROM note WHERE id = ?"),
        arguments: [candidate.note])
    else { return nil }
    let type = NoteType(rawValue: note[2]) ?? .page
    var hit = SearchHit(id: note[0], title: note[1], type: type, score: candidate.score)
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT s.sectionIndex, s.heading, fts.heading, fts.body FROM fts
          JOIN section s ON s.id = fts.rowid WHERE fts.rowid BETWEEN ? AND ?
          """),
      arguments: [candidate.row ?? note[3], candidate.row ?? note[4]])
    var best: (row: Row, count: Int)? = nil
    for row in rows {
      let count = maker.matchCount(in: row[2]) * 4 + maker.matchCount(in: row[3])
      if count > (best?.count ?? 0) { best = (row, count) }
    }
    if let best {
      hit.section = best.row[0]
      hit.sectionTitle = best.row[1]
      let body = maker.snippet(of: best.row[3])
      (hit.snippet, hit.highlights) = body.highlights.isEmpty ? maker.snippet(of: best.row[2]) : body
    } else {
      (hit.snippet, hit.highlights) = maker.snippet(of: hit.title)
    }
    return hit
  }
}
