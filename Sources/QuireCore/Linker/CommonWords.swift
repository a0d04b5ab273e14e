/// Everyday English words: a note whose whole title is one of these ("Method", "Notes",
/// "Behavioral") is not looked for in prose unless the word is one of its aliases, since
/// prose uses such words all the time without meaning the note.
enum CommonWords {
  static func contains(_ word: String) -> Bool { words.contains(word.lowercased()) }

  static let words: Set<String> = [
    "a", "about", "above", "across", "after", "again", "against", "all", "also", "always",
    "an", "analysis", "and", "another", "answer", "any", "approach", "are", "area", "argument",
    "around", "as", "at", "back", "background", "base", "be", "because", "been", "before",
    "behavior", "behaviour", "behavioral", "being", "below", "between", "both", "but", "by",
    "can", "case", "cases", "change", "claim", "class", "code", "concept", "concepts",
    "conclusion", "context", "could", "data", "day", "definition", "design", "did", "do",
    "does", "done", "down", "draft", "each", "effect", "end", "even", "evidence", "example",
    "fact", "few", "field", "figure", "finding", "findings", "first", "for", "form", "from",
    "general", "get", "give", "goal", "good", "group", "had", "has", "have", "he", "her",
    "here", "high", "his", "home", "how", "i", "idea", "if", "in", "index", "inbox", "into",
    "is", "issue", "it", "its", "just", "key", "kind", "know", "large", "last", "later",
    "lens", "lenses", "less", "level", "like", "line", "list", "little", "log", "long", "look",
    "low", "made", "main", "make", "many", "may", "me", "meeting", "method", "methods",
    "might", "mind", "model", "models", "more", "most", "much", "must", "my", "name", "need",
    "new", "next", "no", "not", "note", "notes", "now", "number", "of", "off", "old", "on",
    "one", "only", "open", "or", "order", "other", "our", "out", "over", "overview", "own",
    "page", "paper", "papers", "part", "people", "person", "place", "plan", "point", "present",
    "problem", "project", "projects", "question", "questions", "read", "reading", "readme",
    "reason", "references", "related", "research", "result", "results", "review", "right",
    "same", "scope", "section", "see", "set", "shape", "she", "should", "show", "side", "since",
    "small", "so", "some", "source", "sources", "start", "state", "status", "still", "study",
    "such", "summary", "system", "take", "task", "tasks", "test", "than", "that", "the",
    "their", "them", "then", "theory", "there", "these", "they", "thing", "things", "think",
    "this", "those", "thread", "threads", "through", "time", "to", "today", "todo", "too",
    "topic", "training", "two", "type", "under", "up", "us", "use", "used", "very", "view",
    "was", "way", "we", "week", "well", "were", "what", "when", "where", "which", "while",
    "who", "why", "will", "with", "work", "world", "would", "write", "year", "you", "your",
  ]
}
