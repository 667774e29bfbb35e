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
              scan .                          every pack over the current directory
              scan check:dev-keys .           one pack
              scan check:merge-markers src/ lib/
              scan --format json --output findings.json .
              scan rules                      list the rules
              scan validate:production .      every pack, the readiness score card; exit 1 on NO-GO
              scan --format sarif -o results.sarif .
              scan compare before.json after.json
              scan --staged                   the staged content (what git commit records)
              scan --since origin/main .      only what the branch adds
              scan baseline create            record today's findings; then --baseline .scan-baseline.json
              scan hook install               a git pre-commit hook
              scan --shard 1/4 --format json -o s1.json .   then: scan merge s*.json
              scan test-rules my-rules/       test your rules' examples and fixtures

            Configuration: .scan.yml in the scan root or above (docs/config.md).

            Exit codes: 0 no finding at or above --fail-on (GO for validate:production); 1 findings (NO-GO);
            2 usage, configuration or rule error; 3 scan incomplete (reports still written); 4 an output
            could not be written.
            """,
        version: PreflightVersion.text,
        subcommands: [CheckCommand.self, RulesCommand.self, CompareCommand.self, BaselineCommand.self, HookCommand.self, MergeCommand.self, TestRulesCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// The names of the subcommands, for suggestions.
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// Parses and runs, mapping usage errors to exit code 2 (ArgumentParser's own default is 64).
    static func main() {
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
