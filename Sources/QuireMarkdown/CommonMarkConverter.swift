import CCmarkGFM
import QuireCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What cmark-gfm's tree of a note body yields: headings, links, text, and the document.
struct ConvertedBody {
  struct Heading {
    var title: String
    var level: Int
    var line: Int
  }
  var headings: [Heading] = []
  /// Links in document order; `sourceSection` indexes `headings`, relations are set later.
  var links: [Link] = []
  var texts: [SectionText] = []
  var document: Document?
  /// Nesting went deeper than `CommonMarkConverter.maxDepth`; the deeper part is plain text.
  var tooDeep = false
  /// File byte ranges holding prose, when asked for (see `NoteParser.parse(...collectingProse:)`).
  var prose: [Range<Int>] = []
}

/// Walks cmark-gfm's tree of a note body once and builds Quire's values from it.
///
/// The only code that touches cmark: its names stay in this file. Lines and columns are
/// those of the whole file (1-based, columns in UTF-8 bytes); byte ranges are offsets into
/// the file, so the linker can rewrite a link in place.
final class CommonMarkConverter {
  /// Deeper nesting than this (lists in quotes in lists ...) is kept as plain text.
  static let maxDepth = 48

  private let body: [UInt8]
  private let lineOffset: Int
  private let byteOffset: Int
  private let buildDocument: Bool
  private let collectProse: Bool
  private var lineStarts: [Int] = [0]
  private var result = ConvertedBody()
  private var currentSection: Int? = nil
  private var sectionText = ""
  /// Body ranges of the text nodes met outside links and headings, in document order.
  private var proseTexts: [Range<Int>] = []
  private var inHeading = false

  /// - Parameters:
  ///   - body: the Markdown after the front matter.
  ///   - firstLine: the file line on which `body` starts.
  ///   - byteOffset: the file offset at which `body` starts.
  ///   - collectProse: also gather the prose ranges the linker searches (off for the loader).
  init(
    body: [UInt8], firstLine: Int, byteOffset: Int, buildDocument: Bool,
    collectProse: Bool = false
  ) {
    self.body = body
    self.lineOffset = firstLine - 1
    self.byteOffset = byteOffset
    self.buildDocument = buildDocument
    self.collectProse = collectProse
    lineStarts = LineTable(body).starts
  }

  private static let registration: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  /// Parses the body and converts it.
  func convert() -> ConvertedBody {
    _ = Self.registration
    // The parser and its tree live in an arena dropped as a whole once the walk is done:
    // neither is freed node by node (see `CmarkArena`).
    return CmarkArena.withArena { memory in convert(allocatingWith: memory) }
  }

  private func convert(allocatingWith memory: UnsafeMutablePointer<cmark_mem>) -> ConvertedBody {
    guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, memory) else {
      return result
    }
    for name in ["table", "autolink", "strikethrough", "tasklist"] {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    body.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
      }
    }
    guard let root = cmark_parser_finish(parser) else { return result }
    let blocks = convertBlocks(childrenOf: root, depth: 0, inItem: false)
    flushText()
    if buildDocument { result.document = Document(blocks: blocks) }
    if collectProse {
      result.prose = merged(proseTexts).flatMap(cuttingWikilinks).map {
        (byteOffset + $0.lowerBound)..<(byteOffset + $0.upperBound)
      }
    }
    return result
  }

  // MARK: - Blocks

  private func convertBlocks(childrenOf node: OpaquePointer, depth: Int, inItem: Bool) -> [Block] {
    var blocks: [Block] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      let block = convertBlock(current, depth: depth, inItem: inItem)
      if buildDocument, let block { blocks.append(block) }
      child = cmark_node_next(current)
    }
    return blocks
  }

  private func convertBlock(_ node: OpaquePointer, depth: Int, inItem: Bool) -> Block? {
    if depth > Self.maxDepth {
      result.tooDeep = true
      let text = flatText(node, prose: true)
      appendText(text)
      return .paragraph([.text(text)])
    }
    let type = cmark_node_get_type(node)
    switch type {
    case CMARK_NODE_PARAGRAPH:
      let inlines = convertContainer(node, inItem: inItem)
      return .paragraph(inlines)
    case CMARK_NODE_HEADING:
      flushText()
      let level = Int(cmark_node_get_heading_level(node))
      let section = result.headings.count
      currentSection = section
      var collector = InlineCollector()
      inHeading = true
      let inlines = convertInlines(childrenOf: node, into: &collector, inLink: false, depth: 0)
      inHeading = false
      let title = collector.text.trimmed
      result.headings.append(.init(title: title, level: level, line: line(of: node)))
      return .heading(level: level, content: inlines, section: section)
    case CMARK_NODE_LIST:
      let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
      let start = Int(cmark_node_get_list_start(node))
      var items: [ListItem] = []
      var child = cmark_node_first_child(node)
      while let item = child {
        let blocks = convertBlocks(childrenOf: item, depth: depth + 1, inItem: true)
        items.append(ListItem(blocks: blocks, checked: taskState(item)))
        child = cmark_node_next(item)
      }
      return .list(ordered: ordered, start: start, items: items)
    case CMARK_NODE_ITEM:
      return .quote(convertBlocks(childrenOf: node, depth: depth + 1, inItem: true))
    case CMARK_NODE_BLOCK_QUOTE:
      return .quote(convertBlocks(childrenOf: node, depth: depth + 1, inItem: inItem))
    case CMARK_NODE_CODE_BLOCK:
      let text = literal(node)
      appendText(text)
      let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
      return .code(language: info.trimmed, text: text)
    case CMARK_NODE_HTML_BLOCK:
      return .html(literal(node))
    case CMARK_NODE_THEMATIC_BREAK:
      return .rule
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return .quote(convertBlocks(childrenOf: node, depth: depth + 1, inItem: true))
    default:
      if typeName(node) == "table" { return convertTable(node) }
      let blocks = convertBlocks(childrenOf: node, depth: depth + 1, inItem: inItem)
      return blocks.isEmpty ? nil : .quote(blocks)
    }
  }

  private func convertTable(_ node: OpaquePointer) -> Block {
    let columns = Int(cmark_gfm_extensions_get_table_columns(node))
    var alignments: [TableAlignment] = []
    if let raw = cmark_gfm_extensions_get_table_alignments(node) {
      for column in 0..<columns {
        switch raw[column] {
        case UInt8(ascii: "l"): alignments.append(.left)
        case UInt8(ascii: "c"): alignments.append(.center)
        case UInt8(ascii: "r"): alignments.append(.right)
        default: alignments.append(.none)
        }
      }
    }
    var header: [[Inline]] = []
    var rows: [[[Inline]]] = []
    var row = cmark_node_first_child(node)
    while let currentRow = row {
      var cells: [[Inline]] = []
      var cell = cmark_node_first_child(currentRow)
      while let currentCell = cell {
        cells.append(convertContainer(currentCell, inItem: true))
        cell = cmark_node_next(currentCell)
      }
      if cmark_gfm_extensions_get_table_row_is_header(currentRow) != 0, header.isEmpty {
        header = cells
      } else {
        rows.append(cells)
      }
      row = cmark_node_next(currentRow)
    }
    return .table(alignments: alignments, header: header, rows: rows)
  }

  private func taskState(_ item: OpaquePointer) -> Bool? {
    guard typeName(item) == "tasklist" else { return nil }
    return cmark_gfm_extensions_get_tasklist_item_checked(item)
  }

  // MARK: - Inline containers and annotations

  /// Converts a paragraph or table cell and gives its links their annotations.
  ///
  /// In a list item (or table cell) a link's annotation is the rest of the item up to the
  /// next link; elsewhere it is the rest of the sentence.
  private func convertContainer(_ node: OpaquePointer, inItem: Bool) -> [Inline] {
    var collector = InlineCollector()
    let firstLink = result.links.count
    let inlines = convertInlines(childrenOf: node, into: &collector, inLink: false, depth: 0)
    appendText(collector.text)
    guard !collector.links.isEmpty else { return inlines }
    let utf8 = collector.bytes
    for (position, mark) in collector.links.enumerated() {
      let next = position + 1 < collector.links.count ? collector.links[position + 1].start : utf8.count
      var end = max(mark.end, next)
      if !inItem { end = sentenceEnd(in: utf8, from: mark.end, limit: end) }
      let slice = utf8[min(mark.end, utf8.count)..<min(end, utf8.count)]
      let index = firstLink + mark.link
      if index < result.links.count {
        result.links[index].annotation = Self.tidyAnnotation(bytes: slice)
      }
    }
    return inlines
  }

  /// The offset just past the sentence that contains `start`: a `.`, `!` or `?` followed by
  /// white space, or `limit`.
  private func sentenceEnd(in text: [UInt8], from start: Int, limit: Int) -> Int {
    var index = start
    while index < limit {
      let byte = text[index]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
        if index + 1 >= limit || text[index + 1] == UInt8(ascii: " ")
          || text[index + 1] == UInt8(ascii: "\n")
        {
          return index + 1
        }
      }
      index += 1
    }
    return limit
  }

  /// Whether text holds `[[`.
  ///
  /// Searched with `memchr`: every text node of every note is asked.
  static func hasDoubleBracket(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var cursor = UnsafeRawPointer(base)
    let end = cursor + bytes.count
    while cursor < end, let hit = memchr(cursor, Int32(UInt8(ascii: "[")), end - cursor) {
      let next = UnsafeRawPointer(hit) + 1
      if next < end, next.load(as: UInt8.self) == UInt8(ascii: "[") { return true }
      cursor = next
    }
    return false
  }


  /// Trims white space, and the dash, colon or full stop that separates a link from its note.
  ///
  /// Every link's annotation comes through here, so it works on scalars and copies once.
  static func tidyAnnotation(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars
    while let first = scalars.first {
      if Substring.isSpace(first) {
        scalars.removeFirst()
      } else if isAnnotationSeparator(first),
        Substring(scalars).first?.unicodeScalars.count == 1
      {
        // A separator followed by a combining mark is a letter of the text, not a separator.
        scalars.removeFirst()
      } else {
        break
      }
    }
    while let last = scalars.last, Substring.isSpace(last) { scalars.removeLast() }
    return String(Substring(scalars))
  }

  /// `tidyAnnotation(_:)` of UTF-8 bytes, trimmed byte by byte where that is sure to agree:
  /// ASCII white space and separators, and the dashes `—` and `–`, each followed by ASCII
  /// (so no combining mark makes it part of a letter). From the first byte that needs more
  /// thought on, the text goes through `tidyAnnotation(_:)`. One `String` made, mostly.
  static func tidyAnnotation(bytes: ArraySlice<UInt8>) -> String {
    bytes.withUnsafeBufferPointer { buffer -> String in
      func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
      func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",")
          || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ".")
      }
      func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
      }
      let count = buffer.count
      var start = 0
      // A mark ending at `end` stands alone when the next byte is ASCII or there is none.
      func alone(_ end: Int) -> Bool { end >= count || buffer[end] < 0x80 }
      while start < count {
        let byte = buffer[start]
        if isSpace(byte) {
          start += 1
        } else if isSeparator(byte), alone(start + 1) {
          start += 1
        } else if byte == 0xE2, start + 2 < count, buffer[start + 1] == 0x80,
          buffer[start + 2] == 0x93 || buffer[start + 2] == 0x94, alone(start + 3)
        {
          start += 3
        } else if byte >= 0x80 || isSeparator(byte) {
          return tidyAnnotation(text(start..<count))
        } else {
          break
        }
      }
      var end = count
      while end > start, isSpace(buffer[end - 1]) { end -= 1 }
      // Text may end in white space beyond ASCII (a no-break space).
      if end > start, buffer[end - 1] >= 0x80 { return tidyAnnotation(text(start..<end)) }
      return text(start..<end)
    }
  }

  /// The marks that stand between a link and its annotation.
  private static func isAnnotationSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\u{2014}", "\u{2013}", "-", ":", ",", ";", ".": true
    default: false
    }
  }

  /// Gathers a container's plain text and where its links start and end in it.
  ///
  /// The text is kept as UTF-8 bytes, copied straight from cmark's literals, and made a
  /// `String` once the container is done: a `String` per text node and an append to a
  /// growing `String` were a good part of the walk's cost.
  struct InlineCollector {
    var bytes: [UInt8] = []
    var links: [(link: Int, start: Int, end: Int)] = []
    var firstLink: Int? = nil

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var count: Int { bytes.count }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: text) }
  }

  /// Inlines nested deeper than `maxDepth` (images in images ...) become plain text, so
  /// the walk's recursion stays shallow whatever the note holds.
  private func convertInlines(
    childrenOf node: OpaquePointer, into collector: inout InlineCollector, inLink: Bool,
    depth: Int
  ) -> [Inline] {
    var inlines: [Inline] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      if depth > Self.maxDepth {
        result.tooDeep = true
        let text = flatText(current, prose: !inLink)
        collector.append(text)
        inlines.append(.text(text))
      } else {
        let converted = convertInline(current, into: &collector, inLink: inLink, depth: depth)
        // The loader wants links and text, not the reading form: skip gathering it.
        if buildDocument { inlines += converted }
      }
      child = cmark_node_next(current)
    }
    return inlines
  }

  private func convertInline(
    _ node: OpaquePointer, into collector: inout InlineCollector, inLink: Bool, depth: Int
  ) -> [Inline] {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT:
      if !inLink { noteProse(node) }
      let text = literalBytes(node)
      if inLink || !Self.hasDoubleBracket(text) {
        collector.append(text)
        return shown(.text(String(decoding: text, as: UTF8.self)))
      }
      return convertWikiText(node, literal: text, into: &collector)
    case CMARK_NODE_SOFTBREAK:
      collector.append(" ")
      return shown(.softBreak)
    case CMARK_NODE_LINEBREAK:
      collector.append("\n")
      return shown(.lineBreak)
    case CMARK_NODE_CODE:
      let text = literalBytes(node)
      collector.append(text)
      return shown(.code(String(decoding: text, as: UTF8.self)))
    case CMARK_NODE_HTML_INLINE:
      return shown(.html(literal(node)))
    case CMARK_NODE_EMPH:
      let content = convertInlines(childrenOf: node, into: &collector, inLink: inLink, depth: depth + 1)
      return shown(.emphasis(content))
    case CMARK_NODE_STRONG:
      let content = convertInlines(childrenOf: node, into: &collector, inLink: inLink, depth: depth + 1)
      return shown(.strong(content))
    case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
      let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
      let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
      let start = collector.count
      var inner = InlineCollector()
      let content = convertInlines(childrenOf: node, into: &inner, inLink: true, depth: depth + 1)
      collector.bytes += inner.bytes
      if inLink { return content }
      let innerText = inner.text
      let linkIndex = addLink(
        raw: url, kind: .markdown, text: innerText, node: node, isEmbed: isImage)
      let local = linkIndex - (collector.firstLink ?? linkIndex)
      if collector.firstLink == nil { collector.firstLink = linkIndex }
      collector.links.append((local, start, collector.count))
      if isImage { return shown(.image(alt: innerText, target: url)) }
      return shown(.link(link: linkIndex, content: content))
    default:
      if typeName(node) == "strikethrough" {
        let content = convertInlines(childrenOf: node, into: &collector, inLink: inLink, depth: depth + 1)
        return shown(.strikethrough(content))
      }
      return convertInlines(childrenOf: node, into: &collector, inLink: inLink, depth: depth + 1)
    }
  }

  // MARK: - Wikilinks

  /// Splits a text node at its `[[wikilinks]]`, recording each as a link.
  ///
  /// Targets are read from the raw source span of the node (so `\|` in tables and the
  /// link's byte range are exact); the shown text comes from cmark's literal.
  private func convertWikiText(
    _ node: OpaquePointer, literal: UnsafeBufferPointer<UInt8>, into collector: inout InlineCollector
  ) -> [Inline] {
    let nodeLine = Int(cmark_node_get_start_line(node))
    let startColumn = Int(cmark_node_get_start_column(node))
    let endColumn = Int(cmark_node_get_end_column(node))
    let found = WikilinkScanner.scan(literal)
    guard !found.isEmpty else {
      collector.append(literal)
      return shown(.text(String(decoding: literal, as: UTF8.self)))
    }
    // Slices keep the body's indices, so ranges found in a span are body offsets.
    let span = rawSpan(line: nodeLine, from: startColumn, to: endColumn)
    let rawLinks: [WikilinkScanner.Found]
    if let span, Self.sameBytes(span, literal) {
      // Source and literal agree (no escapes or entities): the same links, moved.
      rawLinks = found.map { link in
        var moved = link
        moved.range = (link.range.lowerBound + span.startIndex)..<(link.range.upperBound + span.startIndex)
        return moved
      }
    } else {
      rawLinks = span.map { WikilinkScanner.scan($0) } ?? []
    }
    var inlines: [Inline] = []
    var cursor = 0
    for (position, wikilink) in found.enumerated() {
      if wikilink.range.lowerBound > cursor {
        let before = UnsafeBufferPointer(rebasing: literal[cursor..<wikilink.range.lowerBound])
        collector.append(before)
        inlines += shown(.text(String(decoding: before, as: UTF8.self)))
      }
      // Prefer the raw form when both agree on how many wikilinks there are.
      let raw = rawLinks.count == found.count ? rawLinks[position] : nil
      let chosen = raw ?? wikilink
      let start = collector.count
      let label = chosen.label
      collector.append(label)
      var link = Link(
        raw: chosen.target, kind: .wiki, text: label, line: nodeLine + lineOffset,
        column: startColumn, isEmbed: chosen.isEmbed, sourceSection: currentSection)
      if let raw {
        link.column = raw.range.lowerBound - lineStarts[nodeLine - 1] + 1
        link.byteRange = (byteOffset + raw.range.lowerBound)..<(byteOffset + raw.range.upperBound)
      }
      let linkIndex = result.links.count
      result.links.append(link)
      let local = linkIndex - (collector.firstLink ?? linkIndex)
      if collector.firstLink == nil { collector.firstLink = linkIndex }
      collector.links.append((local, start, collector.count))
      inlines += shown(
        chosen.isEmbed ? .image(alt: label, target: chosen.target)
          : .link(link: linkIndex, content: [.text(label)]))
      cursor = wikilink.range.upperBound
    }
    if cursor < literal.count {
      let after = UnsafeBufferPointer(rebasing: literal[cursor...])
      collector.append(after)
      inlines += shown(.text(String(decoding: after, as: UTF8.self)))
    }
    return inlines
  }

  private static func sameBytes(_ span: ArraySlice<UInt8>, _ literal: UnsafeBufferPointer<UInt8>) -> Bool {
    guard span.count == literal.count, let other = literal.baseAddress else { return false }
    return span.withUnsafeBufferPointer { bytes in
      bytes.baseAddress.map { memcmp($0, other, literal.count) == 0 } ?? false
    }
  }

  /// The source bytes of a node on one line (a slice keeping the body's indices).
  private func rawSpan(line: Int, from startColumn: Int, to endColumn: Int) -> ArraySlice<UInt8>? {
    guard line >= 1, line <= lineStarts.count, startColumn >= 1 else { return nil }
    let lineStart = lineStarts[line - 1]
    let lineEnd = line < lineStarts.count ? lineStarts[line] : body.count
    let start = lineStart + startColumn - 1
    let end = endColumn >= startColumn ? min(lineStart + endColumn, lineEnd) : lineEnd
    guard start < end, end <= body.count else { return nil }
    return body[start..<end]
  }

  // MARK: - Helpers

  /// An inline of the reading form, or none when no document is built: the loader walks
  /// the tree for links and text only, and would otherwise allocate and free every inline.
  private func shown(_ inline: @autoclosure () -> Inline) -> [Inline] {
    buildDocument ? [inline()] : []
  }

  private func addLink(
    raw: String, kind: LinkKind, text: String, node: OpaquePointer, isEmbed: Bool
  ) -> Int {
    let startLine = Int(cmark_node_get_start_line(node))
    let startColumn = Int(cmark_node_get_start_column(node))
    let endLine = Int(cmark_node_get_end_line(node))
    let endColumn = Int(cmark_node_get_end_column(node))
    var link = Link(
      raw: raw, kind: kind, text: text, line: startLine + lineOffset, column: startColumn,
      isEmbed: isEmbed, sourceSection: currentSection)
    if let start = offset(line: startLine, column: startColumn),
      let end = offset(line: endLine, column: endColumn), start <= end, end < body.count
    {
      let first = body[start]
      let expected: [UInt8] = [UInt8(ascii: "["), UInt8(ascii: "!"), UInt8(ascii: "<")]
      if expected.contains(first) { link.byteRange = (byteOffset + start)..<(byteOffset + end + 1) }
    }
    result.links.append(link)
    return result.links.count - 1
  }

  private func offset(line: Int, column: Int) -> Int? {
    guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
    return lineStarts[line - 1] + column - 1
  }

  private func line(of node: OpaquePointer) -> Int {
    Int(cmark_node_get_start_line(node)) + lineOffset
  }

  private func literal(_ node: OpaquePointer) -> String {
    String(decoding: literalBytes(node), as: UTF8.self)
  }

  /// A node's literal as cmark holds it, without copying; valid while the tree lives.
  private func literalBytes(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
    guard let text = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
  }

  private func typeName(_ node: OpaquePointer) -> String {
    cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
  }

  /// All text below a node, walked without recursion (for nesting deeper than `maxDepth`).
  ///
  /// - Parameter prose: the node stands where prose may be (not in a link); its text nodes
  ///   outside links and headings are noted as prose.
  private func flatText(_ node: OpaquePointer, prose: Bool) -> String {
    guard let iterator = cmark_iter_new(node) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    var excluded = 0
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard let current = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
        if event == CMARK_EVENT_ENTER { excluded += 1 }
        if event == CMARK_EVENT_EXIT { excluded -= 1 }
      }
      guard event == CMARK_EVENT_ENTER else { continue }
      if type == CMARK_NODE_TEXT, prose, excluded == 0 { noteProse(current) }
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
        text += literal(current)
      } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_PARAGRAPH {
        text += " "
      }
    }
    return text
  }

  // MARK: - Prose

  /// Records a text node's body range as prose, unless it stands in a heading.
  private func noteProse(_ node: OpaquePointer) {
    guard collectProse, !inHeading else { return }
    let startLine = Int(cmark_node_get_start_line(node))
    let startColumn = Int(cmark_node_get_start_column(node))
    let endLine = Int(cmark_node_get_end_line(node))
    let endColumn = Int(cmark_node_get_end_column(node))
    guard endLine >= startLine, endColumn >= 1, let start = offset(line: startLine, column: startColumn),
      let lineStart = offset(line: endLine, column: 1)
    else { return }
    let end = min(lineStart + endColumn, body.count)
    if start < end { proseTexts.append(start..<end) }
  }

  /// Joins ranges separated only by spaces and at most one line end (a soft break), so a
  /// name wrapped onto the next line of a paragraph is one stretch of prose.
  private func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = result.last {
        if range.lowerBound < last.upperBound {
          result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
          continue
        }
        var lineEnds = 0
        var blank = true
        for byte in body[last.upperBound..<range.lowerBound] {
          if byte == UInt8(ascii: "\n") {
            lineEnds += 1
          } else if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\r") {
            blank = false
            break
          }
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

  private func appendText(_ text: String) {
    guard !text.isEmpty else { return }
    if !sectionText.isEmpty { sectionText += "\n" }
    sectionText += text
  }

  private func flushText() {
    if !sectionText.isEmpty {
      result.texts.append(SectionText(section: currentSection, text: sectionText))
    }
    sectionText = ""
  }
}
