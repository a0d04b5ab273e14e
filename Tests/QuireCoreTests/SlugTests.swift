import QuireCore
import XCTest

final class SlugTests: XCTestCase {
  func testGitHubSlugs() {
    let cases: [(String, String)] = [
      ("The Postern Door", "the-postern-door"),
      ("Is Matter Seeing Itself?", "is-matter-seeing-itself"),
      ("Key results", "key-results"),
      ("Why it matters", "why-it-matters"),
      ("C++ & Rust: a comparison", "c--rust-a-comparison"),
      ("snake_case and kebab-case", "snake_case-and-kebab-case"),
      ("Émergence über alles", "émergence-über-alles"),
      ("数据 分析", "数据-分析"),
      ("  padded  ", "--padded--"),
      ("", ""),
    ]
    for (heading, slug) in cases {
      XCTAssertEqual(Slug.make(heading), slug, "slug of \(heading)")
    }
  }

  func testDuplicateHeadingsGetNumberedSlugs() {
    XCTAssertEqual(
      Slug.unique(["Argument", "Argument", "Argument-1", "Argument"]),
      ["argument", "argument-1", "argument-1-1", "argument-2"])
  }

  func testSectionNameKeysIgnoreArticlesCaseAndPunctuation() {
    let cases: [(String, String)] = [
      ("The Postern Door", "postern door"),
      ("postern door:", "postern door"),
      ("A Positive Formation", "positive formation"),
      ("An Open Question?", "open question"),
      ("The", "the"),
      ("Model's view", "models view"),
    ]
    for (name, key) in cases {
      XCTAssertEqual(SectionName.key(name), key, "key of \(name)")
    }
  }
}
