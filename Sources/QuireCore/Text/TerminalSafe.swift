/// Makes text from notes safe to put on a terminal.
///
/// A note's bytes must never reach a terminal as control sequences: an escape could move
/// the cursor, retitle the window, write the clipboard (OSC 52) or forge a hyperlink
/// (OSC 8), and bidi overrides can make text read differently from its bytes. Such
/// characters are shown escaped instead, in a visible form such as `^[` or `<U+202E>`.
public enum TerminalSafe {
  /// The text with control characters and bidi controls made visible; tabs stay, and
  /// line feeds are kept when `keepNewlines` is set.
  public static func escape(_ text: String, keepNewlines: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if scalar == "\n", keepNewlines {
        result.unicodeScalars.append(scalar)
      } else if needsEscape(scalar) {
        result += visible(scalar)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether a scalar must not reach a terminal as it is.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 { return value != 0x0A && value != 0x09 }
    if value == 0x7F || (0x80...0x9F).contains(value) { return true }
    return isBidiControl(value)
  }

  static func isBidiControl(_ value: UInt32) -> Bool {
    (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
      || value == 0x200F || value == 0x061C
  }

  /// `^[` for ESC and the other C0 controls, `<U+XXXX>` for the rest.
  static func visible(_ scalar: Unicode.Scalar) -> String {
    let value = scalar.value
    if value < 0x20, let caret = Unicode.Scalar(value + 0x40) { return "^" + String(caret) }
    if value == 0x7F { return "^?" }
    let hex = String(value, radix: 16, uppercase: true)
    return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
  }
}
