import Foundation
import QuireCore

/// Finds `[[wikilinks]]` in a run of text.
///
/// Handles `[[Target]]`, `[[Target|shown]]`, `[[Target#Heading]]`, `[[#Heading]]`,
/// embeds `![[file]]`, and `\|` for the pipe inside tables.
enum WikilinkScanner {
  struct Found: Equatable {
    /// Byte range of the whole link in the scanned bytes, `!` included for embeds.
    var range: Range<Int>
    /// The target as written before `|` (`Target#Heading`), with `\|` unescaped.
    var target: String
    /// The text after `|`, if any.
    var alias: String?
    var isEmbed: Bool

    /// What a reader sees: the alias, else the target without `#` marks.
    var label: String {
      if let alias, !alias.isEmpty { return alias }
      if target.hasPrefix("#") { return String(target.dropFirst()).replacingHashes() }
      return target.replacingHashes()
    }
  }

  static func scan<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> [Found]
  where Bytes.Element == UInt8, Bytes.Index == Int {
    var found: [Found] = []
    let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      guard bytes[index] == open, bytes[index + 1] == open else {
        index += 1
        continue
      }
      let contentStart = index + 2
      var cursor = contentStart
      var end: Int? = nil
      while cursor + 1 < bytes.endIndex {
        let byte = bytes[cursor]
        if byte == UInt8(ascii: "\n") || (byte == open && bytes[cursor + 1] == open) { break }
        if byte == close, bytes[cursor + 1] == close {
          end = cursor
          break
        }
        cursor += 1
      }
      guard let contentEnd = end, contentEnd > contentStart else {
        index += 2
        continue
      }
      let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
      let isEmbed = index > bytes.startIndex && bytes[index - 1] == UInt8(ascii: "!")
      let (target, alias) = split(content)
      if !target.trimmed.isEmpty || alias != nil {
        let start = isEmbed ? index - 1 : index
        found.append(
          Found(range: start..<(contentEnd + 2), target: target.trimmed, alias: alias, isEmbed: isEmbed))
      }
      index = contentEnd + 2
    }
    return found
  }

  /// Splits `target|alias` at the first unescaped pipe; `\|` is a pipe inside a table.
  private static func split(_ content: String) -> (String, String?) {
    let unescaped =
      content.utf8Contains(UInt8(ascii: "\\"))
      ? content.replacingOccurrences(of: "\\|", with: "|") : content
    guard let pipe = unescaped.utf8Offset(of: UInt8(ascii: "|")) else { return (unescaped, nil) }
    return (
      String(unescaped[..<unescaped.utf8Index(pipe)]),
      unescaped[unescaped.utf8Index(pipe + 1)...].trimmed
    )
  }
}

extension String {
  /// The `#`-separated parts, trimmed, joined by ` > ` (`A#B` reads `A > B`).
  fileprivate func replacingHashes() -> String {
    guard utf8Contains(UInt8(ascii: "#")) else { return trimmed }
    return splitting(atASCII: UInt8(ascii: "#")).map { $0.trimmed }.joined(separator: " > ")
  }

}
