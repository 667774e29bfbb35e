import Foundation
import PreflightReport
import PreflightReporters

/// Builds a report from the bytes (any text in paths, messages and snippets) and renders it in every format.
/// The JSON must decode back to the same report, the SARIF must be JSON, the HTML page must hold its data and
/// nothing else in its scripts, and no format may crash.
enum ReportersTarget {
    static let severities = ["critical", "high", "medium", "low", "info"]
    static let contexts = ["production", "test", "fixture", "example", "docs", "vendor", "generated", "archive", "development"]
    static let packs = ["dev-keys", "mocks", "auth", "security", "ops", "merge-markers", "pydantic", "rate-limit", "disabled"]

    static func run(_ data: [UInt8]) {
        var input = FuzzInput(data)
        let report = makeReport(&input)
        for format in ReportFormat.allCases {
            // Only the text format colours its output.
            for color in format == .text ? [false, true] : [false] {
                let output = format.reporter(color: color, scoreCard: input.bool()).render(report)
                switch format {
                case .json:
                    guard let decoded = try? JSONDecoder().decode(Report.self, from: Data(output.utf8)) else {
                        preconditionFailure("the JSON report does not decode")
                    }
                    require(decoded == report, "the JSON report does not decode to the report it was made from")
                case .sarif:
                    require((try? JSONSerialization.jsonObject(with: Data(output.utf8))) != nil, "the SARIF log is not JSON")
                case .html:
                    checkPage(output, findings: report.findings.count)
                case .text, .markdown:
                    break
                }
            }
        }
    }

    /// No text of the report can end or open an element of the page: it has exactly its two scripts, and the
    /// embedded data parses back to as many findings as the report has.
    static func checkPage(_ page: String, findings: Int) {
        let lowered = page.lowercased()
        require(lowered.components(separatedBy: "<script").count == 3 && lowered.components(separatedBy: "</script").count == 3,
                "the HTML page has other scripts than its own")
        let start = page.range(of: "<script type=\"application/json\" id=\"report-data\">")
        let end = start.flatMap { page.range(of: "</script>", range: $0.upperBound..<page.endIndex) }
        guard let start, let end else { preconditionFailure("the HTML page has no data") }
        let data = (try? JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8))) as? [String: Any]
        require((data?["findings"] as? [Any])?.count == findings, "the HTML page's data does not parse to the report's findings")
    }

    static func makeReport(_ input: inout FuzzInput) -> Report {
        var findings: [Report.Finding] = []
        for _ in 0..<input.int(below: 12) {
            let line = 1 + input.int(below: 5000)
            let column = 1 + input.int(below: 300)
            findings.append(Report.Finding(
                ruleId: input.pick(packs) + "-" + input.string(), pack: input.pick(packs), severity: input.pick(severities),
                confidence: input.pick(["high", "medium", "low"]), path: input.string(), line: line, column: column,
                endLine: line + input.int(below: 3), endColumn: column + input.int(below: 80), message: input.string(),
                snippet: input.string(), fingerprint: input.string(), context: input.pick(contexts),
                utf16Column: input.bool() ? column : nil, utf16EndColumn: nil, lineHash: input.bool() ? input.string() : nil
            ))
        }
        var diagnostics: [Report.Diagnostic] = []
        for _ in 0..<input.int(below: 4) {
            diagnostics.append(Report.Diagnostic(kind: input.pick(["binary", "too-large", "unreadable", "match-limit"]), level: input.pick(["note", "warning", "error"]),
                                                 path: input.string(), message: input.string(), ruleId: input.bool() ? input.string() : nil))
        }
        var endpoints: [Report.Endpoint] = []
        for _ in 0..<input.int(below: 6) {
            endpoints.append(Report.Endpoint(framework: input.pick(["fastapi", "flask", "express", "django"]), method: input.pick(["GET", "POST", "ANY"]),
                                             path: input.string(), file: input.string(), line: 1 + input.int(below: 900),
                                             authenticated: input.bool() ? input.bool() : nil, authenticationGuard: input.bool() ? input.string() : nil,
                                             rateLimited: input.bool() ? input.bool() : nil, rateLimitGuard: nil, public: input.bool()))
        }
        var bySeverity = Dictionary(uniqueKeysWithValues: severities.map { ($0, 0) })
        for finding in findings { bySeverity[finding.severity, default: 0] += 1 }
        let summary = Report.Summary(filesScanned: input.int(below: 10_000), filesSkipped: diagnostics.count, skippedByReason: [:],
                                     bytesScanned: input.int(below: 1 << 16), durationMs: 0, findingsBySeverity: bySeverity,
                                     complete: !diagnostics.contains { $0.level == "error" }, rulesRun: 139)
        var report = Report(tool: Report.Tool(name: "scan", version: "0.0.0"), root: input.string(), summary: summary,
                            diagnostics: diagnostics, findings: findings,
                            inventory: endpoints.isEmpty ? nil : Report.Inventory(endpoints: Report.Endpoints(items: endpoints)))
        if input.bool() {
            var categories: [String: Report.Score.Category] = [:]
            for pack in packs.prefix(1 + input.int(below: packs.count)) {
                let count = findings.filter { $0.pack == pack }.count
                let deductions = findings.filter { $0.pack == pack }.map {
                    Report.Score.Deduction(ruleId: $0.ruleId, findings: 1, points: Double(input.int(below: 40)), counted: Double(input.int(below: 40)) / 4)
                }
                categories[pack] = Report.Score.Category(score: input.int(below: 101), weight: Double(1 + input.int(below: 4)) / 4, findings: count, deductions: deductions)
            }
            let overall = input.int(below: 101)
            report.score = Report.Score(overall: overall, grade: input.pick(["A", "B", "C", "D", "F"]), verdict: input.pick(["go", "no-go"]),
                                        threshold: input.int(below: 101), criticalFindings: bySeverity["critical"] ?? 0, categories: categories)
        }
        return report
    }
}
