import Foundation
import QuireMarkdown
import QuireTestSupport

// quire-bench: synthetic vaults, and Quire's load, search and redraw figures measured beside
// cmark-gfm and the usual command-line tools. See docs/PERFORMANCE.md.

do {
  switch try BenchCommand.parse(Array(CommandLine.arguments.dropFirst())) {
  case .run(let options):
    try BenchRun(options: options).run()
  case .generate(let notes, let seed, let out):
    let clock = ContinuousClock()
    let start = clock.now
    let summary = try VaultGenerator(notes: notes, seed: seed).write(to: URL(fileURLWithPath: out))
    print(
      "\(Format.count(summary.notes)) notes, \(Format.megabytes(summary.bytes)), \(Format.count(summary.links)) links "
        + "(\(Format.count(summary.brokenLinks)) broken) in \(Format.seconds((clock.now - start).seconds)) -> \(out)"
    )
  case .measure(let probe, let directory):
    let measurement = try ProbeRunner.run(probe, directory: directory)
    print(String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
  case .callgrind(let options):
    try Callgrind(options: options).run()
  case .brokenLinks(let directory):
    let vault = try VaultLoader(root: URL(fileURLWithPath: directory)).load()
    for note in vault.notes {
      for link in note.links
      where link.state == .broken || link.state == .ambiguous || link.missingAnchor != nil {
        print(
          "\(note.id):\(link.line):\(link.column): \(link.state.rawValue) \(link.raw) \(link.reason ?? "")")
      }
    }
  case .help:
    print(BenchCommand.usage)
  }
} catch {
  FileHandle.standardError.write(Data("quire-bench: \(error)\n".utf8))
  exit(2)
}
