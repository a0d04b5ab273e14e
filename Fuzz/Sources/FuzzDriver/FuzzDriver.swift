/// What every libFuzzer target here shares: handing the process to libFuzzer's driver.
///
/// SwiftPM links an executable with its `main` renamed to `<Target>_main`, so libFuzzer's
/// own `main` never runs; each target defines that symbol and calls `FuzzDriver.run`,
/// which passes the arguments and the per-input callback to `LLVMFuzzerRunDriver`.
public enum FuzzDriver {
  /// libFuzzer's per-input callback: the input's bytes and count; returns 0.
  public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  /// Runs libFuzzer over the command line (corpus folders, `-max_total_time=`, ...).
  public static func run(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, test: TestOneInput
  ) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, test)
  }

  /// An input as an array of bytes (libFuzzer may pass a null pointer for an empty one).
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: FuzzDriver.TestOneInput
) -> CInt
