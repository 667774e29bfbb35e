import ArgumentParser
import Foundation
import PreflightCore
import PreflightReport
import PreflightReporters

/// `scan [check:PACK...] [PATH...]`: runs the rules over the paths and reports.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Scan paths with every pack, or with the packs named as check:PACK (the default command)."
    )

    @OptionGroup var scan: ScanInvocation

    @OptionGroup var destinations: ReportDestinations

    @Option(help: ArgumentHelp("Compare with an earlier JSON report: score change per category, findings fixed and new.", valueName: "old.json"))
    var compare: String?

    @Option(help: ArgumentHelp("Lowest severity that makes the exit code 1 (default: fail-on in .scan.yml, else low).", valueName: "severity"))
    var failOn: Severity?

    @Flag(help: "Exit 0 even with findings (errors still exit 2, 3 or 4).")
    var exitZero = false

    @Option(help: "Colour: auto is a terminal without NO_COLOR.")
    var color: ColorChoice = .auto

    @Flag(help: "Never colour the output (same as --color never).")
    var noColor = false

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    func run() throws {
        let run = try scan.run(writing: destinations.files)
        var report = run.report
        let selection = run.selection
        if let compare { report.comparison = Report.Comparison(old: try ReportFile.load(compare), new: report) }
        let clean = report.findings.isEmpty && report.diagnostics.isEmpty
        try destinations.write(report, color: useColor, scoreCard: selection.validateProduction, skipTextOutput: scan.quiet && clean, quiet: scan.quiet)
        let threshold = failOn ?? run.settings?.failOn ?? .low
        let status = exitStatus(run.result, failOn: threshold, gateVerdict: selection.validateProduction ? report.score?.verdict : nil)
        if scan.staged && status != .clean { Console.error(Self.blockedCommit(status)) }
        if status != .clean { throw status.exitCode }
    }

    /// Incomplete scans exit 3; otherwise validate:production exits 1 on NO-GO (whatever --fail-on says) and a
    /// plain scan on findings at or above --fail-on; --exit-zero turns both into 0.
    private func exitStatus(_ result: ScanResult, failOn: Severity, gateVerdict: String?) -> ExitStatus {
        if !result.isComplete { return .incomplete }
        if exitZero { return .clean }
        if let gateVerdict { return gateVerdict == "GO" ? .clean : .findings }
        return result.findings.contains { $0.severity >= failOn } ? .findings : .clean
    }

    /// What a pre-commit hook that fails shows: that the commit was blocked, and the ways on.
    static func blockedCommit(_ status: ExitStatus) -> String {
        guard status == .findings else {
            return "Commit blocked: the staged content could not be checked completely (exit \(status.rawValue)); see the messages above. To commit anyway, once: git commit --no-verify"
        }
        return """
            Commit blocked: the staged content holds the findings above. Ways on:
              - fix the lines and stage them again (git add);
              - a finding that is acceptable: a comment on its line or the line above,
                # \(SuppressionDirective.keyword) RULE-ID -- the reason
              - findings the repository already had: scan baseline create, then commit .scan-baseline.json
                and name it in .scan.yml (baseline: .scan-baseline.json);
              - commit anyway, once: git commit --no-verify
            """
    }

    private var useColor: Bool {
        if destinations.output.map({ $0 != OutputFile.standardOutput }) == true || noColor { return false }
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if environment["NO_COLOR"].map({ !$0.isEmpty }) == true || environment["TERM"] == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}

extension Severity: ExpressibleByArgument {}
