import QuireCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Walks a vault folder and lists its notes and assets, without following links outside it.
struct VaultScanner {
  struct File: Sendable {
    var id: String
    var size: Int
    var modified: Double
  }

  let root: String
  private(set) var notes: [File] = []
  private(set) var assets: Set<String> = []
  private(set) var diagnostics: [Diagnostic] = []
  /// Folders already walked, by device and inode, so a link loop is walked once.
  private var visited: Set<[UInt64]> = []

  /// The most files listed; a vault larger than this is cut short with a warning.
  static let maxFiles = 2_000_000

  init(root: String) { self.root = root }

  mutating func run() {
    walk(relative: "")
    notes.sort { $0.id < $1.id }
  }

  private mutating func walk(relative: String) {
    let folder = relative.isEmpty ? root : root + "/" + relative
    var info = stat()
    guard stat(folder, &info) == 0 else { return }
    guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
    guard let directory = opendir(folder) else {
      diagnostics.append(
        Diagnostic(
          path: relative.isEmpty ? "." : relative, severity: .warning,
          message: "cannot read folder: \(String(cString: strerror(errno)))", rule: "unreadable"))
      return
    }
    var names: [String] = []
    // The name is read where it lies: a record is only as long as its name, so copying
    // the whole `dirent` (`entry.pointee`) read past the end of the last one.
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 0
    while let entry = readdir(directory) {
      let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
      if name == "." || name == ".." { continue }
      names.append(name)
    }
    closedir(directory)
    names.sort()
    for name in names {
      guard notes.count + assets.count < Self.maxFiles else { return }
      let id = relative.isEmpty ? name : relative + "/" + name
      let path = root + "/" + id
      var link = stat()
      guard lstat(path, &link) == 0 else { continue }
      var target = link
      if (link.st_mode & S_IFMT) == S_IFLNK {
        guard let resolved = realpath(path, nil) else {
          diagnostics.append(
            Diagnostic(
              path: id, severity: .warning, message: "broken symbolic link; skipped",
              rule: "symlink"))
          continue
        }
        let destination = String(cString: resolved)
        free(resolved)
        guard destination == root || destination.hasPrefix(root + "/") else {
          diagnostics.append(
            Diagnostic(
              path: id, severity: .warning,
              message: "symbolic link leads outside the vault (\(destination)); not followed",
              rule: "symlink"))
          continue
        }
        guard stat(path, &target) == 0 else { continue }
      }
      let kind = target.st_mode & S_IFMT
      if kind == S_IFDIR {
        if name.hasPrefix(".") || name == "node_modules" { continue }
        walk(relative: id)
      } else if kind == S_IFREG {
        if name.hasPrefix(".") { continue }
        if name.lowercased().hasSuffix(".md") {
          notes.append(
            File(id: id, size: Int(target.st_size), modified: FileSnapshot.modifiedSeconds(target)))
        } else {
          assets.insert(id)
        }
      } else if !name.hasPrefix("."), name.lowercased().hasSuffix(".md") {
        diagnostics.append(
          Diagnostic(
            path: id, severity: .warning,
            message: "not a regular file (a pipe, socket or device); skipped", rule: "unreadable"))
      }
    }
  }
}
