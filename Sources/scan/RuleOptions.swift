import ArgumentParser
import Foundation
import PreflightBuiltinRules
import PreflightCore

/// Options that choose the rules: the built-in ones plus user rule directories.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A directory of rule files (.yml) to add; a rule with a built-in id replaces it. Repeatable.", valueName: "dir"))
    var directories: [String] = []

    /// Loads the rules (with the rule directories of the configuration after those of the command line), or
    /// prints every rule error (file:line:column) and exits with code 2.
    func load(configured: [String] = []) throws -> RuleSet {
        var sources = BuiltinRules.files.map { RuleSource(name: $0.path, text: $0.text, isBuiltin: true) }
        var unreadable: [RuleError] = []
        for directory in directories + configured {
            let files = RuleSource.files(inDirectory: directory)
            sources += files.sources
            unreadable += files.errors
        }
        do {
            return try RuleSet.load(sources, unreadable: unreadable)
        } catch {
            throw RuleOptions.fail(error, what: "rule")
        }
    }

    /// Prints every error of a rule or configuration file and returns the usage-error exit.
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
        let unknown = packs.filter { !ruleSet.packs.contains($0) }
        guard unknown.isEmpty else {
            Console.error("error: unknown pack\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")); packs are: \(ruleSet.packs.joined(separator: ", "))")
            throw ExitStatus.usageError.exitCode
        }
        return ruleSet.selecting(packs: packs)
    }
}

/// Writing to the standard streams.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
