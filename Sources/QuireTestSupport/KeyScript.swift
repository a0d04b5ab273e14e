import QuireTUI

/// Keys written as a script: `j j <Tab> <Enter> /sleeper <Esc> <C-p>`.
///
/// Plain words type their characters; `<Name>` is a special key (Tab, S-Tab, Enter, Esc,
/// BS, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space, C-x for Ctrl-x).
public enum KeyScript {
  public static func parse(_ script: String) -> [Key] {
    var keys: [Key] = []
    for word in script.split(separator: " ") {
      if word.hasPrefix("<"), word.hasSuffix(">"), word.count > 2 {
        keys.append(special(String(word.dropFirst().dropLast())))
      } else {
        keys += word.map { Key.character($0) }
      }
    }
    return keys
  }

  static func special(_ name: String) -> Key {
    switch name {
    case "Tab": .tab
    case "S-Tab": .backTab
    case "Enter": .enter
    case "Esc": .escape
    case "BS": .backspace
    case "Up": .up
    case "Down": .down
    case "Left": .left
    case "Right": .right
    case "PgUp": .pageUp
    case "PgDn": .pageDown
    case "Home": .home
    case "End": .end
    case "Space": .character(" ")
    default:
      if name.hasPrefix("C-"), let letter = name.last { .ctrl(letter) } else { .character("?") }
    }
  }
}
