/// Vault-relative paths: forward slashes, no leading `/`, no `.` or `..` components.
public enum NotePath {
  /// The file name without folder and without a `.md` extension.
  public static func stem(of path: String) -> String {
    let name = path.utf8LastOffset(of: UInt8(ascii: "/")).map { String(path[path.utf8Index($0 + 1)...]) } ?? path
    return hasMarkdownExtension(name) ? String(name.utf8.dropLast(3)) ?? name : name
  }

  /// Whether a file name ends in `.md`, in any case.
  public static func hasMarkdownExtension(_ name: String) -> Bool {
    let tail = name.utf8.suffix(3)
    guard tail.count == 3 else { return false }
    var bytes = tail.makeIterator()
    return bytes.next() == UInt8(ascii: ".") && (bytes.next() ?? 0) | 0x20 == UInt8(ascii: "m")
      && (bytes.next() ?? 0) | 0x20 == UInt8(ascii: "d")
  }

  /// The folder part, without a trailing slash ("" at the root).
  public static func folder(of path: String) -> String {
    guard let slash = path.utf8LastOffset(of: UInt8(ascii: "/")) else { return "" }
    return String(path[..<path.utf8Index(slash)])
  }

  /// Joins a folder and a relative path and folds `.` and `..`.
  ///
  /// Returns nil when the result would climb above the vault root.
  public static func join(_ folder: String, _ relative: String) -> String? {
    // Works on the strings' UTF-8 buffers: every Markdown link of a vault is joined once
    // per load, and going through `String.UTF8View` costs several times as much.
    let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
    var folder = folder, relative = relative
    var result: [UInt8] = []
    result.reserveCapacity(folder.utf8.count + relative.utf8.count + 1)
    let inside = relative.withUTF8 { path -> Bool in
      if path.first != slash { folder.withUTF8 { result.append(contentsOf: $0) } }
      var start = 0
      while start < path.count {
        let end = path[start...].firstIndex(of: slash) ?? path.count
        defer { start = end + 1 }
        switch end - start {
        case 0: continue
        case 1 where path[start] == dot: continue
        case 2 where path[start] == dot && path[start + 1] == dot:
          guard !result.isEmpty else { return false }
          result.removeSubrange((result.lastIndex(of: slash) ?? 0)...)
        default:
          if !result.isEmpty { result.append(slash) }
          result.append(contentsOf: path[start..<end])
        }
      }
      return true
    }
    return inside ? String(decoding: result, as: UTF8.self) : nil
  }

  /// The path from one folder to a file, with `..` as needed (`findings` to
  /// `threads/witness-ai.md` is `../threads/witness-ai.md`).
  public static func relative(from folder: String, to path: String) -> String {
    let from = folder.split(separator: "/").map(String.init)
    let to = path.split(separator: "/").map(String.init)
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...]).joined(separator: "/")
  }

  /// How many folders apart two paths are: used to pick the nearest of several candidates.
  public static func distance(fromFolder folder: String, to path: String) -> Int {
    let from = folder.split(separator: "/")
    let to = NotePath.folder(of: path).split(separator: "/")
    var common = 0
    while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
    return (from.count - common) + (to.count - common)
  }

  /// Decodes `%20` and the like in a Markdown link target; leaves malformed escapes as written.
  public static func percentDecoded(_ text: String) -> String {
    // Bytes, not Characters: every Markdown link target of a vault comes through here.
    guard text.utf8Contains(UInt8(ascii: "%")) else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether a link target starts with a URL scheme (`https:`, `mailto:`, `obsidian:`).
  ///
  /// A scheme is a letter, then letters, digits, `+`, `-` or `.`, at least two in all (so
  /// `C:` is a drive), then `:` not followed by a space ("Note: a subtitle" is prose).
  public static func hasScheme(_ target: String) -> Bool {
    var length = 0
    for byte in target.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        length += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
        UInt8(ascii: "."):
        guard length > 0 else { return false }
        length += 1
      case UInt8(ascii: ":"):
        guard length > 1 else { return false }
        let after = target.utf8.dropFirst(length + 1).first
        return after != UInt8(ascii: " ")
      default:
        return false
      }
    }
    return false
  }
}
