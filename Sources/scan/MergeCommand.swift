import ArgumentParser
import Foundation
import PreflightCore
import PreflightReport
import PreflightReporters

/// `scan merge A.json B.json ...`: one report, with one score, from the JSON reports of a sharded scan.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the JSON reports of `scan --shard I/N` jobs into one report with one score.",
        discussion: """
            Example: three CI jobs run `scan --shard 1/3 --format json -o shard-1.json .` (2/3, 3/3), then \
            `scan merge shard-*.json --report sarif:results.sarif --report markdown:readiness.md` writes the reports \
            of the whole tree. Every part of one run must be given once (exit 2 otherwise). Exits 1 on findings at \
            or above --fail-on, or with --fail-on-no-go on a NO-GO verdict.
            """
    )

    @Argument(help: ArgumentHelp("The JSON reports of the shards.", valueName: "report.json"))
    var inputs: [String]

    @OptionGroup var destinations: ReportDestinations

    @Option(help: "Lowest severity that makes the exit code 1.")
    var failOn: Severity = .low

    @Flag(help: "Exit 1 on a NO-GO verdict instead of on findings (as validate:production).")
    var failOnNoGo = false

    @Flag(help: "Exit 0 even with findings.")
    var exitZero = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give the JSON reports to merge") }
    }

    func run() throws {
        let merged: Report
        do {
            merged = try Report.merging(try inputs.map(ReportFile.load), names: inputs)
        } catch let error as ReportMergeError {
            Console.error("error: \(error.message)")
            throw ExitStatus.usageError.exitCode
        }
        try destinations.write(merged, color: false, scoreCard: true)
        if !merged.summary.complete { throw ExitStatus.incomplete.exitCode }
        if exitZero { return }
        if failOnNoGo {
            if merged.score?.verdict != "GO" { throw ExitStatus.findings.exitCode }
        } else if merged.findings.contains(where: { Severity(rawValue: $0.severity).map { $0 >= failOn } ?? true }) {
            throw ExitStatus.findings.exitCode
        }
    }
}
