import ArgumentParser
import Foundation
import PreflightCore
import PreflightReport
import PreflightReporters

/// `scan rules`: lists the rules with their id, pack, severity and title.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules: id, pack, severity, title."
    )

    @Argument(help: ArgumentHelp("Packs to list, as check:PACK.", valueName: "check:pack"))
    var selection: [String] = []

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    @Option(help: ArgumentHelp("Write the reference page of each listed pack, as DIR/<pack>.md.", valueName: "dir"))
    var docs: String?

    @Flag(help: "Print each listed rule's regex on one line, its flags scoped to it, for `rg -P -f` (benchmarks).")
    var exportPatterns = false

    @Option(help: "With --export-patterns: pcre2 (rg -P) or rust (ripgrep's default engine: named groups become plain groups).")
    var patternSyntax: PatternExport.Syntax = .pcre2

    @OptionGroup var ruleOptions: RuleOptions

    enum ListFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// One line of the JSON listing.
    struct Entry: Codable {
        let id: String
        let pack: String
        let severity: String
        let confidence: String
        let title: String
        let tags: [String]
        let source: String
    }

    func run() throws {
        let targets = TargetSelection(selection)
        guard targets.paths.isEmpty else {
            throw ValidationError("'scan rules' takes only check:PACK arguments, not paths (\(targets.paths.joined(separator: ", ")))")
        }
        let rules = try targets.rules(from: ruleOptions.load()).rules
        if exportPatterns {
            try Console.output(rules.map { PatternExport.line(for: $0, syntax: patternSyntax) + "\n" }.joined())
            return
        }
        if let docs {
            let infos = rules.map(Report.RuleInfo.init)
            for pack in Set(rules.map(\.pack)).sorted() {
                let path = (docs as NSString).appendingPathComponent("\(pack).md")
                try ReportDestinations.write(RuleDocumentation.page(pack: pack, rules: infos), to: path)
            }
            return
        }
        switch format {
        case .json:
            let entries = rules.map {
                Entry(id: $0.id, pack: $0.pack, severity: $0.severity.rawValue, confidence: $0.confidence.rawValue,
                      title: $0.title, tags: $0.tags, source: $0.origin.file)
            }
            try Console.output(String(decoding: try JSONReporter.encoder().encode(entries), as: UTF8.self) + "\n")
        case .text:
            let idWidth = rules.map(\.id.count).max() ?? 2
            let packWidth = rules.map(\.pack.count).max() ?? 4
            var out = ""
            for rule in rules.sorted(by: { ($0.pack, $0.id) < ($1.pack, $1.id) }) {
                out += "\(rule.id.padding(to: idWidth))  \(rule.pack.padding(to: packWidth))  \(rule.severity.rawValue.padding(to: 8))  \(rule.title)\n"
            }
            out += "\(rules.count) rules in \(Set(rules.map(\.pack)).count) packs\n"
            try Console.output(out)
        }
    }
}

extension PatternExport.Syntax: ExpressibleByArgument {}
