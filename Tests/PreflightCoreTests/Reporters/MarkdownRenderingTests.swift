import Foundation
import Testing
@testable import PreflightCore
import PreflightReport
import PreflightReporters

/// cmark-gfm on the PATH, if installed.
let markdownRenderer: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    .map { URL(fileURLWithPath: String($0)).appendingPathComponent("cmark-gfm") }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// The markdown report is meant to be read rendered: these tests render it with cmark-gfm, the reference
/// implementation of GitHub Flavored Markdown, and check the HTML a reviewer would see.
@Suite(.enabled(if: markdownRenderer != nil, "cmark-gfm is not installed (`make test` installs it)"))
struct MarkdownRenderingTests {
    static let renderer = markdownRenderer

    /// The HTML of `markdown`, with the extensions GitHub enables and raw HTML kept (GitHub allows `<details>`).
    static func render(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = renderer
        process.arguments = ["--unsafe", "-e", "table", "-e", "tasklist", "-e", "autolink", "-e", "strikethrough"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(markdown.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let html = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: html, as: UTF8.self)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func theTriageReportRendersAsAReviewerExpects() throws {
        let report = ReporterGoldenTests.report()
        let html = try Self.render(MarkdownReporter().render(report))
        #expect(html.hasPrefix("<h1>Readiness report: <code>express-app</code></h1>"))
        #expect(html.contains("<h2>Score: \(report.score!.overall)/100"))
        #expect(Self.count("<table>", in: html) == 3, "score card, endpoints, totals")
        #expect(Self.count("<ol>", in: html) == 1, "the fix-first list")
        // One checkbox and one code block per finding shown, each inside its list item.
        let checkboxes = Self.count("<li><input type=\"checkbox\" disabled=\"\" /> accept / fix", in: html)
        #expect(checkboxes == report.findings.count)
        let snippets = try NSRegularExpression(pattern: #"<li><input type="checkbox"[^\n]*\n<pre><code>[^<]*</code></pre>\n</li>"#)
        #expect(snippets.numberOfMatches(in: html, range: NSRange(html.startIndex..., in: html)) == report.findings.count)
        #expect(!html.contains("```"), "an unbalanced fence shows as text")
        #expect(!html.contains("<p>|"), "a table row rendered as a paragraph")
        #expect(Self.count("<details>", in: html) == Self.count("<summary>", in: html))
        #expect(html.contains("<a href=\"https://github.com/preflight-scan/preflight/blob/main/docs/rules/auth.md#auth-express-unauthenticated-route\">"))
    }

    @Test("each scenario report renders cleanly", arguments: ScenarioRepositoryTests.scenarios)
    func scenarioReportsRender(_ name: String) throws {
        let report = ScenarioRepositoryTests.report(name)
        let html = try Self.render(MarkdownReporter().render(report))
        let shown = Dictionary(grouping: report.findings, by: { "\($0.context == "production")\($0.ruleId)" }).values.reduce(0) { $0 + min($1.count, 10) }
        #expect(Self.count("<li><input type=\"checkbox\" disabled=\"\" /> accept / fix", in: html) == shown)
        #expect(Self.count("<pre><code>", in: html) >= shown)
        #expect(!html.contains("```") && !html.contains("<p>|"), "an unbalanced fence or a table rendered as a paragraph")
        #expect(Self.count("<details>", in: html) == Self.count("</details>", in: html))
    }

    @Test func aThousandFindingsStayReadable() throws {
        var report = ReporterGoldenTests.report()
        let template = try #require(report.findings.first)
        report.findings = (0..<1_200).map { index in
            var finding = template
            finding.ruleId = ["rule-a", "rule-b", "rule-c"][index % 3]
            finding.path = "src/module\(index / 40).js"
            finding.line = index % 40 + 1
            finding.fingerprint = String(format: "%032x", index)
            finding.context = index % 4 == 0 ? "test" : "production"
            return finding
        }
        let markdown = MarkdownReporter().render(report)
        let html = try Self.render(markdown)
        let shown = Self.count("accept / fix", in: html)
        #expect(shown == 3 * 10 * 2, "ten per rule, in production and in the folded section")
        #expect(Self.count("more of this rule", in: html) == 6)
        #expect(markdown.split(separator: "\n").count < 400, "\(markdown.split(separator: "\n").count) lines")
        #expect(html.contains("<summary>Likely non-production: test (300 findings)</summary>"))
    }

    @Test func hostileTextDoesNotBreakTheLayout() throws {
        var report = ReporterGoldenTests.report()
        report.findings[0].message = "<script>alert(1)</script> | a pipe\nand a line break"
        report.findings[0].path = "src/we|rd `name`.js"
        report.findings[0].snippet = "```\nnot a fence"
        let html = try Self.render(MarkdownReporter().render(report))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | a pipe and a line break"))
        #expect(html.contains("<code>src/we|rd `name`.js:"))
        #expect(!html.contains("```"))
    }

    @Test func scannedTextCannotMakeLinksOrCarryTerminalEscapes() throws {
        var report = ReporterGoldenTests.report()
        report.findings[0].message = "Leftover marker ([x](javascript:alert(1)) ![i](https://example.invalid/t.png) \u{1B}]52;c;ZXZpbA==\u{07})"
        report.findings[0].snippet = "<<<<<<< \u{1B}]0;owned\u{07}\u{1B}[2J"
        report.findings[0].path = "src/\u{1B}[31mred\u{07}.js"
        let markdown = MarkdownReporter().render(report)
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "raw ESC or BEL in the markdown")
        let html = try Self.render(markdown)
        #expect(!html.contains("href=\"javascript:") && !html.contains("<img"), "a link or an image from scanned text")
        #expect(html.contains("[x](javascript:alert(1))"))
        #expect(html.contains("\\u{1B}]52;c;ZXZpbA==\\u{7}"), "the escape sequence is shown, not obeyed")
    }

    @Test func suppressedFindingsAreAFoldedTableWithTheirReasons() throws {
        var report = ReporterGoldenTests.report()
        var inline = report.findings[0], baseline = report.findings[1]
        inline.suppression = Report.Suppression(kind: "inline", reason: "local stack | only <b>")
        baseline.suppression = Report.Suppression(kind: "baseline", reason: nil, status: "accepted-risk", expires: "2027-03-31")
        report.suppressed = [inline, baseline]
        report.findings.removeFirst(2)
        let html = try Self.render(MarkdownReporter().render(report))
        #expect(html.contains("<summary>Suppressed (2): hidden by inline comments or the baseline</summary>"))
        #expect(html.contains("<td>local stack | only &lt;b&gt;</td>"))
        #expect(html.contains("<td>accepted-risk, until 2027-03-31</td>"))
        #expect(html.contains("<td><em>no reason given</em></td>"))
        #expect(!html.contains("<p>|"), "a table row rendered as a paragraph")
        #expect(Self.count("<details>", in: html) == Self.count("</details>", in: html))
    }
}
