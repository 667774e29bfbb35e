import ArgumentParser
import Foundation
import PreflightBuiltinRules
import PreflightCore

/// Options that choose the rules: the built-in ones plus user rule directories.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A directory of rule files (.yml) to add; a rule with a built-in id replaces it. Repeatable.", valueName: "dir"))
    var directories: [String] = []

    /// Loads the rules, or prints every rule error (file:line:column) and exits with code 2.
    func load() throws -> RuleSet {
        do {
            return try loadRules()
        } catch {
            throw RuleOptions.fail(error, what: "rule")
        }
    }

    /// Loads the built-in rules and those of the rule directories (the command line's, then `configured`).
    func loadRules(configured: [String] = []) throws(RuleLoadFailure) -> RuleSet {
        var sources = BuiltinRules.files.map { RuleSource(name: $0.path, text: $0.text, isBuiltin: true) }
        var unreadable: [RuleError] = []
        for directory in directories + configured {
            let files = RuleSource.files(inDirectory: directory)
            sources += files.sources
            unreadable += files.errors
        }
        return try RuleSet.load(sources, unreadable: unreadable)
    }

    /// Prints every error of the rule and configuration files and returns the usage-error exit.
    static func fail(_ failure: RuleLoadFailure, what: String) -> ExitCode {
        Console.error(failure.description)
        let count = failure.errors.count
        Console.error("\(count) \(what) error\(count == 1 ? "" : "s"); nothing was scanned.")
        return ExitStatus.usageError.exitCode
    }
}

/// Picks packs out of positional arguments: `check:dev-keys`, `check:dev-keys,merge-markers`.
struct TargetSelection {
    static let prefix = "check:"
    /// `validate:production`: every pack, the score card, and exit 1 on NO-GO.
    static let validate = "validate:production"
    var packs: [String] = []
    var paths: [String] = []
    var validateProduction = false

    init(_ arguments: [String]) {
        for argument in arguments {
            if argument == Self.validate {
                validateProduction = true
            } else if argument.hasPrefix(Self.prefix) {
                packs += argument.dropFirst(Self.prefix.count).split(separator: ",").map(String.init)
            } else {
                paths.append(argument)
            }
        }
    }

    /// The rules of the selected packs, or exit 2 naming the packs that do not exist.
    func rules(from ruleSet: RuleSet) throws -> RuleSet {
        try Self.checkPacks(packs, in: ruleSet)
        return ruleSet.selecting(packs: packs)
    }

    /// Exits 2 naming the packs of `packs` that `ruleSet` does not have, with the closest name of each.
    static func checkPacks(_ packs: [String], in ruleSet: RuleSet) throws {
        let unknown = packs.filter { !ruleSet.packs.contains($0) }
        guard unknown.isEmpty else {
            let named = unknown.map { "'\($0.escapingControlCharacters)'\(Suggestion.hint(Suggestion.closest(to: $0, among: ruleSet.packs)))" }
            Console.error("error: unknown pack\(unknown.count == 1 ? "" : "s") \(named.joined(separator: ", ")); packs are: \(ruleSet.packs.joined(separator: ", "))")
            throw ExitStatus.usageError.exitCode
        }
    }

    /// What a path that does not exist may have been meant as: a command (`scan rule`), `validate:production` or a
    /// pack (`chek:dev-keys`).
    static func meaning(of missing: String, packs: [String]) -> String? {
        let candidates = ScanTool.commandNames + [validate] + packs.map { prefix + $0 }
        return Suggestion.closest(to: missing, among: candidates)
    }
}

/// Writing to the standard streams, never trapping on a closed or full stream.
enum Console {
    /// A message on standard error; lost, not fatal, when standard error cannot be written.
    static func error(_ text: String, newline: Bool = true) {
        let bytes = Array((newline ? text + "\n" : text).utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            offset += count
        }
    }

    /// Text on standard output, or exit 4 saying why it could not be written.
    static func output(_ text: String) throws {
        try ReportDestinations.write(text, to: OutputFile.standardOutput)
    }
}
