import CNcurses
import Glibc

/// Restores the terminal when the process is interrupted, terminated or crashes.
///
/// The handlers call `endwin` (leaving the alternate screen, showing the cursor, echo
/// back on), put the default action back and raise the signal again, so that the process
/// ends exactly as it would have, with a usable terminal behind it.
enum SignalGuard {
  static let restoring: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
  static let crashing: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

  /// Installs the handlers for the life of the screen.
  static func install() {
    for signalNumber in restoring + crashing {
      signal(signalNumber) { received in
        endwin()
        signal(received, SIG_DFL)
        raise(received)
      }
    }
  }

  /// Puts the default handlers back once the terminal is restored.
  static func uninstall() {
    for signalNumber in restoring + crashing { signal(signalNumber, SIG_DFL) }
  }
}
