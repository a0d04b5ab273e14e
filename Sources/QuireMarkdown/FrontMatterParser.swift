import QuireCore
import Yams

/// Splits a note into front matter and body, and reads the front matter with Yams.
///
/// Front matter is a YAML block between a first line `---` and the next line `---` (or
/// `...`). Broken YAML is a warning on the note, never a failed load: the fields are
/// then empty and the body is read as usual.
enum FrontMatterParser {
  /// The largest front matter read, and the most YAML nodes kept (an alias bomb stops here).
  static let maxBytes = 256 * 1024
  static let maxNodes = 20_000

  struct Split {
    /// The YAML text, without the `---` lines; nil when the note has none.
    var yaml: Substring.UTF8View?
    /// Byte offset where the body starts, and its 1-based line.
    var bodyOffset: Int
    var bodyLine: Int
    var unclosed: Bool
  }

  /// Finds the front matter block at the start of `text` (a BOM already removed).
  static func split(_ text: Substring.UTF8View) -> Split {
    var none = Split(yaml: nil, bodyOffset: 0, bodyLine: 1, unclosed: false)
    guard let firstLineEnd = text.firstIndex(of: UInt8(ascii: "\n")),
      isFence(text[text.startIndex..<firstLineEnd], closing: false)
    else { return none }
    var lineStart = text.index(after: firstLineEnd)
    var line = 2
    while lineStart < text.endIndex {
      let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
      if isFence(text[lineStart..<lineEnd], closing: true) {
        let yaml = text[text.index(after: firstLineEnd)..<lineStart]
        let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        return Split(
          yaml: yaml, bodyOffset: text.distance(from: text.startIndex, to: bodyStart),
          bodyLine: line + 1, unclosed: false)
      }
      lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
      line += 1
    }
    none.unclosed = true
    return none
  }

  private static func isFence(_ line: Substring.UTF8View.SubSequence, closing: Bool) -> Bool {
    // Compared in place: every line of every front matter is asked.
    var bytes = line
    while let last = bytes.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ")
      || last == UInt8(ascii: "\t")
    {
      bytes.removeLast()
    }
    if bytes.elementsEqual("---".utf8) { return true }
    return closing && bytes.elementsEqual("...".utf8)
  }

  /// Parses the YAML of a front matter block into ordered fields.
  ///
  /// - Returns: the fields, and a problem to report (with its 1-based line within the YAML).
  static func parse(_ yaml: String) -> (FrontMatter, problem: (line: Int, message: String)?) {
    if yaml.utf8.count > maxBytes {
      return (FrontMatter(), (1, "front matter larger than \(maxBytes / 1024) KB; not read"))
    }
    if yaml.trimmed.isEmpty { return (FrontMatter(), nil) }
    let node: Node?
    do {
      node = try compose(yaml)
    } catch let error as YamlError {
      return (FrontMatter(), describe(error))
    } catch {
      return (FrontMatter(), (1, "front matter is not valid YAML: \(error)"))
    }
    guard let node else { return (FrontMatter(), nil) }
    guard case .mapping(let mapping) = node else {
      return (FrontMatter(), (1, "front matter is not a set of fields (key: value); ignored"))
    }
    var budget = maxNodes
    var entries: [FrontMatter.Entry] = []
    // Keys are read as written: asking Yams for `key.string` resolves tags by regex.
    for (key, value) in mapping {
      guard let name = key.scalar?.string else { continue }
      entries.append(.init(key: name, value: convert(value, budget: &budget)))
    }
    if budget <= 0 {
      return (FrontMatter(entries), (1, "front matter has more than \(maxNodes) values; cut short"))
    }
    return (FrontMatter(entries), nil)
  }

  /// Reads YAML into nodes, with the verdict on duplicate keys Yams' default resolver gives.
  ///
  /// Yams checks every mapping for duplicate keys by hashing the keys with their resolved
  /// tags, and the default resolver finds a plain scalar's tag with up to seven regular
  /// expressions: most of the cost of a small front matter. The fields ignore tags (plain
  /// scalars are resolved in `plainScalar`), so only that check needs them. It is first run
  /// with the rule-less resolver, under which every untagged key is a string. Without a `!`
  /// in the text no key carries an explicit tag, so keys that are equal under the default
  /// resolver (same text, same tag) are equal here too: no duplicate found means none. When
  /// one is found (`1` and `"1"` are equal here but not there), or a tag may be present, the
  /// text is read again the usual way for the exact verdict and message.
  static func compose(_ yaml: String) throws -> Node? {
    if !yaml.utf8Contains(UInt8(ascii: "!")) {
      do {
        // Naming the encoding spares Yams a look at the environment for every note.
        return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
      } catch YamlError.duplicatedKeysInMapping {}
    }
    return try Yams.compose(yaml: yaml, .default, .default, .utf8)
  }

  /// Converts a YAML node, resolving plain scalars the YAML 1.2 way (`no` stays a string).
  private static func convert(_ node: Node, budget: inout Int) -> FrontMatterValue {
    budget -= 1
    guard budget > 0 else { return .null }
    switch node {
    case .scalar(let scalar):
      return scalar.style == .plain ? plainScalar(scalar.string) : .string(scalar.string)
    case .sequence(let sequence):
      var items: [FrontMatterValue] = []
      for item in sequence {
        guard budget > 0 else { break }
        items.append(convert(item, budget: &budget))
      }
      return .list(items)
    case .mapping(let mapping):
      var entries: [FrontMatter.Entry] = []
      for (key, value) in mapping {
        guard budget > 0 else { break }
        entries.append(.init(key: key.scalar?.string ?? "", value: convert(value, budget: &budget)))
      }
      return .map(FrontMatter(entries))
    case .alias:
      return .null
    }
  }

  static func plainScalar(_ text: String) -> FrontMatterValue {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    default: break
    }
    if let int = Int(text) { return .int(int) }
    // A byte search: `contains(_:)` with a string goes through Foundation's `NSString`.
    if text.utf8Contains(UInt8(ascii: ".")), text.first != ".", let double = Double(text), double.isFinite {
      return .double(double)
    }
    return .string(text)
  }

  private static func describe(_ error: YamlError) -> (line: Int, message: String) {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return (mark.line, "front matter is not valid YAML: \(problem)")
    default:
      let text = "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid"
      return (1, "front matter is not valid YAML: \(text)")
    }
  }
}
