/// GitHub-style heading anchors.
public enum Slug {
  /// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to `-`.
  ///
  /// Letters and digits of any script are kept, as are `-` and `_`.
  /// `"The Postern Door"` gives `the-postern-door`; `"Is Matter Seeing Itself?"` gives
  /// `is-matter-seeing-itself`.
  public static func make(_ heading: String) -> String {
    if let ascii = makeASCII(heading) { return ascii }
    var slug = ""
    slug.reserveCapacity(heading.utf8.count)
    for scalar in heading.lowercased().unicodeScalars {
      if scalar.isASCII {
        // ASCII needs no Unicode property look-up.
        let value = scalar.value
        if scalar == " " {
          slug.append("-")
        } else if scalar == "-" || scalar == "_" || (value >= 0x61 && value <= 0x7A)
          || (value >= 0x30 && value <= 0x39)
        {
          slug.unicodeScalars.append(scalar)
        }
      } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
        || scalar.properties.numericType != nil
        || scalar.properties.generalCategory == .nonspacingMark
      {
        slug.unicodeScalars.append(scalar)
      }
    }
    return slug
  }

  /// `make` for a heading in plain ASCII, byte by byte (most headings are); nil otherwise.
  private static func makeASCII(_ heading: String) -> String? {
    var heading = heading
    return heading.withUTF8 { bytes -> String? in
      var slug: [UInt8] = []
      slug.reserveCapacity(bytes.count)
      for byte in bytes {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte | 0x20)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
          UInt8(ascii: "-"), UInt8(ascii: "_"):
          slug.append(byte)
        case UInt8(ascii: " "): slug.append(UInt8(ascii: "-"))
        case 0x80...: return nil
        default: break
        }
      }
      return String(decoding: slug, as: UTF8.self)
    }
  }

  /// Slugs for a note's headings in order, made unique the GitHub way (`x`, `x-1`, `x-2`).
  ///
  /// As GitHub does it: a slug already given gets the next free number of its base, and
  /// every slug handed out counts as given, so `Argument-1` after two `Argument`s is
  /// `argument-1-1`.
  public static func unique(_ headings: [String]) -> [String] {
    var occurrences: [String: Int] = [:]
    return headings.map { heading in
      let base = make(heading)
      var slug = base
      while occurrences[slug] != nil {
        let next = (occurrences[base] ?? 0) + 1
        occurrences[base] = next
        slug = "\(base)-\(next)"
      }
      occurrences[slug] = 0
      return slug
    }
  }
}

/// How section names compare when prose mentions them.
public enum SectionName {
  /// A comparison key: lower case, punctuation folded to spaces, a leading article dropped.
  ///
  /// `"The Postern Door"`, `"postern door"` and `"Postern Door:"` share the key `postern door`.
  public static func key(_ name: String) -> String {
    let words = words(of: name)
    guard let first = words.first else { return "" }
    let articles: Set<String> = ["the", "a", "an"]
    let kept = words.count > 1 && articles.contains(first) ? Array(words.dropFirst()) : words
    return kept.joined(separator: " ")
  }

  /// Lower-cased words of a text, split on anything that is not a letter or digit.
  ///
  /// Apostrophes inside a word are dropped rather than splitting it (`model's` → `models`).
  public static func words(of text: String) -> [String] {
    var words: [String] = []
    var current = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        current.unicodeScalars.append(scalar)
      } else if scalar == "'" || scalar == "\u{2019}" {
        continue
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
