/// Where a vault reads back the annotations its links were loaded without
/// (`Link.annotationLeftOut`): the cache the notes came from.
///
/// An annotation is read only to find the sections a link's prose names
/// (`SectionMentionMatcher`), which happens again only for the few links an edit can move;
/// at 100,000 notes keeping all of them in memory costs 120 MB.
public protocol AnnotationStore: Sendable {
  /// The annotations of the stored copy of a note's links, in link order; nil when the
  /// store has no such note.
  func annotations(of noteID: String) -> [String]?
}

extension LinkResolver {
  /// Gives back the annotations left out of the links at `positions` of `note`, read in
  /// one go from the store. A link it cannot give one keeps the empty annotation (and
  /// its section mentions are not found).
  static func restoringAnnotations(
    _ links: inout [Link], at positions: [Int], of note: Note, from store: (any AnnotationStore)?
  ) -> [Int] {
    let leftOut = positions.filter { links[$0].annotationLeftOut }
    guard !leftOut.isEmpty, let stored = store?.annotations(of: note.id), stored.count == links.count
    else { return [] }
    for position in leftOut { links[position].annotation = stored[position] }
    return leftOut
  }
}
