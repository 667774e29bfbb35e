import Foundation
import PreflightReport

/// SARIF 2.1.0 for GitHub code scanning (docs/output.md): one run, every rule that ran, one location per result
/// relative to `%SRCROOT%`, UTF-16 columns, GitHub's line hash and our content fingerprint.
public struct SARIFReporter: Reporter {
    /// GitHub rejects or truncates larger runs; above this the least severe results are left out, with a notification.
    public static let resultLimit = 5_000
    /// GitHub shows at most this many tags per rule.
    static let tagLimit = 10
    static let descriptionLimit = 1_024
    /// Packs whose every rule is a security rule (others count when tagged `security`, `secret` or with a CWE).
    static let securityPacks: Set<String> = ["dev-keys", "auth", "rate-limit", "security"]
    static let severities = ["critical", "high", "medium", "low", "info"]
    /// The key of our own fingerprint in `partialFingerprints`, next to GitHub's `primaryLocationLineHash`.
    static let contentFingerprintKey = "preflightContentFingerprint/v1"

    let resultLimit: Int

    public init(resultLimit: Int = SARIFReporter.resultLimit) {
        self.resultLimit = resultLimit
    }

    public func render(_ report: Report) -> String {
        guard let data = try? JSONReporter.encoder().encode(log(report)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func log(_ report: Report) -> SARIFLog {
        var rules = report.rules ?? []
        // Findings of rules not listed (a report from an older version) still need a descriptor.
        var listed = Set(rules.map(\.id))
        for finding in report.findings + (report.suppressed ?? []) where !listed.contains(finding.ruleId) {
            listed.insert(finding.ruleId)
            rules.append(Report.RuleInfo(id: finding.ruleId, pack: finding.pack, title: finding.ruleId, severity: finding.severity,
                                         description: finding.message, help: "", tags: [], confidence: finding.confidence))
        }
        rules.sort { $0.id < $1.id }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })

        var notifications = report.diagnostics.map(notification)
        // Suppressed findings go in as suppressed results, so that code scanning closes their alerts; the limit
        // keeps active findings first.
        var findings = report.findings + (report.suppressed ?? [])
        if findings.count > resultLimit {
            let kept = Set(findings.indices.sorted {
                (findings[$0].suppression == nil ? 0 : 1, rank(findings[$0].severity), $0) < (findings[$1].suppression == nil ? 0 : 1, rank(findings[$1].severity), $1)
            }.prefix(resultLimit))
            let dropped = findings.indices.filter { !kept.contains($0) }
            let lowest = Self.severities.filter { severity in dropped.contains { findings[$0].severity == severity } }
            notifications.append(SARIFLog.Notification(
                level: "warning",
                message: .init(text: "\(findings.count) findings; only the \(resultLimit) most severe are in this SARIF file. "
                    + "\(dropped.count) \(lowest.joined(separator: "/")) findings were left out: see the JSON or markdown report."),
                locations: nil, descriptor: nil
            ))
            findings = findings.indices.filter { kept.contains($0) }.map { findings[$0] }
        }

        let run = SARIFLog.Run(
            tool: .init(driver: .init(
                name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version,
                informationUri: report.tool.informationUri, rules: rules.map { descriptor($0, tool: report.tool) }
            )),
            automationDetails: .init(id: automationID(report)),
            originalUriBaseIds: ["%SRCROOT%": root(report)],
            invocations: [.init(executionSuccessful: report.summary.complete, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
            results: findings.map { result($0, ruleIndex: ruleIndex[$0.ruleId]!) },
            properties: report.score == nil && report.configuration == nil ? nil : .init(
                readiness: report.score.map { .init(overall: $0.overall, grade: $0.grade, verdict: $0.verdict, threshold: $0.threshold, reasons: $0.reasons) },
                configuration: report.configuration
            )
        )
        return SARIFLog(runs: [run])
    }

    /// `preflight/` for a scan of every pack, `preflight/dev-keys/` for `check:dev-keys`: GitHub keeps the alerts of
    /// different categories apart.
    private func automationID(_ report: Report) -> String {
        guard let packs = report.packsSelected, !packs.isEmpty else { return "\(report.tool.name)/" }
        return "\(report.tool.name)/\(packs.joined(separator: "+"))/"
    }

    private func root(_ report: Report) -> SARIFLog.ArtifactLocation {
        var uri = report.rootUri
        if let text = uri, !text.hasSuffix("/") { uri = text + "/" }
        return SARIFLog.ArtifactLocation(uri: uri, uriBaseId: nil, description: .init(text: "The scan root (\(report.root))"))
    }

    private func descriptor(_ rule: Report.RuleInfo, tool: Report.Tool) -> SARIFLog.ReportingDescriptor {
        let security = Self.isSecurity(rule)
        var tags = security ? ["security"] : []
        for tag in rule.tags {
            let tag = tag.hasPrefix("cwe-") ? "external/cwe/\(tag)" : tag
            if !tags.contains(tag) { tags.append(tag) }
        }
        let url = RuleDocumentation.url(ruleId: rule.id, pack: rule.pack, informationUri: tool.informationUri)
        let description = rule.description.trimmingCharacters(in: .whitespacesAndNewlines)
        let help = rule.help.trimmingCharacters(in: .whitespacesAndNewlines)
        var markdown = "**\(rule.title)**\n\n\(description)\n\n**How to fix.** \(help)"
        if let url { markdown += "\n\n[Rule documentation](\(url))" }
        return SARIFLog.ReportingDescriptor(
            id: rule.id,
            name: Self.pascalCase(rule.id),
            shortDescription: .init(text: rule.title),
            fullDescription: .init(text: Self.cut(description.isEmpty ? rule.title : description, to: Self.descriptionLimit)),
            help: .init(text: help.isEmpty ? rule.title : help, markdown: markdown),
            helpUri: url,
            defaultConfiguration: .init(level: Self.level(rule.severity)),
            properties: .init(
                tags: Array(tags.prefix(Self.tagLimit)),
                precision: Self.precision(rule.confidence),
                securitySeverity: security ? Self.securitySeverity(rule.severity) : nil,
                pack: rule.pack
            )
        )
    }

    private func result(_ finding: Report.Finding, ruleIndex: Int) -> SARIFLog.Result {
        var fingerprints = [Self.contentFingerprintKey: finding.fingerprint]
        if let lineHash = finding.lineHash { fingerprints["primaryLocationLineHash"] = lineHash }
        let region = SARIFLog.Region(
            startLine: finding.line, startColumn: finding.utf16Column ?? finding.column,
            endLine: finding.endLine, endColumn: finding.utf16EndColumn ?? finding.endColumn, snippet: nil
        )
        let context = finding.snippet.isEmpty ? nil : SARIFLog.Region(startLine: finding.line, snippet: .init(text: finding.snippet))
        return SARIFLog.Result(
            ruleId: finding.ruleId, ruleIndex: ruleIndex, level: Self.level(finding.severity), message: .init(text: finding.message),
            locations: [.init(physicalLocation: .init(artifactLocation: Self.artifact(finding.path, bytes: finding.pathBytes), region: region, contextRegion: context))],
            partialFingerprints: fingerprints,
            suppressions: finding.suppression.map { suppression in
                var justification = [suppression.status, suppression.reason].compactMap { $0 }.joined(separator: ": ")
                if let expires = suppression.expires { justification += " (until \(expires))" }
                return [SARIFLog.ResultSuppression(kind: suppression.kind == "inline" ? "inSource" : "external", status: "accepted",
                                                   justification: justification.isEmpty ? nil : justification)]
            },
            properties: .init(confidence: finding.confidence, context: finding.context)
        )
    }

    private func notification(_ diagnostic: Report.Diagnostic) -> SARIFLog.Notification {
        SARIFLog.Notification(
            level: diagnostic.level == "error" ? "error" : diagnostic.level == "warning" ? "warning" : "note",
            message: .init(text: "\(diagnostic.kind): \(diagnostic.message)"),
            locations: diagnostic.path.isEmpty ? nil : [.init(physicalLocation: .init(artifactLocation: Self.artifact(diagnostic.path, bytes: diagnostic.pathBytes)))],
            descriptor: diagnostic.ruleId.map { .init(id: $0) }
        )
    }

    private func rank(_ severity: String) -> Int {
        Self.severities.firstIndex(of: severity) ?? Self.severities.count
    }

    /// A relative path as a URI reference below `%SRCROOT%`; an absolute path as a `file:` URI of its own.
    /// `bytes`, the base64 of a path that is not UTF-8, gives the exact bytes to encode.
    static func artifact(_ path: String, bytes: String? = nil) -> SARIFLog.ArtifactLocation {
        let exact = bytes.flatMap { Data(base64Encoded: $0) }.map(Array.init) ?? Array(path.utf8)
        if path.hasPrefix("/") { return SARIFLog.ArtifactLocation(uri: "file://" + percentEncoded(exact)) }
        return SARIFLog.ArtifactLocation(uri: percentEncoded(exact), uriBaseId: "%SRCROOT%")
    }

    static func percentEncoded(_ path: String) -> String { percentEncoded(Array(path.utf8)) }

    /// Every byte outside RFC 3986's unreserved characters and `/` percent-encoded.
    static func percentEncoded(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    static func isSecurity(_ rule: Report.RuleInfo) -> Bool {
        securityPacks.contains(rule.pack) || rule.tags.contains { $0 == "security" || $0 == "secret" || $0.hasPrefix("cwe-") }
    }

    static func level(_ severity: String) -> String {
        switch severity {
        case "critical", "high": return "error"
        case "medium": return "warning"
        default: return "note"
        }
    }

    /// GitHub's bands: 9.0 and above critical, 7.0 high, 4.0 medium, below that low.
    static func securitySeverity(_ severity: String) -> String {
        switch severity {
        case "critical": return "9.5"
        case "high": return "8.0"
        case "medium": return "5.5"
        case "low": return "3.0"
        default: return "1.0"
        }
    }

    static func precision(_ confidence: String?) -> String {
        switch confidence {
        case "high": return "high"
        case "low": return "low"
        default: return "medium"
        }
    }

    /// `dev-keys-aws-access-key-id` as `DevKeysAwsAccessKeyId`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func cut(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
