import CCmarkGFM
import QuireCore

/// Finds the byte ranges of a Markdown file that hold prose: text a reader would read as
/// sentences, where the linker may look for names of other notes.
///
/// Everything else is left out: front matter, headings, code blocks and code spans, HTML,
/// the text of links and images, `[[wikilinks]]`, autolinked URLs. Ranges are offsets into the
/// whole file (BOM and front matter included), ascending and disjoint. Consecutive text on
/// the lines of one paragraph forms one range, so a name wrapped onto the next line is found.
///
/// A second, small walk over cmark's tree with source positions on: the converter that
/// builds notes does not need positions of plain text, and this keeps its output unchanged.
public enum ProseRanges {
  /// The prose ranges of a file's bytes.
  public static func find(in bytes: [UInt8]) -> [Range<Int>] {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    let text = String(decoding: bytes[start...], as: UTF8.self)
    let split = FrontMatterParser.split(Substring(text).utf8)
    let bodyStart = start + split.bodyOffset
    guard bodyStart < bytes.count else { return [] }
    let body = Array(bytes[bodyStart...])
    return Walker(body: body).ranges().map { ($0.lowerBound + bodyStart)..<($0.upperBound + bodyStart) }
  }

  /// Walks one body; offsets are into the body.
  private struct Walker {
    let body: [UInt8]
    var lineStarts: [Int] = [0]

    init(body: [UInt8]) {
      self.body = body
      for (offset, byte) in body.enumerated() where byte == UInt8(ascii: "\n") {
        lineStarts.append(offset + 1)
      }
    }

    func ranges() -> [Range<Int>] {
      guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES)
      else { return [] }
      defer { cmark_parser_free(parser) }
      cmark_gfm_core_extensions_ensure_registered()
      for name in ["table", "autolink", "strikethrough", "tasklist"] {
        if let found = cmark_find_syntax_extension(name) {
          cmark_parser_attach_syntax_extension(parser, found)
        }
      }
      body.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
        }
      }
      guard let root = cmark_parser_finish(parser), let iterator = cmark_iter_new(root) else {
        return []
      }
      defer {
        cmark_iter_free(iterator)
        cmark_node_free(root)
      }
      var texts: [Range<Int>] = []
      var excludedDepth = 0
      while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        guard let node = cmark_iter_get_node(iterator) else { continue }
        let type = cmark_node_get_type(node)
        let excludes =
          type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
        if excludes {
          if event == CMARK_EVENT_ENTER { excludedDepth += 1 }
          if event == CMARK_EVENT_EXIT { excludedDepth -= 1 }
          continue
        }
        guard event == CMARK_EVENT_ENTER, excludedDepth == 0, type == CMARK_NODE_TEXT,
          let range = range(of: node)
        else { continue }
        texts.append(range)
      }
      return merged(texts).flatMap(cuttingWikilinks)
    }

    /// Byte range of a node from its source position (columns are 1-based, end inclusive).
    private func range(of node: OpaquePointer) -> Range<Int>? {
      let startLine = Int(cmark_node_get_start_line(node))
      let startColumn = Int(cmark_node_get_start_column(node))
      let endLine = Int(cmark_node_get_end_line(node))
      let endColumn = Int(cmark_node_get_end_column(node))
      guard startLine >= 1, startLine <= lineStarts.count, endLine >= startLine,
        endLine <= lineStarts.count, startColumn >= 1, endColumn >= 1
      else { return nil }
      let start = lineStarts[startLine - 1] + startColumn - 1
      let end = min(lineStarts[endLine - 1] + endColumn, body.count)
      guard start < end else { return nil }
      return start..<end
    }

    /// Joins ranges separated only by spaces and at most one line end (a soft break).
    private func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
      var result: [Range<Int>] = []
      for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
        if let last = result.last {
          if range.lowerBound < last.upperBound {
            result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            continue
          }
          let gap = body[last.upperBound..<range.lowerBound]
          let lineEnds = gap.filter { $0 == UInt8(ascii: "\n") }.count
          let blank = gap.allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n")
              || $0 == UInt8(ascii: "\r")
          }
          if blank, lineEnds <= 1 {
            result[result.count - 1] = last.lowerBound..<range.upperBound
            continue
          }
        }
        result.append(range)
      }
      return result
    }

    /// Splits a range around the `[[wikilinks]]` in it, which cmark reads as plain text.
    private func cuttingWikilinks(_ range: Range<Int>) -> [Range<Int>] {
      let found = WikilinkScanner.scan(body[range])
      guard !found.isEmpty else { return [range] }
      var pieces: [Range<Int>] = []
      var cursor = range.lowerBound
      for link in found {
        if link.range.lowerBound > cursor { pieces.append(cursor..<link.range.lowerBound) }
        cursor = max(cursor, link.range.upperBound)
      }
      if cursor < range.upperBound { pieces.append(cursor..<range.upperBound) }
      return pieces
    }
  }
}
