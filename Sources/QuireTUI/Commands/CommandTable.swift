/// What a command does, named once; the keymap and the help screen refer to it.
public enum CommandID: String, Sendable, Hashable, CaseIterable {
  case moveDown, moveUp, pageDown, pageUp, top, bottom
  case nextLink, previousLink, follow, back, forward
  case nextPane, navigatorPane, notePane, contextPane
  case outline, backlinks, outgoingLinks, jump, search, nextMatch, previousMatch
  case sort, openExternal, edit, help, close, quit
}

/// A group of commands on the help screen.
public enum CommandGroup: String, Sendable, Hashable, CaseIterable {
  case moving = "Moving"
  case links = "Links and history"
  case panes = "Panes"
  case finding = "Finding notes"
  case other = "Other"
}

/// A command: its id, the keys that run it, a line of help and its group.
public struct Command: Sendable, Hashable {
  public var id: CommandID
  public var keys: [Key]
  public var help: String
  public var group: CommandGroup

  public init(_ id: CommandID, _ keys: [Key], _ help: String, _ group: CommandGroup) {
    self.id = id
    self.keys = keys
    self.help = help
    self.group = group
  }

  /// The keys as help shows them: `j / ↓`.
  public var keyLabel: String { keys.map(\.label).joined(separator: " / ") }
}

/// Every command of the browser, declared once: keymap, `?` help and README come from here.
public enum CommandTable {
  public static let all: [Command] = [
    Command(.moveDown, [.character("j"), .down], "Move down (scroll the note, next item)", .moving),
    Command(.moveUp, [.character("k"), .up], "Move up", .moving),
    Command(.pageDown, [.pageDown, .character(" ")], "Page down", .moving),
    Command(.pageUp, [.pageUp], "Page up", .moving),
    Command(.top, [.character("g"), .home], "Go to the top", .moving),
    Command(.bottom, [.character("G"), .end], "Go to the bottom", .moving),
    Command(.nextLink, [.tab], "Select the next link in the note", .links),
    Command(.previousLink, [.backTab], "Select the previous link in the note", .links),
    Command(.follow, [.enter], "Follow the selected link, or open the selected item", .links),
    Command(
      .back, [.backspace, .character("h"), .left], "Back in history (keeps scroll and link)", .links),
    Command(.forward, [.character("l"), .right], "Forward in history", .links),
    Command(.openExternal, [.character("x")], "Open the selected external link (xdg-open)", .links),
    Command(.nextPane, [.character("w")], "Focus the next pane (or tab)", .panes),
    Command(.navigatorPane, [.character("1")], "Show the navigator (notes by type)", .panes),
    Command(.notePane, [.character("2")], "Show the note", .panes),
    Command(.contextPane, [.character("3")], "Show the context pane", .panes),
    Command(.outline, [.character("o")], "Outline of the note's sections; Enter jumps", .panes),
    Command(
      .backlinks, [.character("b")], "Backlinks of the note, grouped by section (cursor's first)",
      .panes),
    Command(.outgoingLinks, [.character("L")], "Outgoing links of the note", .panes),
    Command(.sort, [.character("s")], "Sort the navigator by title or by date", .panes),
    Command(.search, [.character("/")], "Full-text search; results update as you type", .finding),
    Command(.jump, [.ctrl("p")], "Jump to a note by title, alias or file name (fuzzy)", .finding),
    Command(.nextMatch, [.character("n")], "Next match of the last search in the note", .finding),
    Command(
      .previousMatch, [.character("N")], "Previous match of the last search in the note", .finding),
    Command(.edit, [.character("e")], "Edit the note in $EDITOR, reload on return", .other),
    Command(.help, [.character("?")], "This help", .other),
    Command(.close, [.escape], "Close a prompt, the help or a pane", .other),
    Command(.quit, [.character("q")], "Quit", .other),
  ]

  /// The command a key runs, if any.
  public static func command(for key: Key) -> CommandID? { keymap[key] }

  static let keymap: [Key: CommandID] = {
    var map: [Key: CommandID] = [:]
    for command in all {
      for key in command.keys where map[key] == nil { map[key] = command.id }
    }
    return map
  }()

  /// The commands by group, in table order, as the help screen lists them.
  public static var grouped: [(group: CommandGroup, commands: [Command])] {
    CommandGroup.allCases.map { group in (group, all.filter { $0.group == group }) }
      .filter { !$0.commands.isEmpty }
  }

  /// The key list as a Markdown table, for the README (`docs/KEYS.md`).
  public static func markdownKeyList() -> String {
    var lines = ["| keys | action | group |", "| --- | --- | --- |"]
    for command in all {
      let keys = command.keys.map { "`\($0.label == "`" ? "``" : $0.label)`" }
        .joined(separator: ", ")
      let help = command.help.map { $0 == "|" ? "\\|" : String($0) }.joined()
      lines.append("| \(keys) | \(help) | \(command.group.rawValue) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
