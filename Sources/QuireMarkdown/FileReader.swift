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

  static func read(_ path: String) -> Result<[UInt8], Failure> {
    // Non-blocking: a file swapped for a named pipe after the scan must not hang the open.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(Failure(message: String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(Failure(message: String(cString: strerror(errno))))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(Failure(message: "not a file")) }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var filled = 0
    while true {
      if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
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
    return .success(bytes)
  }
}
