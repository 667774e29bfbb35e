import ArgumentParser
import Foundation

/// The `scan` command: production-readiness checks over a repository.
@main
struct ScanTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find what stands between a codebase and production: dev keys, secrets, merge markers and more.",
        discussion: """
            Examples:
              scan .                        every pack over the current directory
              scan check:dev-keys .         one pack
              scan check:merge-markers src/ lib/
              scan --format json -o findings.json .
              scan --format sarif -o results.sarif .
              scan rules                    list the rules
              scan validate:production .    the readiness score card; exit 1 on NO-GO
              scan compare before.json after.json
              scan --staged                 what git commit would record
              scan --since origin/main .    only what the branch adds
              scan baseline create          record today's findings as known
              scan hook install             a git pre-commit hook
              scan --shard 1/4 --format json -o s1.json .
              scan merge s*.json            one report from the shards
              scan test-rules my-rules/     test your rules' examples and fixtures

            Configuration: .scan.yml in the scan root or above (docs/config.md).

            Exit codes: 0 nothing at or above --fail-on (GO for validate:production); \
            1 findings (NO-GO); 2 usage, configuration or rule error, nothing was \
            scanned; 3 the scan is incomplete (the reports were still written, the \
            verdict is INCOMPLETE); 4 an output could not be written.
            """,
        version: PreflightVersion.text,
        subcommands: [CheckCommand.self, RulesCommand.self, CompareCommand.self, BaselineCommand.self, HookCommand.self, MergeCommand.self, TestRulesCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// The names of the subcommands, for suggestions.
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// `scan --help`: the overview and examples, then the options of a scan (the default command, which most
    /// runs are), then the other commands.
    static var overallHelp: String {
        let root = helpMessage()
        let check = helpMessage(for: CheckCommand.self)
        guard let rootUsage = root.range(of: "USAGE:"), let commands = root.range(of: "SUBCOMMANDS:"),
              let checkUsage = check.range(of: "USAGE:") else { return root }
        return String(root[..<rootUsage.lowerBound]) + String(check[checkUsage.lowerBound...]).replacingOccurrences(of: "scan check ", with: "scan [check] ")
            + "\n" + String(root[commands.lowerBound...])
    }

    /// Parses and runs, mapping usage errors to exit code 2 (ArgumentParser's own default is 64).
    static func main() {
        if ["--help", "-h", "help"].contains(CommandLine.arguments.dropFirst().first ?? "") && CommandLine.arguments.count == 2 {
            do { try Console.output(overallHelp + "\n") } catch { exit(withError: error) }
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(ExitStatus.usageError.rawValue)
            }
            exit(withError: error)
        }
    }
}
