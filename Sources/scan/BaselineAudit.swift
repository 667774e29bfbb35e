import ArgumentParser
import Foundation
import PreflightCore

/// `scan baseline audit`: walks the findings that the baseline does not know yet, on a terminal, and records a
/// decision for each (accepted risk, false positive, to do) with an optional reason. Saved after every answer.
struct BaselineAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Review new findings one by one and record decisions in the baseline (needs a terminal)."
    )

    @OptionGroup var scan: ScanInvocation

    func run() throws {
        guard isatty(STDIN_FILENO) == 1 else {
            Console.error("error: baseline audit asks questions and needs a terminal; use 'scan baseline create' in scripts")
            throw ExitStatus.usageError.exitCode
        }
        var invocation = scan
        let path = invocation.baseline ?? Baseline.defaultFileName
        var baseline = FileManager.default.fileExists(atPath: path) ? try ScanInvocation.loadBaseline(path) : Baseline(entries: [])
        invocation.baseline = FileManager.default.fileExists(atPath: path) ? path : nil
        let findings = try invocation.run().result.findings
        guard !findings.isEmpty else {
            try Console.output("No new findings: nothing to audit.\n")
            return
        }
        var decided = 0
        for (number, finding) in findings.enumerated() {
            try Console.output("""

                [\(number + 1)/\(findings.count)] \(finding.severity.rawValue) \(finding.ruleId)
                \(finding.path):\(finding.region.start.line):\(finding.region.start.characterColumn)
                  \(finding.message)
                  │ \(finding.snippet.trimmingCharacters(in: .whitespaces))

                """)
            guard let status = try Self.ask() else { break }
            guard let status else { continue }
            try Console.output("Reason (optional): ")
            let reason = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
            var entry = Baseline.Entry(finding)
            entry.status = status
            entry.reason = reason?.isEmpty == false ? reason : nil
            baseline = baseline.recording(entry)
            try BaselineCommand.write(baseline, to: path)
            decided += 1
        }
        try Console.output("\nRecorded \(decided) decision\(decided == 1 ? "" : "s") in \(path).\n")
    }

    /// The decision typed: a status, `.some(nil)` to skip, nil to stop (q or end of input).
    private static func ask() throws -> Baseline.Status?? {
        while true {
            try Console.output("(a)ccepted risk, (f)alse positive, (t)odo, (s)kip, (q)uit: ")
            guard let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
            switch answer {
            case "a": return .some(.acceptedRisk)
            case "f": return .some(.falsePositive)
            case "t": return .some(.todo)
            case "s": return .some(nil)
            case "q": return nil
            default: continue
            }
        }
    }
}
