/// A YAML value from a note's front matter, kept as written so that no field is lost.
public enum FrontMatterValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  /// A string, also every scalar that YAML would read as a date or timestamp.
  case string(String)
  case list([FrontMatterValue])
  case map(FrontMatter)

  /// The value as one string when it is a scalar.
  public var scalarText: String? {
    switch self {
    case .null: nil
    case .bool(let value): String(value)
    case .int(let value): String(value)
    case .double(let value): String(value)
    case .string(let value): value
    case .list, .map: nil
    }
  }

  /// The value as a list of strings: a scalar is a list of one, a list keeps its scalars.
  public var stringList: [String] {
    switch self {
    case .list(let items): items.compactMap(\.scalarText)
    case .null, .map: []
    default: scalarText.map { [$0] } ?? []
    }
  }

  /// Whether the value carries anything (not null, not an empty string or list).
  public var isPresent: Bool {
    switch self {
    case .null: false
    case .string(let text): !text.trimmed.isEmpty
    case .list(let items): !items.isEmpty
    case .map(let map): !map.entries.isEmpty
    default: true
    }
  }
}

/// The ordered fields of a note's front matter.
public struct FrontMatter: Sendable, Hashable {
  /// One `key: value` pair, in file order.
  public struct Entry: Sendable, Hashable {
    public var key: String
    public var value: FrontMatterValue
    public init(key: String, value: FrontMatterValue) {
      self.key = key
      self.value = value
    }
  }

  public var entries: [Entry]

  public init(_ entries: [Entry] = []) { self.entries = entries }

  /// The value of a field; keys match case-insensitively.
  public subscript(key: String) -> FrontMatterValue? {
    let wanted = key.lowercased()
    return entries.first { $0.key.lowercased() == wanted }?.value
  }

  /// A scalar field as text, trimmed; nil when missing or not a scalar.
  public func string(_ key: String) -> String? {
    guard let text = self[key]?.scalarText?.trimmed, !text.isEmpty
    else { return nil }
    return text
  }

  /// A field as a list of strings (a lone scalar is a list of one).
  public func strings(_ key: String) -> [String] {
    self[key]?.stringList.map { $0.trimmed }.filter { !$0.isEmpty }
      ?? []
  }

  /// Whether a field is there and holds something.
  public func has(_ key: String) -> Bool { self[key]?.isPresent ?? false }
}
