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
    // Changed line spans (0-based, inclusive) of the old file, each with its edits.
    var spans: [(first: Int, last: Int, edits: [TextEdit])] = []
    for edit in sorted {
      let first = oldLines.location(of: edit.range.lowerBound).line - 1
      let last = oldLines.location(of: max(edit.range.lowerBound, edit.range.upperBound - 1)).line - 1
      if let previous = spans.last, first <= previous.last {
        spans[spans.count - 1].last = max(previous.last, last)
        spans[spans.count - 1].edits.append(edit)
      } else {
        spans.append((first, last, [edit]))
      }
    }
    // Hunks: spans whose context would touch or overlap merge.
    var hunks: [[(first: Int, last: Int, edits: [TextEdit])]] = []
    for span in spans {
      if let last = hunks.last?.last, span.first - last.last <= 2 * context + 1 {
        hunks[hunks.count - 1].append(span)
      } else {
        hunks.append([span])
      }
    }
    let lineCount = oldLines.starts.last == old.count ? oldLines.starts.count - 1 : oldLines.starts.count
    func offset(ofLine line: Int) -> Int { line < oldLines.starts.count ? oldLines.starts[line] : old.count }
    var output = "--- a/\(path)\n+++ b/\(path)\n"
    var shift = 0
    for hunk in hunks {
      guard let firstSpan = hunk.first, let lastSpan = hunk.last else { continue }
      let start = max(0, firstSpan.first - context)
      let end = min(lineCount - 1, lastSpan.last + context)
      var body = ""
      var oldCount = 0
      var newCount = 0
      var cursor = start
      func keep(upTo line: Int) {
        for text in lines(old, from: offset(ofLine: cursor), to: offset(ofLine: line)) {
          body += " " + text.text + "\n" + (text.finalNewline ? "" : "\\ No newline at end of file\n")
          oldCount += 1
          newCount += 1
        }
        cursor = line
      }
      for span in hunk {
        keep(upTo: span.first)
        let changedStart = offset(ofLine: span.first)
        let changedEnd = offset(ofLine: span.last + 1)
        let local = span.edits.map {
          TextEdit(
            range: ($0.range.lowerBound - changedStart)..<($0.range.upperBound - changedStart),
            replacement: $0.replacement)
        }
        let newBytes = (try? TextEdit.apply(local, to: Array(old[changedStart..<changedEnd]))) ?? []
        let removed = lines(old, from: changedStart, to: changedEnd)
        let added = lines(newBytes, from: 0, to: newBytes.count)
        for line in removed {
          body += "-" + line.text + "\n" + (line.finalNewline ? "" : "\\ No newline at end of file\n")
        }
        for line in added {
          body += "+" + line.text + "\n" + (line.finalNewline ? "" : "\\ No newline at end of file\n")
        }
        oldCount += removed.count
        newCount += added.count
        cursor = span.last + 1
      }
      keep(upTo: end + 1)
      output += "@@ -\(start + 1),\(oldCount) +\(start + 1 + shift),\(newCount) @@\n" + body
      shift += newCount - oldCount
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
