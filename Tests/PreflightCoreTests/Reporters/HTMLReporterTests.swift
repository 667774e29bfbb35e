import Foundation
import Testing
import PreflightReport
import PreflightReporters

/// The HTML page keeps every text of the report as text: a file name, message or snippet made of markup cannot add
/// an element or a script, and the page's Content-Security-Policy names the hashes of exactly its own style and
/// script. (The page's behaviour in a browser is checked by the CLI tests in headless Chromium.)
@Suite struct HTMLReporterTests {
    static let hostile = "</script><img src=x onerror=alert(1)><!--"

    static func report() -> Report {
        var finding = Report.Finding(ruleId: "dev-keys-test", pack: "dev-keys", severity: "high", confidence: "high", path: "app/\(hostile).py",
                                     line: 3, column: 1, endLine: 3, endColumn: 9, message: "message \(hostile)", snippet: "snippet \(hostile)",
                                     fingerprint: "f1", context: "production")
        finding.utf16Column = 1
        var report = Report(
            tool: .init(name: "scan", version: "0.0.0"), root: "repo \(hostile)",
            summary: .init(filesScanned: 1, filesSkipped: 0, skippedByReason: [:], bytesScanned: 10, durationMs: 0,
                           findingsBySeverity: ["high": 1], complete: false, rulesRun: 1),
            diagnostics: [.init(kind: "unreadable", level: "warning", path: hostile, message: "cannot read \(hostile)", ruleId: nil)],
            findings: [finding],
            inventory: .init(endpoints: .init(items: [
                .init(framework: "express", method: "GET", path: "/\(hostile)", file: "routes/\(hostile).js", line: 1, authenticated: false,
                      authenticationGuard: nil, rateLimited: nil, rateLimitGuard: nil, public: false),
            ]))
        )
        report.rules = [.init(id: "dev-keys-test", pack: "dev-keys", title: "Title \(hostile)", severity: "high", description: "About \(hostile)",
                              help: "Fix `\(hostile)`", tags: [])]
        report.score = .init(overall: 40, grade: "F", verdict: "NO-GO", threshold: 90, criticalFindings: 0,
                             categories: ["dev-keys": .init(score: 40, weight: 20, findings: 1, deductions: [.init(ruleId: "dev-keys-test", findings: 1, points: 25, counted: 25)])])
        return report
    }

    static func between(_ page: String, _ start: String, _ end: String) throws -> String {
        let open = try #require(page.range(of: start))
        let close = try #require(page.range(of: end, range: open.upperBound..<page.endIndex))
        return String(page[open.upperBound..<close.lowerBound])
    }

    @Test func markupInTheReportStaysText() throws {
        let page = HTMLReporter().render(Self.report())
        #expect(page.components(separatedBy: "<script").count == 3)
        #expect(page.components(separatedBy: "</script").count == 3)
        #expect(!page.contains("<img"))
        #expect(!page.contains("<!--"))
        #expect(page.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // The data block holds the texts exactly, for the script to show with textContent.
        let json = try Self.between(page, "<script type=\"application/json\" id=\"report-data\">", "</script>")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let finding = try #require((data["findings"] as? [[String: Any]])?.first)
        #expect(finding["path"] as? String == "app/\(Self.hostile).py")
        #expect(finding["snippet"] as? String == "snippet \(Self.hostile)")
    }

    @Test func thePolicyAllowsExactlyItsOwnStyleAndScript() throws {
        let page = HTMLReporter().render(Self.report())
        let policy = try Self.between(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"")
        let style = try Self.between(page, "<style>", "</style>")
        let script = try Self.between(page, "<script>", "</script>")
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("style-src '\(HTMLReporter.hash(style))'"))
        #expect(policy.contains("script-src '\(HTMLReporter.hash(script))'"))
        #expect(!policy.contains("unsafe-inline"))
        #expect(!page.contains("http://") && !page.contains("https://"), "the page refers to the network")
    }

    @Test func anEmptyReportStillHasAPage() {
        var report = Self.report()
        report.findings = []
        report.inventory = nil
        report.score = nil
        let page = HTMLReporter().render(report)
        #expect(page.contains("No findings."))
        #expect(page.contains("\"findings\":[]"))
    }
}
