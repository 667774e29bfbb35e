import ArgumentParser
import Foundation
import PreflightBuiltinRules
import PreflightCore

/// `scan test-rules [DIR]`: runs a rule directory's examples and annotated fixtures, case by case.
struct TestRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-rules",
        abstract: "Test the rules of a directory against their examples and annotated fixtures (no directory: the built-in rules' examples).",
        discussion: """
            Each rule's `examples` are scanned as written and with CRLF line ends, after a multibyte first line and \
            without a final newline; `↓` marks where a finding must start. Every file under DIR/fixtures/ is an \
            annotated fixture, scanned under its path below that folder with the directory's rules: a comment \
            `ruleid: <id>` expects a finding on the next line, `ok: <id>` expects none, and any other finding is noise. \
            Each case is reported as hit, miss, noise or clean with file:line; exit 1 on any miss or noise.
            """
    )

    @Argument(help: ArgumentHelp("A rule directory (as given to --rules).", valueName: "dir"))
    var directory: String?

    @Flag(name: [.short, .long], help: "Show only misses, noise and the totals.")
    var quiet = false

    func run() throws {
        let builtin = BuiltinRules.files.map { RuleSource(name: $0.path, text: $0.text, isBuiltin: true) }
        let all: RuleSet
        do throws(RuleLoadFailure) {
            let files = directory.map(RuleSource.files(inDirectory:))
            all = try RuleSet.load(builtin + (files?.sources ?? []), unreadable: files?.errors ?? [])
        } catch {
            throw RuleOptions.fail(error, what: "rule")
        }
        let tested = directory == nil ? all : RuleSet.userRules(of: all)
        let tester = RuleTester(rules: tested, context: all)
        var cases = tester.testExamples()
        if let directory {
            for (path, file) in Self.fixtures(in: directory) {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    Console.error("error: cannot read \(file) as UTF-8 text")
                    throw ExitStatus.usageError.exitCode
                }
                cases += tester.testFixture(text: text, path: path, file: file)
            }
        }
        var lines = ""
        for item in cases where !quiet || !item.outcome.passed {
            lines += "\(item.outcome.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(item.file):\(item.line)  \(item.ruleId)  \(item.detail)\n"
        }
        let count = { (outcome: RuleTester.Outcome) in cases.filter { $0.outcome == outcome }.count }
        lines += "\(tested.rules.count) rules, \(cases.count) cases: \(count(.hit)) hit, \(count(.clean)) clean, \(count(.miss)) miss, \(count(.noise)) noise\n"
        try Console.output(lines)
        if cases.isEmpty || cases.contains(where: { !$0.outcome.passed }) { throw ExitStatus.findings.exitCode }
    }

    /// The annotated fixtures of a rule directory: (path below the fixtures folder, path to read), sorted.
    static func fixtures(in directory: String) -> [(path: String, file: String)] {
        let root = URL(fileURLWithPath: directory).appendingPathComponent(RuleSource.fixturesFolder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, String)] = []
        for case let url as URL in walker where !url.hasDirectoryPath {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            found.append((relative, (directory as NSString).appendingPathComponent("\(RuleSource.fixturesFolder)/\(relative)")))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}
