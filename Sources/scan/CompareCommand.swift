import ArgumentParser
import Foundation
import PreflightReport
import PreflightReporters

/// `scan compare OLD.json NEW.json`: the trend between two JSON reports.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Show the trend between two JSON reports: score change per category, findings fixed and new.",
        discussion: "Findings are matched by fingerprint. Exits 1 when NEW has findings that OLD did not have."
    )

    @Argument(help: ArgumentHelp("The earlier JSON report.", valueName: "old.json"))
    var old: String

    @Argument(help: ArgumentHelp("The later JSON report.", valueName: "new.json"))
    var new: String

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write to a file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Never colour the output.")
    var noColor = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    func run() throws {
        let comparison = Report.Comparison(old: try ReportFile.load(old), new: try ReportFile.load(new))
        let text: String
        switch format {
        case .text:
            let color = !noColor && output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            text = TextReporter(color: color).render(comparison)
        case .json:
            text = String(decoding: try JSONReporter.encoder().encode(comparison), as: UTF8.self) + "\n"
        case .markdown:
            text = MarkdownReporter().render(comparison)
        }
        if let output {
            try ReportDestinations.write(text, to: output)
        } else {
            try Console.output(text)
        }
        if !comparison.new.isEmpty { throw ExitStatus.findings.exitCode }
    }
}
