#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's bytes as read, with the size and modification time they were read at.
///
/// Writers compare a snapshot with the file just before replacing it, so that an edit made
/// meanwhile (by an editor, a sync tool) is never overwritten.
public struct FileSnapshot: Sendable, Hashable {
  public var path: String
  public var bytes: [UInt8]
  public var size: Int
  /// Seconds since 1970, with nanoseconds.
  public var modified: Double

  /// Why a snapshot could not be taken or no longer holds.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
  }

  /// Reads a file and its status.
  public static func read(_ path: String) throws -> FileSnapshot {
    let before = try status(path)
    switch FileReader.read(path) {
    case .success(let bytes):
      let after = try status(path)
      guard before == after, after.size == bytes.count else {
        throw Failure(path: path, message: "changed while it was being read")
      }
      return FileSnapshot(path: path, bytes: bytes, size: after.size, modified: after.modified)
    case .failure(let failure):
      throw Failure(path: path, message: failure.message)
    }
  }

  /// Whether the bytes are valid UTF-8 (a BOM allowed).
  public var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

  /// Throws when the file on disk is no longer the one this snapshot read.
  public func verifyUnchanged() throws {
    let now: (size: Int, modified: Double)
    do {
      now = try Self.status(path)
    } catch {
      throw Failure(path: path, message: "was removed since it was read; not written")
    }
    guard now.size == size, now.modified == modified else {
      throw Failure(path: path, message: "changed since it was read; not written (run again)")
    }
    guard case .success(let current) = FileReader.read(path), current == bytes else {
      throw Failure(path: path, message: "changed since it was read; not written (run again)")
    }
  }

  static func status(_ path: String) throws -> (size: Int, modified: Double) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw Failure(path: path, message: String(cString: strerror(errno)))
    }
    return (Int(info.st_size), modifiedSeconds(info))
  }

  /// A file's modification time in seconds since 1970, as the loader and the cache keep it.
  static func modifiedSeconds(_ info: stat) -> Double {
    #if canImport(Glibc)
      Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    #else
      Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
    #endif
  }
}
