import ArgumentParser
import Foundation
import PreflightCore

/// `scan baseline create|prune|audit`: record today's findings as known, drop entries that no longer match, and
/// review new findings one by one.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record current findings as known, so that scans with --baseline report only new ones.",
        discussion: """
            Entries are keyed by rule id, path and content fingerprint, never by line: a known finding stays known \
            when lines above it move. Entries may carry status (accepted-risk, false-positive, todo), reason and \
            expires (YYYY-MM-DD); after that day the finding is reported again. A known finding leaves the list of \
            findings but still counts in the readiness score unless it is an accepted risk or a false positive \
            with a reason.
            """,
        subcommands: [Create.self, Prune.self, BaselineAudit.self]
    )

    /// `scan baseline create`: the baseline of every current finding (decisions in an existing file are kept).
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a baseline of the current findings.")

        @OptionGroup var scan: ScanInvocation

        @Option(name: [.short, .long], help: ArgumentHelp("The baseline file to write.", valueName: "file"))
        var output: String = Baseline.defaultFileName

        func run() throws {
            let run = try scan.run(writing: [output])
            let previous = FileManager.default.fileExists(atPath: output) ? try ScanInvocation.loadBaseline(output) : nil
            let findings = run.result.findings + run.result.suppressed.filter { $0.suppression?.kind == .baseline }
            let baseline = Baseline(findings: findings, keepingDecisionsOf: previous)
            try BaselineCommand.write(baseline, to: output)
            let decided = baseline.entries.filter { $0.status != nil || $0.reason != nil }.count
            Console.error("Recorded \(baseline.entries.count) finding\(baseline.entries.count == 1 ? "" : "s") in \(output)"
                + (decided > 0 ? " (\(decided) with decisions kept)" : ""))
        }
    }

    /// `scan baseline prune`: drops entries whose finding is gone.
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop baseline entries that no longer match a finding.",
            discussion: "Only entries of rules that ran and of paths that were scanned can be dropped."
        )

        @OptionGroup var scan: ScanInvocation

        func run() throws {
            var invocation = scan
            let path = invocation.baseline ?? Baseline.defaultFileName
            invocation.baseline = path
            let run = try invocation.run()
            let known = try ScanInvocation.loadBaseline(path)
            let rulesRun = Set((run.report.rules ?? []).map(\.id))
            let roots = run.plan.targets.map(\.displayPath)
            let (pruned, removed) = known.pruned(keeping: run.result.findings + run.result.suppressed) { entry in
                rulesRun.contains(entry.ruleId) && roots.contains { $0.isEmpty || entry.path == $0 || entry.path.hasPrefix($0 + "/") }
            }
            try BaselineCommand.write(pruned, to: path)
            Console.error("Removed \(removed) entr\(removed == 1 ? "y" : "ies") that no longer match; \(pruned.entries.count) remain in \(path)")
        }
    }

    static func write(_ baseline: Baseline, to path: String) throws {
        try ReportDestinations.write(String(decoding: baseline.encoded(), as: UTF8.self), to: path)
    }
}
