import Foundation

/// `quire-bench callgrind`: instruction counts of the load path and of cmark-gfm's parse under
/// `valgrind --tool=callgrind`, steadier than wall time on a shared machine.
struct Callgrind {
  let options: BenchCommand.RunOptions

  func run() throws {
    guard let valgrind = ChildProcess.which("valgrind") else {
      throw BenchError.failed("valgrind is not installed (apt-get install valgrind)")
    }
    let cache = VaultCache(directory: URL(fileURLWithPath: options.directory))
    let executable = try Self.strippedCopy(of: ProcessStatus.executablePath(), in: cache.directory)
    for size in options.sizes {
      let (folder, manifest) = try cache.vault(notes: size, seed: options.seed) { message in
        FileHandle.standardError.write(Data("quire-bench: \(message)\n".utf8))
      }
      var table = BenchTable(
        title:
          "Instructions, \(Format.count(size)) notes (\(Format.megabytes(manifest.summary.bytes))), callgrind",
        header: ["measurement", "instructions", "per note", "per byte", "output file"])
      var counts: [Probe: Int] = [:]
      for probe in [Probe.read, .load, .cmark] {
        let output = folder.deletingLastPathComponent()
          .appendingPathComponent("callgrind.\(probe.rawValue).\(size).out")
        FileHandle.standardError.write(
          Data("quire-bench: callgrind \(probe.rawValue) on \(folder.path)\n".utf8))
        let outcome = try ChildProcess.run(
          valgrind,
          [
            "--tool=callgrind", "--callgrind-out-file=\(output.path)", executable, probe.rawValue,
            folder.path,
          ])
        guard outcome.status == 0 else {
          throw BenchError.failed("valgrind failed: \(String(decoding: outcome.errors, as: UTF8.self))")
        }
        let instructions = try Self.totalInstructions(in: output)
        counts[probe] = instructions
        table.add([
          probe.rawValue, Format.count(instructions), Format.count(instructions / max(1, size)),
          String(format: "%.1f", Double(instructions) / Double(max(1, manifest.summary.bytes))), output.path,
        ])
      }
      if let load = counts[.load], let cmark = counts[.cmark], cmark > 0 {
        table.notes.append(
          "Quire load / cmark-gfm parse, in instructions: **\(Format.ratio(Double(load) / Double(cmark)))**")
      }
      table.notes.append("Hot spots: `callgrind_annotate --inclusive=yes FILE | head -40`.")
      print(table.text)
    }
  }

  /// A copy of the executable without DWARF sections, which valgrind 3.19 cannot read for Swift
  /// 6 binaries ("unhandled dwarf2 abbrev form code"); the symbol table stays, so the
  /// annotations still name every function.
  static func strippedCopy(of executable: String, in folder: URL) throws -> String {
    guard let strip = ChildProcess.which("strip") else { return executable }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let copy = folder.appendingPathComponent("quire-bench.nodebug")
    try? FileManager.default.removeItem(at: copy)
    let outcome = try ChildProcess.run(strip, ["--strip-debug", "-o", copy.path, executable])
    guard outcome.status == 0 else { return executable }
    return copy.path
  }

  /// The `summary:` (or `totals:`) line of a callgrind output file: instructions executed.
  static func totalInstructions(in file: URL) throws -> Int {
    let text = try String(contentsOf: file, encoding: .utf8)
    for line in text.split(separator: "\n").reversed()
    where line.hasPrefix("summary:") || line.hasPrefix("totals:") {
      if let value = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) { return value }
    }
    throw BenchError.failed("no instruction total in \(file.path)")
  }
}
