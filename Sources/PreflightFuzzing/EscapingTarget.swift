import PreflightReport
import PreflightReporters

/// Text from scanned files (the bytes, as UTF-8) in every place a text or markdown report shows it: message,
/// snippet, path, route, guard, suppression reason, diagnostic. No control or bidirectional character may reach
/// the output (the reporter's own colours aside). In the prose of the markdown report (messages, reasons,
/// diagnostics; paths and snippets are code, where nothing is markup) the text may add no link, image or HTML
/// tag: the report has as many unescaped `](` and `<` as the same report with harmless text.
enum EscapingTarget {
    static func run(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        let everywhere = report(with: text, inCode: text)
        for color in [false, true] {
            var output = TextReporter(color: color, scoreCard: true).render(everywhere)
            if color { output = withoutColours(output) }
            require(!output.unicodeScalars.contains(where: isForbidden), "a control character reached the text report")
        }
        require(!MarkdownReporter().render(everywhere).unicodeScalars.contains(where: isForbidden), "a control character reached the markdown report")
        let prose = MarkdownReporter().render(report(with: text, inCode: "x"))
        let reference = MarkdownReporter().render(report(with: "x", inCode: "x"))
        require(links(in: prose) == links(in: reference), "scanned text made a link in the markdown report")
        require(count("<", in: prose) == count("<", in: reference), "scanned text added a tag to the markdown report")
    }

    /// How many `](` the markdown holds whose `]` is not escaped by a backslash.
    static func links(in markdown: String) -> Int {
        let bytes = Array(markdown.utf8)
        var total = 0
        for index in bytes.indices.dropLast() where bytes[index] == UInt8(ascii: "]") && bytes[index + 1] == UInt8(ascii: "(") {
            var backslashes = 0
            while index - backslashes - 1 >= 0 && bytes[index - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { total += 1 }
        }
        return total
    }

    /// Control characters other than a line break, and bidirectional formatting characters.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.generalCategory == .control && scalar != "\n") || scalar.properties.isBidiControl
    }

    /// The text without the reporter's SGR sequences (ESC [ digits ; m).
    static func withoutColours(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\u{1B}", scalars.first == "[" {
                let rest = scalars.dropFirst().prefix { $0 == ";" || ("0"..."9").contains($0) }
                if scalars.dropFirst(1 + rest.count).first == "m" {
                    scalars = scalars.dropFirst(2 + rest.count)
                    continue
                }
            }
            out.append(scalar)
        }
        return String(out)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// A report with `text` in its prose and `code` in what the markdown report shows as code.
    static func report(with text: String, inCode code: String) -> Report {
        var finding = Report.Finding(
            ruleId: "merge-conflict-stray-marker", pack: "merge-markers", severity: "high", confidence: "high", path: "src/\(code).py",
            line: 3, column: 1, endLine: 3, endColumn: 9, message: "Leftover merge-conflict marker (\(text))", snippet: "<<<<<<< \(code)",
            fingerprint: "0", context: "production"
        )
        var suppressed = finding
        suppressed.suppression = Report.Suppression(kind: "inline", reason: text)
        finding.fingerprint = "1"
        let endpoint = Report.Endpoint(framework: "flask", method: "GET", path: "/\(code)", file: "app/\(code).py", line: 1, authenticated: true,
                                       authenticationGuard: code, rateLimited: nil, rateLimitGuard: nil, public: false)
        let summary = Report.Summary(filesScanned: 1, filesSkipped: 0, skippedByReason: [:], bytesScanned: 1, durationMs: 0,
                                     findingsBySeverity: ["high": 1], complete: true, rulesRun: 1)
        var report = Report(tool: Report.Tool(name: "scan", version: "0.0.0"), root: "repo", summary: summary,
                            diagnostics: [Report.Diagnostic(kind: "unreadable", level: "warning", path: "lib/\(code)", message: "cannot open: \(text)", ruleId: nil)],
                            findings: [finding], inventory: Report.Inventory(endpoints: Report.Endpoints(items: [endpoint])))
        report.suppressed = [suppressed]
        return report
    }
}
