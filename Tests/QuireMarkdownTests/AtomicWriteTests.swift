import Foundation
import XCTest

@testable import QuireMarkdown

final class AtomicWriteTests: XCTestCase {
  struct Interrupted: Error {}

  func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("quire-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url.path
  }

  func testAWriteInterruptedBeforeTheRenameLeavesTheOriginal() throws {
    let folder = try temporaryFolder()
    let path = folder + "/note.md"
    try Data("old contents\n".utf8).write(to: URL(fileURLWithPath: path))
    let writer = AtomicFileWriter { step in
      if step == .beforeRename { throw Interrupted() }
    }
    XCTAssertThrowsError(try writer.write(Array("new contents\n".utf8), to: path))
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old contents\n")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["note.md"], "temp file removed")
  }

  func testAWriteReplacesTheContentsAndKeepsTheMode() throws {
    let folder = try temporaryFolder()
    let path = folder + "/note.md"
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(chmod(path, 0o600), 0)
    try AtomicFileWriter().write(Array("new".utf8), to: path)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0)
    XCTAssertEqual(info.st_mode & 0o777, 0o600)
  }

  func testASnapshotNoticesAChangedFile() throws {
    let folder = try temporaryFolder()
    let path = folder + "/note.md"
    try Data("one".utf8).write(to: URL(fileURLWithPath: path))
    let snapshot = try FileSnapshot.read(path)
    XCTAssertNoThrow(try snapshot.verifyUnchanged())
    try Data("two".utf8).write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try snapshot.verifyUnchanged())
  }

  func testCreateRefusesAnExistingFile() throws {
    let folder = try temporaryFolder()
    let path = folder + "/note.md"
    try AtomicFileWriter().create(Array("a".utf8), at: path)
    XCTAssertThrowsError(try AtomicFileWriter().create(Array("b".utf8), at: path))
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "a")
  }
}
