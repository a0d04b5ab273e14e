#if canImport(Glibc)
  import Glibc
#endif

/// Returns to the system the memory malloc keeps after large frees. Once the notes' texts
/// are indexed, or the browser's outline is let go of for the whole vault, hundreds of
/// megabytes are free but still resident: glibc keeps them for later allocations. Through
/// glibc's `malloc_trim`, looked up at run time (its header is not in Swift's Glibc
/// module); elsewhere it does nothing.
public enum FreedMemory {
  public static func giveBack() {
    #if canImport(Glibc)
      typealias Trim = @convention(c) (Int) -> Int32
      // RTLD_DEFAULT: the symbol wherever the process has it.
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
      _ = unsafeBitCast(symbol, to: Trim.self)(0)
    #endif
  }
}
