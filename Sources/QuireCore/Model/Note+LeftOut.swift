/// What a lean load leaves out of a note, and how a note gets it back.
///
/// The graph reads a note's names, headings and links' targets; its texts, its links'
/// texts and annotations and most of its front matter are read only to show or index the
/// note. A lean load keeps them where the note came from (its file or the vault's cache)
/// and marks each part left out, so that nothing stores the note without them.
extension Note {
  /// Whether any part was left out: the texts, the front matter, or a link's text or
  /// annotation.
  public var leavesOutAnything: Bool {
    textsLeftOut || frontMatterLeftOut
      || links.contains { $0.annotationLeftOut || $0.textLeftOut }
  }

  /// Lets go of what the graph does not read, as the note is parsed: its texts, its links'
  /// texts and annotations, and its front matter but `graphFields`. The annotations are
  /// handed back apart, as the numbers of their words in `words`: resolving a link reads
  /// the sections its prose names there, and the vault reads them from there while it
  /// resolves (`Vault(parsedAnnotations:)`). Each link keeps its raw target alone, which a
  /// `LinkStringPool` can share.
  public mutating func leaveOutForGraph(words: Locked<WordTable>) -> NoteAnnotations {
    leaveOutTexts()
    leaveOutFrontMatter()
    // A new list, as long as it needs: the parser's, grown by appending, has room to spare.
    var kept = links.map { $0 }
    let annotations = NoteAnnotations(takingFrom: &kept, words: words)
    links = kept
    return annotations
  }

  /// This note with the parts it left out given back from `whole`, the same note read
  /// whole (from its file, or the row that stores it). The links stay this note's (resolved,
  /// where `whole`'s may not be). Nil when `whole` is not the same note: another number of
  /// links, or a link written otherwise.
  public func restoringLeftOut(from whole: Note) -> Note? {
    guard whole.id == id, whole.links.count == links.count else { return nil }
    var restored = self
    for position in links.indices {
      let link = links[position]
      guard link.annotationLeftOut || link.textLeftOut else { continue }
      let wholeLink = whole.links[position]
      guard wholeLink.raw == link.raw else { return nil }
      if link.annotationLeftOut { restored.links[position].annotation = wholeLink.annotation }
      if link.textLeftOut { restored.links[position].text = wholeLink.text }
    }
    if frontMatterLeftOut { restored.frontMatter = whole.frontMatter }
    if textsLeftOut { restored.texts = whole.texts }
    return restored
  }
}
