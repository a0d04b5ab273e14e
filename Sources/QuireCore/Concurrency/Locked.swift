#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A value guarded by a pthread mutex, for state shared between threads.
///
/// It stands in for `Synchronization.Mutex`, whose Linux form takes and hands over a
/// contended lock inside the kernel (`FUTEX_LOCK_PI`), where ThreadSanitizer cannot see
/// it: TSan then reports a "Swift access race" on the guarded value whenever two threads
/// met at the lock. pthread calls are intercepted by TSan, so this lock is visible to it
/// and the sanitizer runs report only real races.
public final class Locked<Value: Sendable>: @unchecked Sendable {
  /// Allocated once and never moved: a pthread mutex must keep its address.
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  /// Read and written only while `mutex` is held.
  private var value: Value

  public init(_ value: Value) {
    self.value = value
    mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deinitialize(count: 1)
    mutex.deallocate()
  }

  /// Runs `body` with the value while holding the lock, and returns what it returns.
  public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&value)
  }
}
