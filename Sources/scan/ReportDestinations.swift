import ArgumentParser
import Foundation
import PreflightReport
import PreflightReporters

/// Where a report goes: one format to standard output or a file, and more formats to files from the same report.
struct ReportDestinations: ParsableArguments {
    @Option(help: "Output format: text, json, sarif, markdown or html.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to a file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write FORMAT to PATH from the same scan (text, json, sarif, markdown, html). Repeatable.", valueName: "format:path"))
    var reports: [ReportDestination] = []

    /// The files the reports go to.
    var files: [String] { [output].compactMap { $0 } + reports.map(\.path) }

    /// Renders and writes `report` everywhere asked; `skipTextOutput` leaves standard output empty for a text report.
    func write(_ report: Report, color: Bool, scoreCard: Bool, skipTextOutput: Bool = false) throws {
        let text = format.reporter(color: color, scoreCard: scoreCard).render(report)
        if let output {
            try Self.write(text, to: output)
        } else if !(skipTextOutput && format == .text) {
            Console.output(text)
        }
        for destination in reports {
            try Self.write(destination.format.reporter(color: false, scoreCard: true).render(report), to: destination.path)
        }
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            Console.error("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitStatus.usageError.exitCode
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// `--report FORMAT:PATH`.
struct ReportDestination: ExpressibleByArgument {
    let format: ReportFormat
    let path: String

    init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(argument[..<colon])) else { return nil }
        let path = String(argument[argument.index(after: colon)...])
        guard !path.isEmpty else { return nil }
        self.format = format
        self.path = path
    }
}
