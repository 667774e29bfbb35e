import Foundation
import PreflightReport

/// What the HTML report's script draws the findings table from: the findings, already redacted, and the rules
/// they come from, embedded in the page as JSON.
struct HTMLPageData: Encodable {
    struct Finding: Encodable {
        var ruleId: String
        var pack: String
        var severity: String
        var confidence: String
        var path: String
        var line: Int
        var column: Int
        var context: String
        var message: String
        var snippet: String
        var fingerprint: String
    }

    struct Rule: Encodable {
        var title: String
        var description: String
        var help: String
        /// The rule's reference entry, when the tool has a home page.
        var url: String?
    }

    var findings: [Finding]
    var rules: [String: Rule]

    init(_ report: Report) {
        findings = report.findings.map {
            Finding(ruleId: $0.ruleId, pack: $0.pack, severity: $0.severity, confidence: $0.confidence, path: $0.path, line: $0.line,
                    column: $0.column, context: $0.context, message: $0.message, snippet: $0.snippet, fingerprint: $0.fingerprint)
        }
        let used = Set(report.findings.map(\.ruleId))
        var rules: [String: Rule] = [:]
        for rule in report.rules ?? [] where used.contains(rule.id) {
            rules[rule.id] = Rule(title: rule.title, description: rule.description, help: rule.help,
                                  url: RuleDocumentation.url(ruleId: rule.id, pack: rule.pack, informationUri: report.tool.informationUri))
        }
        self.rules = rules
    }

    /// The data as compact JSON with sorted keys, so that the same report gives the same page.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
