import Foundation
import PreflightCore
import PreflightReport

/// A self-contained triage page: score card, charts, endpoint inventory and a findings table that filters, sorts
/// and expands, with its CSS, script and data inline and no network access (a Content-Security-Policy with the
/// hashes of its own style and script forbids anything else). The charts are drawn here; the findings table is
/// drawn by the script from the embedded data a page at a time, so ten thousand findings stay responsive.
public struct HTMLReporter: Reporter {
    /// Files with endpoints shown before the rest is folded away.
    static let endpointFilesShown = 10
    /// Endpoints listed in the full table before the rest is counted.
    static let endpointsShown = 2_000
    /// New and fixed findings listed in the trend before the rest is counted.
    static let trendShown = 50
    /// Rules listed under "Fix first".
    static let fixFirstShown = 5
    /// Diagnostics and suppressed findings listed before the rest is counted.
    static let listShown = 500

    /// Characters a rule id keeps in the page's address fragment; the others are percent-encoded.
    static let fragmentSafe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")

    public init() {}

    public func render(_ report: Report) -> String {
        let style = HTMLPageStyle.css
        let script = HTMLPageScript.javascript
        let policy = "default-src 'none'; style-src '\(Self.hash(style))'; script-src '\(Self.hash(script))'; img-src data:; base-uri 'none'; form-action 'none'"
        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="generator" content="\(HTMLText.escape("\(report.tool.name) \(report.tool.version)"))">
        <title>Readiness report: \(HTMLText.escape(report.root))</title>
        <style>\(style)</style>
        </head>
        <body>

        """
        page += header(report)
        page += "<main>\n"
        if let score = report.score { page += scoreCard(score) }
        page += charts(report)
        if let comparison = report.comparison { page += trend(comparison) }
        page += fixFirst(report)
        if let endpoints = report.inventory?.endpoints { page += self.endpoints(endpoints) }
        page += findingsSection(report)
        if let suppressed = report.suppressed, !suppressed.isEmpty { page += self.suppressed(suppressed) }
        page += diagnostics(report.diagnostics)
        page += "</main>\n"
        page += footer(report)
        page += "<script type=\"application/json\" id=\"report-data\">\(HTMLText.scriptJSON(HTMLPageData(report).json()))</script>\n"
        page += "<script>\(script)</script>\n</body>\n</html>\n"
        return page
    }

    /// A CSP source expression for an inline element's exact text.
    public static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.digest(Array(text.utf8))).base64EncodedString()
    }

    private func header(_ report: Report) -> String {
        var facts = ["\(HTMLText.count(report.summary.filesScanned)) file\(report.summary.filesScanned == 1 ? "" : "s") scanned"]
        if let commit = report.commit { facts.append("commit <code>\(HTMLText.escape(String(commit.prefix(12))))</code>") }
        if report.summary.filesSkipped > 0 { facts.append("\(HTMLText.count(report.summary.filesSkipped)) skipped") }
        facts.append("\(report.summary.rulesRun) rules")
        facts.append("\(HTMLText.count(report.findings.count)) findings")
        if let packs = report.packsSelected { facts.append("packs: " + HTMLText.escape(packs.joined(separator: ", "))) }
        var out = "<header>\n<h1>Readiness report: <code>\(HTMLText.escape(report.root))</code></h1>\n"
        out += "<p class=\"facts\">\(facts.joined(separator: " · "))</p>\n"
        if let configuration = report.configuration { out += "<p class=\"facts\" id=\"configuration\">\(HTMLText.escape(configuration.sentence))</p>\n" }
        if !report.summary.complete {
            out += "<p class=\"warning\" role=\"alert\">Incomplete scan: findings may be missing. See <a href=\"#diagnostics\">diagnostics</a>.</p>\n"
        }
        return out + "</header>\n"
    }

    private func scoreCard(_ score: Report.Score) -> String {
        var out = "<section id=\"score\" class=\"grid\">\n<div class=\"card score-card\">\n<h2>Readiness</h2>\n"
        out += HTMLChart.gauge(score: score.overall, threshold: score.threshold, label: "Readiness \(score.overall) of 100, threshold \(score.threshold)")
        let verdictClass = score.verdict == "GO" ? "go" : "no-go"
        out += "<p class=\"verdict\"><span class=\"grade \(HTMLChart.band(score.overall))\">\(HTMLText.escape(score.grade))</span> "
        out += "<span class=\"badge \(verdictClass)\" id=\"verdict\">\(HTMLText.escape(score.verdict))</span></p>\n"
        if score.criticalFindings > 0 {
            let plural = score.criticalFindings == 1 ? "" : "s"
            out += "<p class=\"note\">Capped at 59 by \(score.criticalFindings) critical finding\(plural) in production code.</p>\n"
        }
        if let reasons = score.reasonsSentence { out += "<p class=\"note\" id=\"verdict-reasons\">\(HTMLText.escape(reasons))</p>\n" }
        if let known = score.baselineSentence(number: HTMLText.count) { out += "<p class=\"note\">\(known)</p>\n" }
        out += "</div>\n<div class=\"card wide\">\n<h2>By category</h2>\n"
        let categories = score.categories.sorted { ($0.value.score, $0.key) < ($1.value.score, $1.key) }
        let bars = categories.map { pack, category in
            HTMLChart.Bar(label: pack, value: Double(category.score), caption: "\(category.score) · \(category.findings) finding\(category.findings == 1 ? "" : "s")",
                         style: HTMLChart.band(category.score))
        }
        out += HTMLChart.bars(bars, maximum: 100, label: "Score of each category, 0 to 100")
        out += "<details>\n<summary>How the score is computed</summary>\n"
        out += "<p>Each finding costs severity points × confidence × context; a rule's cost is capped at 60; a category scores 100 × 0.5^(cost / 40); "
        out += "the overall score is the weighted mean. Grade A from 90, B from 80, C from 70, D from 60. GO needs \(score.threshold) and no critical production finding.</p>\n"
        out += "<table class=\"compact\"><thead><tr><th>category</th><th class=\"number\">score</th><th class=\"number\">weight</th><th>largest costs</th></tr></thead><tbody>\n"
        for (pack, category) in categories {
            let costs = category.deductions.sorted { ($0.counted, $1.ruleId) > ($1.counted, $0.ruleId) }.prefix(3)
                .map { "<code>\(HTMLText.escape($0.ruleId))</code> −\(Self.number($0.counted))" }.joined(separator: ", ")
            out += "<tr><td>\(HTMLText.escape(pack))</td><td class=\"number\">\(category.score)</td><td class=\"number\">\(Self.number(category.weight))</td><td>\(costs)</td></tr>\n"
        }
        return out + "</tbody></table>\n</details>\n</div>\n</section>\n"
    }

    private func charts(_ report: Report) -> String {
        let severities = Report.severityOrder
        func stacks(by key: (Report.Finding) -> String) -> [HTMLChart.Stack] {
            Dictionary(grouping: report.findings, by: key).map { label, findings in
                HTMLChart.Stack(label: label, parts: severities.map { severity in (severity, findings.filter { $0.severity == severity }.count) })
            }.sorted { ($1.total, $0.label) < ($0.total, $1.label) }
        }
        var out = "<section id=\"charts\" class=\"grid charts\">\n"
        out += "<div class=\"card wide\">\n<h2>Findings by pack and severity</h2>\n"
        if report.findings.isEmpty {
            out += "<p>No findings.</p>\n"
        } else {
            out += HTMLChart.stackedBars(stacks(by: \.pack), keys: severities, prefix: "sev-", label: "Findings of each pack, by severity")
        }
        out += "</div>\n<div class=\"card\">\n<h2>Where they are</h2>\n"
        if report.findings.isEmpty {
            out += "<p>No findings.</p>\n"
        } else {
            out += HTMLChart.stackedBars(stacks(by: \.context), keys: severities, prefix: "sev-", label: "Findings by where the file sits (production, test, docs...), by severity")
        }
        return out + "</div>\n</section>\n"
    }

    private func trend(_ comparison: Report.Comparison) -> String {
        var out = "<section id=\"trend\" class=\"card\">\n<h2>Trend since <code>\(HTMLText.escape(comparison.baseline.root))</code>"
        if let commit = comparison.baseline.commit { out += " at <code>\(HTMLText.escape(String(commit.prefix(12))))</code>" }
        out += "</h2>\n<p class=\"facts\">"
        if let overall = comparison.overall {
            out += "Readiness \(overall.old.map(String.init) ?? "–") → <strong>\(overall.new.map(String.init) ?? "–")</strong> (\(TextReporter.signed(overall.delta))) · "
        }
        out += "\(comparison.fixed.count) fixed · \(comparison.new.count) new · \(comparison.unchanged) unchanged</p>\n"
        let rows = comparison.categories.sorted { ($0.value.delta, $0.key) < ($1.value.delta, $1.key) }.map { (label: $0.key, old: $0.value.old, new: $0.value.new) }
        if !rows.isEmpty { out += HTMLChart.pairedBars(rows, label: "Score of each category before and now") }
        for (label, findings) in [("New findings", comparison.new), ("Fixed findings", comparison.fixed)] where !findings.isEmpty {
            out += "<details>\n<summary>\(label) (\(findings.count))</summary>\n<ul class=\"plain\">\n"
            for finding in findings.prefix(Self.trendShown) {
                out += "<li>\(severityBadge(finding.severity)) <code>\(HTMLText.escape("\(finding.path):\(finding.line)"))</code> — \(HTMLText.escape(finding.message)) (<code>\(HTMLText.escape(finding.ruleId))</code>)</li>\n"
            }
            if findings.count > Self.trendShown { out += "<li>… and \(findings.count - Self.trendShown) more</li>\n" }
            out += "</ul>\n</details>\n"
        }
        return out + "</section>\n"
    }

    private func fixFirst(_ report: Report) -> String {
        let ranked = report.rulesToFixFirst
        guard !ranked.isEmpty else { return "" }
        let titles = Dictionary(uniqueKeysWithValues: (report.rules ?? []).map { ($0.id, $0.title) })
        var out = "<section id=\"fix-first\" class=\"card\">\n<h2>Fix first</h2>\n<ol>\n"
        for rule in ranked.prefix(Self.fixFirstShown) {
            let files = rule.files
            let places = files.prefix(3).map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more files" : "")
            let count = rule.findings.count
            out += "<li>\(severityBadge(rule.severity)) <strong>\(HTMLText.escape(titles[rule.ruleId] ?? rule.ruleId))</strong>: "
            let fragment = rule.ruleId.addingPercentEncoding(withAllowedCharacters: Self.fragmentSafe) ?? rule.ruleId
            out += "<a href=\"#rule=\(HTMLText.escape(fragment))&amp;context=production\">\(count) finding\(count == 1 ? "" : "s")</a> in \(places)</li>\n"
        }
        out += "</ol>\n"
        if ranked.count > Self.fixFirstShown { out += "<p class=\"note\">And \(ranked.count - Self.fixFirstShown) more rules with production findings in the table below.</p>\n" }
        return out + "</section>\n"
    }

    private func endpoints(_ endpoints: Report.Endpoints) -> String {
        var out = "<section id=\"endpoints\" class=\"card\">\n<h2>Endpoints</h2>\n<p class=\"facts\">\(HTMLText.escape(TextReporter.inventoryLine(endpoints))).</p>\n"
        out += "<div class=\"coverage-totals\">\n"
        for (label, part, whole) in [("authenticated", endpoints.authenticated, endpoints.authChecked), ("rate-limited", endpoints.rateLimited, endpoints.rateLimitChecked)] {
            let text = whole > 0 ? "\(part) of \(whole) \(label) (\(part * 100 / whole)%)" : "\(label): not checked"
            out += "<div><span>\(HTMLText.escape(text))</span>\(HTMLChart.coverage(part, of: whole, label: text))</div>\n"
        }
        out += "</div>\n"
        let byFile = Dictionary(grouping: endpoints.items, by: \.file).sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        out += fileTable(byFile.prefix(Self.endpointFilesShown), id: "endpoint-files")
        if byFile.count > Self.endpointFilesShown {
            out += "<details>\n<summary>The other \(byFile.count - Self.endpointFilesShown) files with endpoints</summary>\n"
            out += fileTable(byFile.dropFirst(Self.endpointFilesShown), id: "endpoint-files-more") + "</details>\n"
        }
        let ordered = endpoints.items.sorted { ($0.authenticated == true ? 1 : 0, $0.file, $0.line) < ($1.authenticated == true ? 1 : 0, $1.file, $1.line) }
        out += "<details>\n<summary>Every endpoint (\(HTMLText.count(endpoints.items.count)))</summary>\n"
        out += "<div class=\"scroll\"><table class=\"compact\"><thead><tr><th>method</th><th>path</th><th>file</th><th>authenticated</th><th>rate-limited</th><th>guard</th></tr></thead><tbody>\n"
        for item in ordered.prefix(Self.endpointsShown) {
            let guardText = item.guards.map { guardItem in
                "<code>\(HTMLText.escape(guardItem.text))</code>" + (guardItem.at.map { " at <code>\(HTMLText.escape($0))</code>" } ?? "")
            }.joined(separator: ", ")
            out += "<tr><td>\(HTMLText.escape(item.method))</td><td><code>\(HTMLText.escape(item.path))</code></td><td><code>\(HTMLText.escape("\(item.file):\(item.line)"))</code></td>"
            out += "<td>\(flag(item.authenticated, public: item.public))</td><td>\(flag(item.rateLimited, public: false))</td><td>\(guardText)</td></tr>\n"
        }
        out += "</tbody></table></div>\n"
        if ordered.count > Self.endpointsShown { out += "<p class=\"note\">… and \(ordered.count - Self.endpointsShown) more endpoints in the JSON report.</p>\n" }
        return out + "</details>\n</section>\n"
    }

    /// The files with endpoints, each with its count and coverage bars.
    private func fileTable(_ files: ArraySlice<(key: String, value: [Report.Endpoint])>, id: String) -> String {
        var out = "<div class=\"scroll\"><table class=\"compact\" id=\"\(id)\"><thead><tr><th>file</th><th class=\"number\">endpoints</th><th>authenticated</th><th>rate-limited</th></tr></thead><tbody>\n"
        for (file, items) in files {
            out += "<tr><td><code>\(HTMLText.escape(file))</code></td><td class=\"number\">\(items.count)</td>"
            out += "<td>\(coverageCell(items.map(\.authenticated), public: items.map(\.public)))</td><td>\(coverageCell(items.map(\.rateLimited), public: nil))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// A coverage bar for the endpoints of one file: how many of those checked have the guard. Public routes
    /// count as covered for authentication.
    private func coverageCell(_ values: [Bool?], public isPublic: [Bool]?) -> String {
        var checked = 0, covered = 0
        for (index, value) in values.enumerated() {
            let open = isPublic?[index] ?? false
            guard value != nil || open else { continue }
            checked += 1
            if value == true || open { covered += 1 }
        }
        let text = checked == 0 ? "not checked" : "\(covered)/\(checked)"
        return "\(HTMLChart.coverage(covered, of: checked, label: text)) <span class=\"small\">\(text)</span>"
    }

    private func findingsSection(_ report: Report) -> String {
        """
        <section id="findings" class="card">
        <h2>Findings (\(HTMLText.count(report.findings.count)))</h2>
        <form id="filters" class="filters" aria-label="Filter findings">
        <label>Pack <select id="filter-pack"><option value="">all</option></select></label>
        <label>Severity <select id="filter-severity"><option value="">all</option></select></label>
        <label>Context <select id="filter-context"><option value="">all</option></select></label>
        <label>Rule <select id="filter-rule"><option value="">all</option></select></label>
        <label class="grow">Path <input id="filter-path" type="search" placeholder="part of a path" autocomplete="off"></label>
        <button type="reset" id="filter-reset">Reset</button>
        </form>
        <p id="findings-count" class="facts" aria-live="polite"></p>
        <div class="scroll">
        <table id="findings-table" class="findings">
        <thead><tr>
        <th data-sort="severity" aria-sort="ascending"><button type="button">Severity</button></th>
        <th data-sort="pack"><button type="button">Pack</button></th>
        <th data-sort="ruleId"><button type="button">Rule</button></th>
        <th data-sort="path"><button type="button">Location</button></th>
        <th data-sort="context"><button type="button">Context</button></th>
        <th data-sort="message"><button type="button">Message</button></th>
        </tr></thead>
        <tbody></tbody>
        </table>
        </div>
        <nav class="pager" aria-label="Pages of findings"><button type="button" id="page-previous">Previous</button> <span id="page-label"></span> <button type="button" id="page-next">Next</button></nav>
        <noscript><p class="warning">The findings table needs JavaScript; the JSON report (<code>--format json</code>) lists every finding.</p></noscript>
        </section>

        """
    }

    private func suppressed(_ findings: [Report.Finding]) -> String {
        var out = "<section id=\"suppressed\" class=\"card\">\n<details>\n<summary>Suppressed (\(findings.count)): hidden by inline comments or the baseline</summary>\n"
        out += "<div class=\"scroll\"><table class=\"compact\"><thead><tr><th>rule</th><th>location</th><th>by</th><th>status</th><th>reason</th></tr></thead><tbody>\n"
        for finding in findings.prefix(Self.listShown) {
            let suppression = finding.suppression
            var status = suppression?.status ?? ""
            if let expires = suppression?.expires { status += (status.isEmpty ? "" : ", ") + "until \(expires)" }
            let reason = suppression?.reason.map { HTMLText.escape($0) } ?? "<em>no reason given</em>"
            out += "<tr><td><code>\(HTMLText.escape(finding.ruleId))</code></td><td><code>\(HTMLText.escape("\(finding.path):\(finding.line)"))</code></td>"
            out += "<td>\(HTMLText.escape(suppression?.kind ?? ""))</td><td>\(HTMLText.escape(status))</td><td>\(reason)</td></tr>\n"
        }
        out += "</tbody></table></div>\n"
        if findings.count > Self.listShown { out += "<p class=\"note\">… and \(findings.count - Self.listShown) more in the JSON report.</p>\n" }
        return out + "</details>\n</section>\n"
    }

    private func diagnostics(_ diagnostics: [Report.Diagnostic]) -> String {
        let problems = diagnostics.filter { $0.level != "note" }
        guard !problems.isEmpty else { return "" }
        var out = "<section id=\"diagnostics\" class=\"card\">\n<h2>Diagnostics (\(problems.count))</h2>\n<ul class=\"plain\">\n"
        for diagnostic in problems.prefix(Self.listShown) {
            out += "<li><span class=\"badge level-\(HTMLText.escape(diagnostic.level))\">\(HTMLText.escape(diagnostic.level))</span> "
            out += "<code>\(HTMLText.escape(diagnostic.path))</code>: \(HTMLText.escape(diagnostic.message))</li>\n"
        }
        if problems.count > Self.listShown { out += "<li>… and \(problems.count - Self.listShown) more</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    private func footer(_ report: Report) -> String {
        var out = "<footer>\n<p>\(HTMLText.escape("\(report.tool.name) \(report.tool.version)"))"
        if let home = report.tool.informationUri { out += " · <a href=\"\(HTMLText.escape(home))\">\(HTMLText.escape(home))</a>" }
        out += " · \(HTMLText.count(report.summary.bytesScanned)) bytes in \(HTMLText.count(report.summary.durationMs)) ms"
        return out + " · secrets in snippets and messages are redacted unless the scan ran with <code>--no-redact</code>.</p>\n</footer>\n"
    }

    private func severityBadge(_ severity: String) -> String {
        "<span class=\"badge sev-\(HTMLText.escape(severity))\">\(HTMLText.escape(severity))</span>"
    }

    private func flag(_ value: Bool?, public isPublic: Bool) -> String {
        if isPublic { return "public" }
        switch value {
        case true?: return "yes"
        case false?: return "<strong class=\"missing\">no</strong>"
        case nil: return "–"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
