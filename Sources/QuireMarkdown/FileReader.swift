#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files with plain POSIX calls: fast, and with errors worth showing.
enum FileReader {
  struct Failure: Error, Sendable {
    var message: String
  }

  /// The file's bytes, at most `limit` of them from its start.
  static func read(_ path: String, upTo limit: Int = .max) -> Result<[UInt8], Failure> {
    readStamped(path, upTo: limit).map(\.bytes)
  }

  /// The file's bytes and its modification time, taken before it was read (a file
  /// written meanwhile has a later one, and is read again by whoever compares times).
  static func readStamped(
    _ path: String, upTo limit: Int = .max
  ) -> Result<(bytes: [UInt8], modified: Double), Failure> {
    // Non-blocking: a file swapped for a named pipe after the scan must not hang the open.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(Failure(message: String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(Failure(message: String(cString: strerror(errno))))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(Failure(message: "not a file")) }
    var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), limit))
    var filled = 0
    while filled < limit {
      if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: min(4096, limit - filled))) }
      let count = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(Failure(message: String(cString: strerror(errno))))
      }
      if count == 0 { break }
      filled += count
    }
    bytes.removeSubrange(filled...)
    return .success((bytes, FileSnapshot.modifiedSeconds(info)))
  }
}
