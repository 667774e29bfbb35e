import PreflightReport

/// What a triage meeting starts with, shared by the markdown and HTML reports.
extension Report {
    /// The severities from the most to the least severe.
    static let severityOrder = ["critical", "high", "medium", "low", "info"]

    /// The rank of a severity, 0 for critical; unknown severities come last.
    static func severityRank(_ severity: String) -> Int {
        severityOrder.firstIndex(of: severity) ?? severityOrder.count
    }

    /// One rule with findings in production code.
    struct RuleToFix {
        var ruleId: String
        var severity: String
        var findings: [Finding]
        /// The files of its findings, sorted.
        var files: [String] { Array(Set(findings.map(\.path))).sorted() }
    }

    /// The rules with production findings, most severe and most frequent first.
    var rulesToFixFirst: [RuleToFix] {
        Dictionary(grouping: findings.filter { $0.context == "production" }, by: \.ruleId)
            .map { RuleToFix(ruleId: $0.key, severity: $0.value[0].severity, findings: $0.value) }
            .sorted {
                (Self.severityRank($0.severity), -$0.findings.count, $0.ruleId) < (Self.severityRank($1.severity), -$1.findings.count, $1.ruleId)
            }
    }
}
