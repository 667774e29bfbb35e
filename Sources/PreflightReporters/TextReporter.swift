import Foundation
import PreflightReport

/// Human-readable output for a terminal: findings grouped by file, then diagnostics and a summary line.
public struct TextReporter: Reporter {
    /// At most this many diagnostics are listed; the rest are counted.
    static let diagnosticsShown = 20
    let color: Bool
    /// Print the per-category score card, not only the overall line.
    let scoreCard: Bool
    /// Include the diagnostics; without, they go elsewhere (standard error) through `renderDiagnostics`.
    let showsDiagnostics: Bool

    public init(color: Bool, scoreCard: Bool = false, showsDiagnostics: Bool = true) {
        self.color = color
        self.scoreCard = scoreCard
        self.showsDiagnostics = showsDiagnostics
    }

    public func render(_ report: Report) -> String {
        var out = ""
        var currentPath: String?
        for finding in report.findings {
            if finding.path != currentPath {
                if currentPath != nil { out += "\n" }
                out += paint(finding.path.escapingControlCharacters, .bold, .underline) + "\n"
                currentPath = finding.path
            }
            let location = "\(finding.line):\(finding.column)"
            let severity = paint(finding.severity.padding(to: 8), Self.style(for: finding.severity))
            let context = finding.context == "production" ? "" : paint("[\(finding.context)] ", .dim)
            out += "  \(paint(location.padding(to: 7), .dim)) \(severity) \(context)\(finding.message.escapingControlCharacters)  \(paint(finding.ruleId.escapingControlCharacters, .dim))\n"
            let snippet = finding.snippet.trimmingLeadingWhitespace().escapingControlCharacters
            if !snippet.isEmpty { out += "          \(paint("│", .dim)) \(snippet)\n" }
        }
        if !report.findings.isEmpty { out += "\n" }
        if showsDiagnostics { out += renderDiagnostics(report) }
        if let endpoints = report.inventory?.endpoints { out += Self.inventoryLine(endpoints) + "\n" }
        if let score = report.score { out += scoreLines(score) }
        if let comparison = report.comparison { out += render(comparison) }
        if let configuration = report.configuration { out += configuration.sentence + "\n" }
        out += summaryLine(report) + "\n"
        return out
    }

    /// The warnings and errors of a report, one a line, the first twenty.
    public func renderDiagnostics(_ report: Report) -> String {
        var out = ""
        let problems = report.diagnostics.filter { $0.level != "note" }
        for diagnostic in problems.prefix(Self.diagnosticsShown) {
            let label = diagnostic.level == "error" ? paint("error", .red, .bold) : paint("warning", .yellow)
            out += "\(label): \(diagnostic.path.escapingControlCharacters): \(diagnostic.message.escapingControlCharacters)\n"
        }
        if problems.count > Self.diagnosticsShown {
            out += "… and \(problems.count - Self.diagnosticsShown) more diagnostics (see --format json)\n"
        }
        return out
    }

    /// The trend since an earlier report: score deltas, then the findings fixed and the new ones.
    public func render(_ comparison: Report.Comparison) -> String {
        let baseline = comparison.baseline
        var out = "Trend since \(baseline.root.escapingControlCharacters)" + (baseline.commit.map { " at \($0.prefix(12).description.escapingControlCharacters)" } ?? "")
        if let overall = comparison.overall {
            out += ": readiness \(overall.old.map(String.init) ?? "–") → \(overall.new.map(String.init) ?? "–") (\(paint(Self.signed(overall.delta), Self.style(forDelta: overall.delta))))"
        }
        out += "\n"
        for (pack, delta) in comparison.categories.sorted(by: { $0.key < $1.key }) where delta.delta != 0 {
            let old = delta.old.map(String.init) ?? "–", new = delta.new.map(String.init) ?? "–"
            out += "  \(pack.padding(to: 14)) \(old.padding(to: 3)) → \(new.padding(to: 3)) \(paint(Self.signed(delta.delta), Self.style(forDelta: delta.delta)))\n"
        }
        for (label, findings) in [("Fixed", comparison.fixed), ("New", comparison.new)] {
            out += "\(label): \(findings.count)\n"
            for finding in findings.prefix(Self.trendShown) {
                out += "  \(paint(finding.severity.padding(to: 8), Self.style(for: finding.severity))) \(finding.path.escapingControlCharacters):\(finding.line)  \(finding.message.escapingControlCharacters)  \(paint(finding.ruleId.escapingControlCharacters, .dim))\n"
            }
            if findings.count > Self.trendShown { out += "  … and \(findings.count - Self.trendShown) more\n" }
        }
        out += "Unchanged: \(comparison.unchanged)\n"
        return out
    }

    /// Fixed and new findings listed in the trend before the rest is counted.
    static let trendShown = 20

    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    private static func style(forDelta delta: Int) -> [ANSIStyle] {
        delta > 0 ? [.green] : delta < 0 ? [.red] : [.dim]
    }

    /// `Readiness 72/100 (C) NO-GO, threshold 90`, and with the score card one line per category.
    private func scoreLines(_ score: Report.Score) -> String {
        var out = ""
        if scoreCard {
            for (pack, category) in score.categories.sorted(by: { $0.key < $1.key }) {
                let bar = String(repeating: "█", count: category.score / 10) + String(repeating: "░", count: 10 - category.score / 10)
                let cost = category.deductions.map { "\($0.ruleId) −\(Self.number($0.counted))" }.joined(separator: ", ")
                out += "  \(pack.padding(to: 14)) \(bar) \(String(category.score).padding(to: 3)) weight \(Self.number(category.weight))"
                out += category.findings > 0 ? "  \(category.findings) finding\(category.findings == 1 ? "" : "s"): \(cost)\n" : "\n"
            }
        }
        let verdict = score.verdict == "GO" ? paint(score.verdict, .green, .bold) : paint(score.verdict, .red, .bold)
        var line = "Readiness \(score.overall)/100 (\(score.grade)) \(verdict), threshold \(score.threshold)"
        if let reasons = score.reasons, !reasons.isEmpty { line += ": " + reasons.joined(separator: "; ") }
        if let known = score.baselineSentence() { line += "\n  " + known }
        return out + line + "\n"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// `113 endpoints in 15 files: 0 authenticated (0%), 0 rate-limited (0%)`.
    static func inventoryLine(_ endpoints: Report.Endpoints) -> String {
        func share(_ count: Int, of total: Int, _ label: String) -> String {
            guard total > 0 else { return "\(label) not checked" }
            return "\(count) \(label) (\(count * 100 / total)%)"
        }
        var line = "\(endpoints.total) endpoint\(endpoints.total == 1 ? "" : "s") in \(endpoints.files) file\(endpoints.files == 1 ? "" : "s"): "
        line += share(endpoints.authenticated, of: endpoints.authChecked, "authenticated") + ", "
        line += share(endpoints.rateLimited, of: endpoints.rateLimitChecked, "rate-limited")
        if endpoints.publicRoutes > 0 { line += ", \(endpoints.publicRoutes) public by design" }
        return line
    }

    /// `2 findings (1 critical, 1 high) in 1 file · 2 files scanned · 51 rules · 0.0s`.
    public func summaryLine(_ report: Report) -> String {
        let total = report.findings.count
        let files = Set(report.findings.map(\.path)).count
        var line: String
        if total == 0 {
            line = paint("No findings", .green, .bold)
        } else {
            let counts = ["critical", "high", "medium", "low", "info"].compactMap { severity -> String? in
                let count = report.summary.findingsBySeverity[severity, default: 0]
                return count > 0 ? paint("\(count) \(severity)", Self.style(for: severity)) : nil
            }
            line = paint("\(total) finding\(total == 1 ? "" : "s")", .bold) + " (" + counts.joined(separator: ", ") + ") in \(files) file\(files == 1 ? "" : "s")"
        }
        let summary = report.summary
        line += " · \(Self.count(summary.filesScanned, "file")) scanned"
        if summary.filesSkipped > 0 {
            let reasons = summary.skippedByReason.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            line += ", \(summary.filesSkipped) skipped (\(reasons))"
        }
        if let excluded = summary.excludedBySource, !excluded.isEmpty {
            line += ", excluded: " + excluded.sorted { $0.key < $1.key }.map { "\($0.value) by \($0.key)" }.joined(separator: ", ")
        }
        if let suppressed = report.suppressed, !suppressed.isEmpty {
            let byKind = Dictionary(grouping: suppressed) { $0.suppression?.kind ?? "inline" }
            let kinds = byKind.keys.sorted().map { "\(byKind[$0]!.count) \($0)" }
            line += " · \(suppressed.count) suppressed (\(kinds.joined(separator: ", ")))"
        }
        if summary.packagedDistribution == true { line += " · packaged distribution: no checks for CI, container or lock files" }
        line += " · \(summary.rulesRun) rules · \(Self.seconds(summary.durationMs))"
        if !summary.complete { line += " · " + paint("INCOMPLETE", .red, .bold) }
        return line
    }

    /// `1 file`, `2 files`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private static func seconds(_ milliseconds: Int) -> String {
        let tenths = (milliseconds + 50) / 100
        return "\(tenths / 10).\(tenths % 10)s"
    }

    static func style(for severity: String) -> [ANSIStyle] {
        switch severity {
        case "critical": return [.magenta, .bold]
        case "high": return [.red, .bold]
        case "medium": return [.yellow]
        case "low": return [.blue]
        default: return [.dim]
        }
    }

    private func paint(_ text: String, _ styles: ANSIStyle...) -> String { paint(text, styles) }

    private func paint(_ text: String, _ styles: [ANSIStyle]) -> String {
        guard color, !styles.isEmpty else { return text }
        return "\u{1B}[" + styles.map { String($0.rawValue) }.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}

/// The few ANSI SGR codes the text reporter uses.
enum ANSIStyle: Int {
    case bold = 1, dim = 2, underline = 4, red = 31, green = 32, yellow = 33, blue = 34, magenta = 35
}

extension String {
    /// The text followed by spaces up to `width` characters (unchanged when already as long).
    public func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func trimmingLeadingWhitespace() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }))
    }
}
