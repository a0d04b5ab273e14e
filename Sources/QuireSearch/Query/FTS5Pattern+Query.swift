/// Renders a parsed search as an FTS5 match expression.
///
/// Every term becomes an FTS5 string (`"..."`, inner quotes doubled), so `NEAR`, `AND`,
/// `*`, `:`, `^` and parentheses typed by a user are text, never syntax. The expression
/// is bound as a parameter, never spliced into SQL.
extension SearchQuery {
  /// The columns of the full-text table, in order.
  static let indexColumns = ["title", "aliases", "heading", "body"]

  /// The expression for the full-text table of sections, or nil when there is nothing to match.
  var sectionPattern: String? {
    guard let positive = positiveExpression else { return nil }
    var pattern = positive
    if !fields.isEmpty {
      var columns: [String] = []
      for field in SearchQuery.Field.allCases where fields.contains(field) {
        switch field {
        case .title: columns += ["title", "aliases"]
        case .heading: columns.append("heading")
        case .body: columns.append("body")
        }
      }
      pattern = "{" + columns.joined(separator: " ") + "} : (" + positive + ")"
    }
    if !excluded.isEmpty {
      pattern =
        "(" + pattern + ") NOT (" + excluded.map(Self.render).joined(separator: " OR ") + ")"
    }
    return pattern
  }

  /// The expression for the table of titles and aliases, when the query can be answered
  /// there (no exclusions, no `in:` other than title).
  var titlePattern: String? {
    guard excluded.isEmpty, fields.isEmpty || fields == [.title] else { return nil }
    return positiveExpression
  }

  /// The clauses joined with AND, each clause's alternatives with OR.
  private var positiveExpression: String? {
    guard !clauses.isEmpty else { return nil }
    return clauses.map { clause in
      clause.count == 1
        ? Self.render(clause[0]) : "(" + clause.map(Self.render).joined(separator: " OR ") + ")"
    }.joined(separator: " AND ")
  }

  /// One term as an FTS5 string, with `*` when it is a prefix.
  ///
  /// Quotes are doubled scalar by scalar: a `"` followed by a combining mark is one
  /// Character, which a Character-wise replacement would miss and leave the FTS5 string
  /// unterminated. NUL ends a string for SQLite's FTS5 parser, so it is dropped.
  static func render(_ term: Term) -> String {
    var quoted = "\""
    for scalar in term.text.unicodeScalars where scalar != "\u{0}" {
      if scalar == "\"" { quoted.unicodeScalars.append("\"") }
      quoted.unicodeScalars.append(scalar)
    }
    quoted += "\""
    return term.isPrefix ? quoted + " *" : quoted
  }
}
