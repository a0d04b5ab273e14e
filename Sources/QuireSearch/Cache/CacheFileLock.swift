import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory lock on a file beside the cache, held while a process creates, migrates or
/// rebuilds the database, so that two processes opening one vault never race there.
///
/// SQLite's own locking protects the data once the schema exists; this covers the steps
/// before (creating tables) and beside it (deleting a corrupt file).
final class CacheFileLock {
  private var descriptor: Int32

  /// Waits for the lock; nil when the lock file cannot be opened (a read-only folder).
  init?(path: String) {
    let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return nil }
    while flock(descriptor, LOCK_EX) != 0 {
      if errno != EINTR {
        close(descriptor)
        return nil
      }
    }
    self.descriptor = descriptor
  }

  /// Lets the lock go; later calls do nothing.
  func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
