/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
  case error, warning, info

  private var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .info: 2
    }
  }
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in a note, located at `path:line:col`.
///
/// Columns count UTF-8 bytes from 1, as compilers and cmark do.
public struct Diagnostic: Sendable, Hashable, Codable {
  public var path: String
  public var line: Int
  public var column: Int
  public var severity: Severity
  public var message: String
  /// A stable rule id (`broken-link`, `yaml`, ...), for filtering and for scripts.
  public var rule: String

  public init(
    path: String, line: Int = 1, column: Int = 1, severity: Severity, message: String,
    rule: String
  ) {
    self.path = path
    self.line = line
    self.column = column
    self.severity = severity
    self.message = message
    self.rule = rule
  }

  /// The one-line form: `path:line:col: severity: message [rule]`.
  public var formatted: String {
    "\(path):\(line):\(column): \(severity.rawValue): \(message) [\(rule)]"
  }
}
