import Foundation
import PreflightReport

/// A triage report for a security review: score card, endpoints, then findings by pack and severity with a
/// checkbox each, production code first and the rest folded away. Long lists are cut per rule, with counts.
public struct MarkdownReporter: Reporter {
    /// Findings shown per rule before the rest is counted.
    static let perRule = 10
    /// Endpoints listed before the rest is counted.
    static let endpointsShown = 50
    /// New and fixed findings listed in the trend before the rest is counted.
    static let trendShown = 50
    /// Rules listed under "Fix first".
    static let fixFirstShown = 5
    static let severities = Report.severityOrder

    public init() {}

    public func render(_ report: Report) -> String {
        var out = "# Readiness report: \(code(report.root))\n\n"
        var facts = [TextReporter.count(report.summary.filesScanned, "file") + " scanned"]
        if let commit = report.commit { facts.append("commit `\(commit.prefix(12))`") }
        if report.summary.filesSkipped > 0 { facts.append("\(report.summary.filesSkipped) skipped") }
        facts.append("\(report.summary.rulesRun) rules")
        if !report.summary.complete { facts.append("**incomplete scan: see diagnostics**") }
        out += facts.joined(separator: " · ") + "\n\n"
        if let configuration = report.configuration { out += "**\(escape(configuration.sentence))**\n\n" }
        if let score = report.score { out += scoreCard(score, tool: report.tool) }
        out += overview(report)
        out += fixFirst(report)
        if let comparison = report.comparison { out += render(comparison) }
        if let endpoints = report.inventory?.endpoints { out += self.endpoints(endpoints) }
        let production = report.findings.filter { $0.context == "production" }
        let others = report.findings.filter { $0.context != "production" }
        let rules = Dictionary(uniqueKeysWithValues: (report.rules ?? []).map { ($0.id, $0) })
        out += "## Findings in production code (\(production.count))\n\n"
        out += production.isEmpty ? "None.\n\n" : findings(production, rules: rules, tool: report.tool)
        if !others.isEmpty {
            let contexts = Set(others.map(\.context)).sorted().joined(separator: ", ")
            out += "<details>\n<summary>Likely non-production: \(contexts) (\(others.count) findings)</summary>\n\n"
            out += findings(others, rules: rules, tool: report.tool)
            out += "</details>\n\n"
        }
        if let suppressed = report.suppressed, !suppressed.isEmpty { out += self.suppressed(suppressed) }
        let problems = report.diagnostics.filter { $0.level != "note" }
        if !problems.isEmpty {
            out += "## Diagnostics (\(problems.count))\n\n"
            for diagnostic in problems.prefix(50) { out += "- **\(diagnostic.level)** \(code(diagnostic.path.escapingControlCharacters)): \(escape(diagnostic.message))\n" }
            if problems.count > 50 { out += "- … and \(problems.count - 50) more\n" }
            out += "\n"
        }
        out += "## Totals\n\n| severity | findings |\n| --- | --- |\n"
        for severity in Self.severities { out += "| \(severity) | \(report.summary.findingsBySeverity[severity, default: 0]) |\n" }
        out += "| **all** | **\(report.findings.count)** |\n"
        return out
    }

    /// The trend since an earlier report, as a section: score deltas per category, then fixed and new findings.
    public func render(_ comparison: Report.Comparison) -> String {
        let baseline = comparison.baseline
        var out = "## Trend since \(code(baseline.root))" + (baseline.commit.map { " at `\($0.prefix(12))`" } ?? "") + "\n\n"
        if let overall = comparison.overall {
            out += "Readiness \(overall.old.map(String.init) ?? "–") → **\(overall.new.map(String.init) ?? "–")** (\(TextReporter.signed(overall.delta))). "
        }
        out += "\(comparison.fixed.count) fixed, \(comparison.new.count) new, \(comparison.unchanged) unchanged.\n\n"
        let moved = comparison.categories.filter { $0.value.delta != 0 }
        if !moved.isEmpty {
            out += "| category | before | after | change |\n| --- | ---: | ---: | ---: |\n"
            for (pack, delta) in moved.sorted(by: { ($0.value.delta, $0.key) < ($1.value.delta, $1.key) }) {
                out += "| \(pack) | \(delta.old.map(String.init) ?? "–") | \(delta.new.map(String.init) ?? "–") | \(TextReporter.signed(delta.delta)) |\n"
            }
            out += "\n"
        }
        for (label, findings) in [("New findings", comparison.new), ("Fixed findings", comparison.fixed)] where !findings.isEmpty {
            out += "### \(label) (\(findings.count))\n\n"
            for finding in findings.prefix(Self.trendShown) {
                out += "- **\(finding.severity)** \(code("\(finding.path.escapingControlCharacters):\(finding.line)")) — \(escape(finding.message)) (`\(finding.ruleId)`)\n"
            }
            if findings.count > Self.trendShown { out += "- … and \(findings.count - Self.trendShown) more\n" }
            out += "\n"
        }
        return out
    }

    /// Charts that GitHub draws from Mermaid blocks: each category's score as bars, and the findings by pack as a
    /// pie. Left out where a chart would have a single bar or slice.
    private func overview(_ report: Report) -> String {
        var out = ""
        if let categories = report.score?.categories, categories.count > 1 {
            let ordered = categories.sorted { ($0.value.score, $0.key) < ($1.value.score, $1.key) }
            out += "```mermaid\nxychart-beta\n    title \"Readiness by category\"\n"
            out += "    x-axis [" + ordered.map { Self.mermaidLabel($0.key) }.joined(separator: ", ") + "]\n"
            out += "    y-axis \"score\" 0 --> 100\n    bar [" + ordered.map { String($0.value.score) }.joined(separator: ", ") + "]\n```\n\n"
        }
        let byPack = Dictionary(grouping: report.findings, by: \.pack)
        if byPack.count > 1 {
            out += "```mermaid\npie showData\n    title Findings by pack\n"
            for (pack, findings) in byPack.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
                out += "    \(Self.mermaidLabel(pack)) : \(findings.count)\n"
            }
            out += "```\n\n"
        }
        return out
    }

    /// A pack name as a quoted Mermaid label; Mermaid has no escape for a quote inside one.
    private static func mermaidLabel(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ").escapingControlCharacters + "\""
    }

    /// The rules with production findings, most severe and most frequent first: what the meeting starts with.
    private func fixFirst(_ report: Report) -> String {
        let ranked = report.rulesToFixFirst
        guard !ranked.isEmpty else { return "" }
        let titles = Dictionary(uniqueKeysWithValues: (report.rules ?? []).map { ($0.id, $0.title) })
        var out = "### Fix first\n\n"
        for (index, rule) in ranked.prefix(Self.fixFirstShown).enumerated() {
            let files = rule.files
            let places = files.prefix(3).map { code($0) }.joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more files" : "")
            let count = rule.findings.count
            out += "\(index + 1). **\(rule.severity)** · \(escape(titles[rule.ruleId] ?? rule.ruleId)): \(count) finding\(count == 1 ? "" : "s") in \(places)\n"
        }
        if ranked.count > Self.fixFirstShown { out += "\nAnd \(ranked.count - Self.fixFirstShown) more rules with production findings below.\n" }
        return out + "\n"
    }

    private func scoreCard(_ score: Report.Score, tool: Report.Tool) -> String {
        var out = "## Score: \(score.overall)/100 (\(score.grade)) · **\(score.verdict)**\n\n"
        out += "Threshold \(score.threshold)."
        if score.criticalFindings > 0 { out += " Capped at 59 by \(score.criticalFindings) critical finding\(score.criticalFindings == 1 ? "" : "s") in production code." }
        if let reasons = score.reasonsSentence { out += " " + escape(reasons) }
        if let known = score.baselineSentence() { out += " " + known }
        let scoring = tool.informationUri.map { "[docs/scoring.md](\($0)/blob/main/docs/scoring.md)" } ?? "docs/scoring.md"
        out += " How it is computed: \(scoring).\n\n| category | score | weight | findings | largest costs |\n| --- | ---: | ---: | ---: | --- |\n"
        for (pack, category) in score.categories.sorted(by: { ($0.value.score, $0.key) < ($1.value.score, $1.key) }) {
            let costs = category.deductions.sorted { $0.counted > $1.counted }.prefix(3).map { "`\($0.ruleId)` −\(Self.number($0.counted))" }
            out += "| \(pack) | \(category.score) | \(Self.number(category.weight)) | \(category.findings) | \(costs.joined(separator: ", ")) |\n"
        }
        return out + "\n"
    }

    private func endpoints(_ endpoints: Report.Endpoints) -> String {
        var out = "## Endpoints\n\n" + TextReporter.inventoryLine(endpoints) + ".\n\n"
        out += "| method | path | file | authenticated | rate-limited | guard |\n| --- | --- | --- | --- | --- | --- |\n"
        let ordered = endpoints.items.sorted { ($0.authenticated == true ? 1 : 0, $0.file, $0.line) < ($1.authenticated == true ? 1 : 0, $1.file, $1.line) }
        for item in ordered.prefix(Self.endpointsShown) {
            let guardText = item.guards.map { guardItem in
                code(guardItem.text, inTable: true) + (guardItem.at.map { " at " + code($0.escapingControlCharacters, inTable: true) } ?? "")
            }.joined(separator: ", ")
            out += "| \(escape(item.method)) | \(code(item.path, inTable: true)) | \(code("\(item.file.escapingControlCharacters):\(item.line)", inTable: true)) | \(Self.flag(item.authenticated, public: item.public)) | \(Self.flag(item.rateLimited, public: false)) | \(guardText) |\n"
        }
        if ordered.count > Self.endpointsShown { out += "\n… and \(ordered.count - Self.endpointsShown) more endpoints (see the JSON report).\n" }
        return out + "\n"
    }

    private func findings(_ findings: [Report.Finding], rules: [String: Report.RuleInfo], tool: Report.Tool) -> String {
        var out = ""
        let byPack = Dictionary(grouping: findings, by: \.pack)
        for pack in byPack.keys.sorted(by: { Self.worst(byPack[$0]!) < Self.worst(byPack[$1]!) || (Self.worst(byPack[$0]!) == Self.worst(byPack[$1]!) && $0 < $1) }) {
            let packFindings = byPack[pack]!
            out += "### \(pack) (\(packFindings.count))\n\n"
            for severity in Self.severities {
                let bySeverity = packFindings.filter { $0.severity == severity }
                guard !bySeverity.isEmpty else { continue }
                out += "#### \(severity) (\(bySeverity.count))\n\n"
                let byRule = Dictionary(grouping: bySeverity, by: \.ruleId)
                for ruleId in byRule.keys.sorted() {
                    let ruleFindings = byRule[ruleId]!
                    let title = rules[ruleId]?.title ?? ruleId
                    let link = RuleDocumentation.url(ruleId: ruleId, pack: pack, informationUri: tool.informationUri)
                    let name = link.map { "[`\(ruleId)`](\($0))" } ?? "`\(ruleId)`"
                    out += "**\(escape(title))** (\(name), \(ruleFindings.count))\n\n"
                    for finding in ruleFindings.prefix(Self.perRule) {
                        out += "- [ ] accept / fix · \(code("\(finding.path.escapingControlCharacters):\(finding.line)")) — \(escape(finding.message))\n"
                        if !finding.snippet.isEmpty {
                            out += "  ```\n  \(finding.snippet.escapingControlCharacters.replacingOccurrences(of: "```", with: "ʼʼʼ"))\n  ```\n"
                        }
                    }
                    if ruleFindings.count > Self.perRule { out += "- … and \(ruleFindings.count - Self.perRule) more of this rule (see the JSON report)\n" }
                    if let help = rules[ruleId]?.help {
                        out += "\n<details>\n<summary>How to fix</summary>\n\n\(help.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControlCharacters }.joined(separator: "\n"))\n\n</details>\n"
                    }
                    out += "\n"
                }
            }
        }
        return out
    }

    /// Suppressed findings, folded: what was accepted, where, and why; a reviewer checks the reasons.
    private func suppressed(_ findings: [Report.Finding]) -> String {
        var out = "<details>\n<summary>Suppressed (\(findings.count)): hidden by inline comments or the baseline</summary>\n\n"
        out += "| rule | location | by | status | reason |\n| --- | --- | --- | --- | --- |\n"
        for finding in findings.prefix(500) {
            let suppression = finding.suppression
            var status = suppression?.status ?? ""
            if let expires = suppression?.expires { status += (status.isEmpty ? "" : ", ") + "until \(expires)" }
            let reason = suppression?.reason.map { escape($0) } ?? "*no reason given*"
            out += "| \(code(finding.ruleId, inTable: true)) | \(code("\(finding.path.escapingControlCharacters):\(finding.line)", inTable: true)) | "
                + "\(suppression?.kind ?? "") | \(escape(status)) | \(reason) |\n"
        }
        if findings.count > 500 { out += "\n… and \(findings.count - 500) more in the JSON report.\n" }
        return out + "\n</details>\n\n"
    }

    /// The rank of the most severe finding (0 for critical), to list the worst packs first.
    private static func worst(_ findings: [Report.Finding]) -> Int {
        findings.map { Report.severityRank($0.severity) }.min() ?? severities.count
    }

    private static func flag(_ value: Bool?, public isPublic: Bool) -> String {
        if isPublic { return "public" }
        switch value {
        case true?: return "yes"
        case false?: return "**no**"
        case nil: return "–"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Prose from scanned files safe inside Markdown table cells and list items: no table pipes, no line breaks,
    /// no raw HTML, no link or image (`[x](javascript:...)` stays text), and control characters shown as escapes.
    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").escapingControlCharacters
            .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "|", with: "\\|")
    }

    /// `text` as an inline code span (control characters as escapes); a text with backticks gets a longer fence.
    /// In a table cell a pipe must be escaped even inside code (GFM removes that backslash there, and only there).
    private func code(_ text: String, inTable: Bool = false) -> String {
        var body = text.replacingOccurrences(of: "\n", with: " ").escapingControlCharacters
        if inTable { body = body.replacingOccurrences(of: "|", with: "\\|") }
        return body.contains("`") ? "`` \(body) ``" : "`\(body)`"
    }
}
