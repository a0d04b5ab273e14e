#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces a file's contents all at once: a reader (or a crash) sees the old bytes or the
/// new bytes, never a mix.
///
/// The new contents go to a temporary file in the same folder (so that `rename` stays on one
/// file system), are flushed with `fsync`, take the old file's permission bits, and then
/// replace the old file with `rename`; the folder is synced last so the rename itself lasts.
public struct AtomicFileWriter: Sendable {
  /// Points in a write where a test may make it fail, to prove that the original survives.
  public enum Step: Sendable, Hashable {
    /// The temporary file is written and synced, the rename has not happened.
    case beforeRename
  }

  /// Why a write did not happen; the original file is untouched in every case.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "cannot write \(path): \(message)" }
  }

  /// Called at each step; throwing from it aborts the write there (tests only).
  public var hook: (@Sendable (Step) throws -> Void)?

  public init(hook: (@Sendable (Step) throws -> Void)? = nil) { self.hook = hook }

  /// Writes `bytes` to `path` atomically, keeping the mode of the file it replaces
  /// (or `newFileMode` for a new file).
  public func write(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o644) throws {
    var info = stat()
    let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : newFileMode
    let folder = Self.folder(of: path)
    let name = path.split(separator: "/").last.map(String.init) ?? path
    var template = Array("\(folder)/.\(name).quire-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else {
      throw failure(path, "cannot create a temporary file: \(errorText())")
    }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var renamed = false
    defer {
      if !renamed { unlink(temporary) }
    }
    do {
      defer { close(descriptor) }
      try writeAll(bytes, to: descriptor, path: path)
      guard fchmod(descriptor, mode) == 0 else { throw failure(path, errorText()) }
      guard fsync(descriptor) == 0 else { throw failure(path, errorText()) }
    }
    try hook?(.beforeRename)
    guard rename(temporary, path) == 0 else { throw failure(path, errorText()) }
    renamed = true
    Self.syncFolder(folder)
  }

  /// Writes a new file atomically, failing when something already has that name.
  public func create(_ bytes: [UInt8], at path: String, mode: mode_t = 0o644) throws {
    var info = stat()
    if lstat(path, &info) == 0 { throw failure(path, "a file of that name already exists") }
    try write(bytes, to: path, newFileMode: mode)
  }

  private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Self.systemWrite(descriptor, base + written, bytes.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path, errorText())
      }
      written += count
    }
  }

  private static func systemWrite(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, base, count)
    #else
      Darwin.write(descriptor, base, count)
    #endif
  }

  private func failure(_ path: String, _ message: String) -> Failure {
    Failure(path: path, message: message)
  }

  private func errorText() -> String { String(cString: strerror(errno)) }

  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  /// Makes a rename durable; failure here is not an error (some file systems refuse it).
  private static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }
}
