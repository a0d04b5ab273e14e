import Foundation

/// Where the search cache of a vault lives: one database per vault path.
///
/// The folder is `$XDG_CACHE_HOME/quire/`, else `~/.cache/quire/`; the file name joins the
/// vault folder's name (for people looking in the folder) with a hash of its absolute
/// path (so two vaults of the same name never share a cache).
public enum CacheLocation {
  /// The cache folder the environment names.
  public static func directory(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("quire")
    }
    let home =
      environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? FileManager.default.homeDirectoryForCurrentUser.path
    return URL(fileURLWithPath: home, isDirectory: true)
      .appendingPathComponent(".cache").appendingPathComponent("quire")
  }

  /// The database file for a vault inside a cache folder.
  public static func databaseURL(vaultRoot: URL, in directory: URL) -> URL {
    let path = vaultRoot.standardizedFileURL.resolvingSymlinksInPath().path
    let hash = String(StableHash.fnv1a(Array(path.utf8)), radix: 16)
    let padded = String(repeating: "0", count: max(0, 16 - hash.count)) + hash
    let name = vaultRoot.standardizedFileURL.lastPathComponent
    let safe = String(
      name.unicodeScalars.filter {
        ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_")
          && $0.isASCII
      }.map(Character.init)
    ).prefix(32)
    return directory.appendingPathComponent((safe.isEmpty ? "vault" : String(safe)) + "-" + padded + ".sqlite")
  }
}

/// A hash that is the same in every run (Swift's `Hasher` is seeded per process).
enum StableHash {
  /// 64-bit FNV-1a.
  static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }
}
