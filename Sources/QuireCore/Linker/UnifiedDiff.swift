/// A unified diff of a file before and after byte edits, as `diff -u` and `git diff` print it.
///
/// Built from the edits rather than by comparing texts: each hunk covers the lines an edit
/// touches, with up to `context` unchanged lines around; nearby hunks merge.
public enum UnifiedDiff {
  public static func make(
    path: String, old: [UInt8], edits: [TextEdit], context: Int = 3
  ) -> String {
    guard !edits.isEmpty else { return "" }
    let oldLines = LineTable(old)
    let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
    // Changed line spans (0-based, inclusive) of the old file, merged with their context.
    var groups: [(first: Int, last: Int, edits: [TextEdit])] = []
    for edit in sorted {
      let first = oldLines.location(of: edit.range.lowerBound).line - 1
      let last = oldLines.location(of: max(edit.range.lowerBound, edit.range.upperBound - 1)).line - 1
      if let previous = groups.last, first - previous.last <= 2 * context + 1 {
        groups[groups.count - 1].last = max(previous.last, last)
        groups[groups.count - 1].edits.append(edit)
      } else {
        groups.append((first, last, [edit]))
      }
    }
    let lineCount = oldLines.starts.last == old.count ? oldLines.starts.count - 1 : oldLines.starts.count
    var output = "--- a/\(path)\n+++ b/\(path)\n"
    var shift = 0
    for group in groups {
      let start = max(0, group.first - context)
      let end = min(lineCount - 1, group.last + context)
      let changedStart = oldLines.starts[group.first]
      let changedEnd = group.last + 1 < oldLines.starts.count ? oldLines.starts[group.last + 1] : old.count
      let before = lines(old, from: oldLines.starts[start], to: changedStart)
      let removed = lines(old, from: changedStart, to: changedEnd)
      let local = group.edits.map {
        TextEdit(range: ($0.range.lowerBound - changedStart)..<($0.range.upperBound - changedStart),
                 replacement: $0.replacement)
      }
      let newBytes = (try? TextEdit.apply(local, to: Array(old[changedStart..<changedEnd]))) ?? []
      let added = lines(newBytes, from: 0, to: newBytes.count)
      let afterEnd = end + 1 < oldLines.starts.count ? oldLines.starts[end + 1] : old.count
      let after = lines(old, from: changedEnd, to: max(changedEnd, afterEnd))
      let oldCount = before.count + removed.count + after.count
      let newCount = before.count + added.count + after.count
      output += "@@ -\(start + 1),\(oldCount) +\(start + 1 + shift),\(newCount) @@\n"
      for line in before { output += " " + line.text + "\n" }
      for line in removed { output += "-" + line.text + "\n" + (line.finalNewline ? "" : "\\ No newline at end of file\n") }
      for line in added { output += "+" + line.text + "\n" + (line.finalNewline ? "" : "\\ No newline at end of file\n") }
      for line in after { output += " " + line.text + "\n" + (line.finalNewline ? "" : "\\ No newline at end of file\n") }
      shift += added.count - removed.count
    }
    return output
  }

  /// Lines of `bytes[from..<to]`, line ends dropped; the last may lack its newline.
  private static func lines(_ bytes: [UInt8], from: Int, to: Int) -> [(text: String, finalNewline: Bool)] {
    guard from < to else { return [] }
    var result: [(String, Bool)] = []
    var start = from
    for index in from..<to where bytes[index] == UInt8(ascii: "\n") {
      var end = index
      if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      result.append((String(decoding: bytes[start..<end], as: UTF8.self), true))
      start = index + 1
    }
    if start < to { result.append((String(decoding: bytes[start..<to], as: UTF8.self), false)) }
    return result
  }
}
