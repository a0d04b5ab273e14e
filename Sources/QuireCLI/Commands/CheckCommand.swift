import ArgumentParser
import Foundation
import QuireCore

/// `quire check`: the vault's broken links, orphans and other problems.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Report broken links, orphans and other problems.",
    discussion: """
      Prints one line per problem: path:line:col: severity: message [rule]. Exit status: 0 when clean (info lines only), 1 when problems are found, 2 on error. Rules: \(VaultChecker.rules.map(\.id).joined(separator: ", ")).

      Example: quire check --rule broken-link --json
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Flag(help: "Print JSON.") var json = false
  @Option(name: .customLong("rule"), help: "Run only this rule (repeatable).") var rules: [String] = []
  @Flag(help: "List the rules and exit.") var listRules = false

  func run() throws {
    if listRules {
      for rule in VaultChecker.rules {
        print("\(rule.id.padding(16)) \(rule.severity.rawValue.padding(8)) \(rule.summary)")
      }
      return
    }
    let known = Set(VaultChecker.rules.map(\.id))
    if let unknown = rules.first(where: { !known.contains($0) }) {
      throw CLIFailure("unknown rule '\(unknown)'; see quire check --list-rules")
    }
    let vault = try vaultOptions.load()
    var checker = VaultChecker(today: Self.today(), only: Set(rules))
    if checker.runs("unlinked-mention") {
      // Counted as `quire link` counts them, so a note reports none once it has been linked.
      let planner = LinkPlanner(vault: vault)
      for plan in VaultFiles(root: vault.root).plans(for: vault.notes, planner: planner) {
        if !plan.changes.isEmpty { checker.unlinkedMentions[plan.note.id] = plan.changes.count }
        if let skipped = plan.skipped { checker.mentionsSkipped[plan.note.id] = skipped }
      }
    }
    let problems = checker.check(vault)
    if json {
      let items = problems.map { problem -> JSONValue in
        .object([
          ("path", .string(problem.path)), ("line", .int(problem.line)),
          ("column", .int(problem.column)), ("severity", .string(problem.severity.rawValue)),
          ("rule", .string(problem.rule)), ("message", .string(problem.message)),
        ])
      }
      print(JSONValue.object([("vault", .string(vault.root)), ("problems", .array(items))]).serialized())
    } else {
      let styler = Styler.standardOutput()
      for problem in problems {
        let severity: String
        switch problem.severity {
        case .error: severity = styler.apply([.red, .bold], "error")
        case .warning: severity = styler.apply(.yellow, "warning")
        case .info: severity = styler.apply(.cyan, "info")
        }
        print(
          "\(styler.text(problem.path)):\(problem.line):\(problem.column): \(severity): "
            + "\(styler.text(problem.message)) \(styler.apply(.dim, "[\(problem.rule)]"))")
      }
      let counted = problems.filter { $0.severity != .info }
      let checked = Self.count(vault.notes.count, "note")
      let summary =
        counted.isEmpty
        ? "\(checked) checked: no problems." : "\(checked) checked: \(Self.count(counted.count, "problem"))."
      FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
    if problems.contains(where: { $0.severity != .info }) { throw ExitCode(1) }
  }

  /// "1 note", "2 notes".
  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  /// Today as (year, month, day); `QUIRE_TODAY=YYYY-MM-DD` fixes it for tests.
  static func today() -> (year: Int, month: Int, day: Int) {
    if let fixed = ProcessInfo.processInfo.environment["QUIRE_TODAY"],
      let day = VaultChecker.parseDate(fixed)
    {
      return day
    }
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
    return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }
}
