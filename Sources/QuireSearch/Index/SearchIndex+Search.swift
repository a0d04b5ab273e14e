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
  /// with the weights title 10, aliases 8, heading 4, body 1. Each tier ranks at most
  /// `candidateLimit` matching rows, taken in index order, so a one-letter prefix that
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
      return try found.prefix(limit).compactMap { try hit(db, for: $0, pattern: sectionPattern) }
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
        SELECT n.id AS id, bm25(title_fts, \(IndexSchema.titleWeights)) AS score
        FROM title_fts JOIN note n ON n.id = title_fts.rowid
        WHERE title_fts MATCH ?\(filter)
        LIMIT ?)
      ORDER BY score, id LIMIT ?
      """
    var arguments: StatementArguments = [pattern]
    arguments += filterArguments
    arguments += [candidateLimit, limit]
    return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
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
        FROM fts JOIN section s ON s.id = fts.rowid JOIN note n ON n.id = s.note
        WHERE fts MATCH ?\(filter)
        LIMIT ?)
      GROUP BY note ORDER BY best, note LIMIT ?
      """
    var arguments: StatementArguments = [pattern]
    arguments += filterArguments
    arguments += [candidateLimit, limit * 2]
    return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
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
  private func hit(_ db: Database, for candidate: Candidate, pattern: String) throws -> SearchHit? {
    guard
      let note = try Row.fetchOne(
        db, sql: "SELECT path, title, type, firstRow, lastRow FROM note WHERE id = ?",
        arguments: [candidate.note])
    else { return nil }
    let firstRow: Int64 = note[3]
    let lastRow: Int64 = note[4]
    // The best section of the note, with a snippet of its body (or heading, or title).
    let best = try Row.fetchOne(
      db,
      sql: """
        SELECT fts.rowid, bm25(fts, \(IndexSchema.sectionWeights)) AS score,
          snippet(fts, 3, ?, ?, ?, 16), snippet(fts, 2, ?, ?, '', 16), snippet(fts, 0, ?, ?, ?, 16),
          s.sectionIndex, s.heading
        FROM fts JOIN section s ON s.id = fts.rowid
        WHERE fts MATCH ? AND fts.rowid BETWEEN ? AND ?
        ORDER BY score LIMIT 1
        """,
      arguments: [
        SnippetMarkup.openText, SnippetMarkup.closeText, SnippetMarkup.ellipsis,
        SnippetMarkup.openText, SnippetMarkup.closeText,
        SnippetMarkup.openText, SnippetMarkup.closeText, SnippetMarkup.ellipsis,
        pattern, candidate.row ?? firstRow, candidate.row ?? lastRow,
      ])
    let type = NoteType(rawValue: note[2]) ?? .page
    var hit = SearchHit(id: note[0], title: note[1], type: type, score: candidate.score)
    guard let best else { return hit }
    let body = SnippetMarkup.parse(best[2])
    let heading = SnippetMarkup.parse(best[3])
    if !body.highlights.isEmpty || !heading.highlights.isEmpty {
      hit.section = best[5]
      hit.sectionTitle = best[6]
      (hit.snippet, hit.highlights) = body.highlights.isEmpty ? heading : body
    } else {
      (hit.snippet, hit.highlights) = SnippetMarkup.parse(best[4])
    }
    if candidate.row == nil { hit.score = -(best[1] as Double) }
    return hit
  }
}
