import QuireCore

/// Finds the byte ranges of a Markdown file that hold prose: text a reader would read as
/// sentences, where the linker may look for names of other notes.
///
/// Everything else is left out: front matter, headings, code blocks and code spans, HTML,
/// the text of links and images, `[[wikilinks]]`, autolinked URLs. Ranges are offsets into
/// the whole file (BOM and front matter included), ascending and disjoint. Consecutive text on
/// the lines of one paragraph forms one range, so a name wrapped onto the next line is found.
///
/// The ranges come from the converter's one walk over cmark's tree
/// (`NoteParser.parse(...collectingProse: true)`); callers that also need the note take both
/// from that one call instead of parsing twice.
public enum ProseRanges {
  /// The prose ranges of a file's bytes.
  public static func find(in bytes: [UInt8]) -> [Range<Int>] {
    NoteParser.parse(id: "", bytes: bytes, collectingProse: true).prose
  }
}
