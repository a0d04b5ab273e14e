import Foundation
import QuireTUI

/// Compares screens with saved text files; re-records them when `QUIRE_RECORD_SCREENS=1`.
///
/// A saved screen is the buffer's text, one row per line, wide characters once, so that a
/// diff of two screens reads like the terminal did. Returns failure messages rather than
/// failing a test itself, so that this target never links XCTest (the benchmark uses it).
public enum ScreenAssertions {
  /// Whether saved screens are being re-recorded rather than checked.
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment["QUIRE_RECORD_SCREENS"] == "1"
  }

  /// Why the buffer's text differs from the saved screen `name` in `directory`; nil when equal.
  public static func mismatch(_ buffer: ScreenBuffer, savedAs name: String, in directory: URL)
    -> String?
  {
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = buffer.text + "\n"
    if isRecording {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        return "cannot record \(url.path): \(error)"
      }
      return nil
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      return "no saved screen \(url.lastPathComponent); run with QUIRE_RECORD_SCREENS=1 to record it."
        + "\nActual:\n\(actual)"
    }
    if expected != actual {
      return "screen \(name) differs (re-record with QUIRE_RECORD_SCREENS=1)\n"
        + difference(expected: expected, actual: actual)
    }
    return nil
  }

  /// The rows that differ, numbered, expected above actual.
  public static func difference(expected: String, actual: String) -> String {
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for row in 0..<max(left.count, right.count) {
      let a = row < left.count ? String(left[row]) : "<none>"
      let b = row < right.count ? String(right[row]) : "<none>"
      if a != b { lines += ["row \(row + 1):", "  - \(a)", "  + \(b)"] }
    }
    return lines.joined(separator: "\n")
  }

  /// The row of the buffer whose text contains `text`, if any.
  public static func row(containing text: String, in buffer: ScreenBuffer) -> Int? {
    (0..<buffer.height).first { buffer.line($0).contains(text) }
  }
}
