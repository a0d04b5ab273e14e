/// The annotations of one note's links, kept apart from the links: one string holding them
/// all, and where each ends.
///
/// A lean parse hands them over so (`Note.leaveOutForGraph`): a link that keeps only its
/// raw target can share it with every link written alike, where a link that kept its
/// annotation held a string of its own (at 100,000 generated notes, 1.7 million strings
/// while the vault was parsed).
public struct NoteAnnotations: Sendable {
  private var text: String
  private var ends: [UInt32]

  /// Takes the annotations out of `links`, letting go of their texts too
  /// (`Link.leaveOutTextAndAnnotation`), into one string as long as they need.
  init(takingFrom links: inout [Link]) {
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    ends.reserveCapacity(links.count)
    for position in links.indices {
      links[position].leaveOutTextAndAnnotation { bytes.append(contentsOf: $0) }
      // A note's annotations past 4 GiB cannot be; they would be a note of over 4 GiB.
      ends.append(UInt32(clamping: bytes.count))
    }
    text = String(decoding: bytes, as: UTF8.self)
    self.ends = ends
  }

  /// How many links the annotations are of.
  public var count: Int { ends.count }

  /// The annotation of the link at `position`.
  public subscript(position: Int) -> Substring {
    let start = position == 0 ? 0 : Int(ends[position - 1])
    let utf8 = text.utf8
    let from = utf8.index(utf8.startIndex, offsetBy: start)
    return Substring(utf8[from..<utf8.index(from, offsetBy: Int(ends[position]) - start)])
  }
}

/// The annotations of the notes a lean load parsed, by note id, kept while the vault's
/// links are resolved (`Vault(parsedAnnotations:)`): resolving a link reads the sections
/// its prose names there. The vault lets go of them once built; an annotation needed after
/// is read back from the note's file (`AnnotationStore`).
public struct ParsedAnnotations: Sendable {
  private let byID: [String: NoteAnnotations]

  public init(_ byID: [String: NoteAnnotations]) { self.byID = byID }

  /// The annotations of a note's links as parsed; nil when the note was not parsed so.
  public subscript(noteID: String) -> NoteAnnotations? { byID[noteID] }
}
