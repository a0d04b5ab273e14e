import CCmarkGFM
import Foundation
import QuireCore

/// cmark-gfm's own work on a vault: read each file and parse it with the table, autolink and
/// strikethrough extensions, as the loader configures cmark, then free the tree.
///
/// This is the figure issue 2 compares the loader with ("cmark-gfm alone"). Front matter is
/// parsed as Markdown here, and nothing walks the tree, so it is a floor for any loader.
struct CmarkBaseline {
  static let extensions = ["table", "autolink", "strikethrough"]

  /// Bytes and parsed nodes, summed over the files.
  struct Totals: Sendable {
    var files = 0
    var bytes = 0
  }

  /// Parses every file on `threads` threads, each taking every `threads`-th file.
  static func parse(_ files: VaultFiles, threads: Int) -> Totals {
    cmark_gfm_core_extensions_ensure_registered()
    let workers = max(1, threads)
    let slots = ResultSlots<Totals>(count: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var totals = Totals()
      var index = worker
      while index < files.paths.count {
        let bytes = VaultFiles.read(files.absolute(files.paths[index]))
        parseDocument(bytes)
        totals.files += 1
        totals.bytes += bytes.count
        index += workers
      }
      slots.set(worker, totals)
    }
    return slots.values.reduce(into: Totals()) { total, part in
      total.files += part?.files ?? 0
      total.bytes += part?.bytes ?? 0
    }
  }

  /// One document: new parser, extensions attached, feed, finish, free.
  static func parseDocument(_ bytes: [UInt8]) {
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
    defer { cmark_parser_free(parser) }
    for name in extensions {
      if let syntax = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntax)
      }
    }
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
      }
    }
    if let root = cmark_parser_finish(parser) { cmark_node_free(root) }
  }
}
