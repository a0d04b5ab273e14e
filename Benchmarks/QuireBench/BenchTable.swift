import Foundation

/// A Markdown table the bench prints, so a run can be pasted into docs/PERFORMANCE.md as is.
struct BenchTable {
  var title: String
  var header: [String]
  var rows: [[String]] = []
  /// Lines printed under the table.
  var notes: [String] = []

  init(title: String, header: [String]) {
    self.title = title
    self.header = header
  }

  mutating func add(_ cells: [String]) { rows.append(cells) }

  var text: String {
    var lines = ["### \(title)", ""]
    lines.append("| " + header.joined(separator: " | ") + " |")
    lines.append(
      "| "
        + header.enumerated().map { $0.offset == 0 || $0.offset == header.count - 1 ? "---" : "---:" }
        .joined(separator: " | ") + " |")
    for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
    if !notes.isEmpty {
      lines.append("")
      lines.append(contentsOf: notes.map { "- \($0)" })
    }
    lines.append("")
    return lines.joined(separator: "\n")
  }
}

/// Number formats of the tables.
enum Format {
  static func seconds(_ value: Double) -> String {
    if value >= 10 { return String(format: "%.1f s", value) }
    if value >= 0.1 { return String(format: "%.2f s", value) }
    return milliseconds(value)
  }

  static func milliseconds(_ value: Double) -> String {
    let ms = value * 1000
    if ms >= 100 { return String(format: "%.0f ms", ms) }
    if ms >= 1 { return String(format: "%.1f ms", ms) }
    return String(format: "%.3f ms", ms)
  }

  static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

  static func count(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }

  static func rate(_ value: Double) -> String { count(Int(value.rounded())) }

  static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
}

/// Order statistics of a list of timings.
enum Statistics {
  static func median(_ values: [Double]) -> Double { percentile(values, 50) }

  /// The nearest-rank percentile (p50, p99) of `values`; 0 for none.
  static func percentile(_ values: [Double], _ percent: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}
