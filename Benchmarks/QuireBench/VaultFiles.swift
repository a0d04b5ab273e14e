import Foundation

/// The note files of a vault as the loader sees them: every `*.md` below the root, except in
/// dot-folders and `node_modules`, sorted by path.
struct VaultFiles {
  let root: URL
  /// Vault-relative paths.
  let paths: [String]

  init(root: URL) throws {
    self.root = root.standardizedFileURL
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: self.root.path, isDirectory: &isFolder), isFolder.boolValue
    else { throw BenchError.failed("no vault at \(self.root.path)") }
    var found: [String] = []
    Self.collect(folder: self.root.path, relative: "", into: &found)
    paths = found.sorted()
  }

  private static func collect(folder: String, relative: String, into found: inout [String]) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where !name.hasPrefix(".") && name != "node_modules" {
      let path = folder + "/" + name
      let inVault = relative.isEmpty ? name : relative + "/" + name
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
      if isFolder.boolValue {
        collect(folder: path, relative: inVault, into: &found)
      } else if name.hasSuffix(".md") {
        found.append(inVault)
      }
    }
  }

  func absolute(_ path: String) -> String { root.path + "/" + path }

  /// Reads a whole file with plain POSIX calls, so the baseline pays no Foundation overhead.
  static func read(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return [] }
    let size = Int(status.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let got = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress.map { $0 + done }, size - done)
      }
      if got <= 0 { break }
      done += got
    }
    if done < size { bytes.removeLast(size - done) }
    return bytes
  }
}
