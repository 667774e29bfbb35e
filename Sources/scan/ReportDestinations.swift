import ArgumentParser
import Foundation
import PreflightReport
import PreflightReporters

/// Where a report goes: one format to standard output or a file, and more formats to files from the same report.
struct ReportDestinations: ParsableArguments {
    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to a file instead of standard output (- for standard output).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write FORMAT to PATH from the same scan (text, json, sarif, markdown, html). Repeatable.", valueName: "format:path"))
    var reports: [ReportDestination] = []

    /// The files the reports go to (`-` is standard output, not a file).
    var files: [String] { ([output].compactMap { $0 } + reports.map(\.path)).filter { $0 != OutputFile.standardOutput } }

    /// Renders and writes `report` everywhere asked; `skipTextOutput` leaves standard output empty for a text report.
    /// A text report on standard output sends its diagnostics to standard error; a report written to a file
    /// leaves the one-line summary on standard error (unless `quiet`). Every destination is tried; when one
    /// could not be written, each failure is printed and the exit is 4.
    func write(_ report: Report, color: Bool, scoreCard: Bool, skipTextOutput: Bool = false, quiet: Bool = false) throws {
        var failures: [OutputFile.Failure] = []
        func attempt(_ text: @autoclosure () -> String, to path: String) {
            do { try OutputFile.write(text(), to: path) } catch { failures.append(error) }
        }
        let destination = output ?? OutputFile.standardOutput
        if format == .text && destination == OutputFile.standardOutput {
            let text = TextReporter(color: color, scoreCard: scoreCard, showsDiagnostics: false)
            let diagnostics = text.renderDiagnostics(report)
            if !diagnostics.isEmpty { Console.error(diagnostics, newline: false) }
            if !skipTextOutput { attempt(text.render(report), to: destination) }
        } else {
            attempt(format.reporter(color: color, scoreCard: scoreCard).render(report), to: destination)
        }
        for extra in reports {
            attempt(extra.format.reporter(color: false, scoreCard: true).render(report), to: extra.path)
        }
        if destination != OutputFile.standardOutput && !quiet && !failures.contains(where: { $0.path == destination }) {
            Console.error(TextReporter(color: false).summaryLine(report) + " · report in \(destination)")
        }
        try Self.fail(failures)
    }

    /// Prints each failure and exits 4 when there is any (a reader that closed standard output early is none).
    static func fail(_ failures: [OutputFile.Failure]) throws {
        let failures = failures.filter { !$0.readerLeft }
        guard !failures.isEmpty else { return }
        for failure in failures { Console.error("error: \(failure)") }
        throw ExitStatus.outputError.exitCode
    }

    /// Writes `text` to `path` (`-` for standard output), or prints why not and exits 4.
    static func write(_ text: String, to path: String) throws {
        do {
            try OutputFile.write(text, to: path)
        } catch {
            try fail([error])
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
