import Foundation
import PreflightCore
import PreflightReport

extension Report {
    /// The report of a finished scan.
    public init(result: ScanResult, root: String, rules: [Rule], scoring: ScoringModel = ScoringModel()) {
        let rulesRun = rules.count
        let packs = Array(Set(rules.map(\.pack))).sorted()
        let bySeverity = Summary.counts(bySeverity: result.findings.map(\.severity.rawValue))
        let summary = Summary(
            filesScanned: result.filesScanned,
            filesSkipped: result.filesSkipped,
            skippedByReason: Dictionary(uniqueKeysWithValues: result.skipped.map { ($0.key.rawValue, $0.value) }),
            bytesScanned: result.bytesScanned,
            durationMs: result.durationMilliseconds,
            findingsBySeverity: bySeverity,
            complete: result.isComplete,
            rulesRun: rulesRun
        )
        self.init(
            tool: Tool(name: Preflight.name, version: Preflight.version, informationUri: Preflight.informationURI),
            root: root,
            summary: summary,
            diagnostics: result.diagnostics.map {
                var diagnostic = Diagnostic(kind: $0.kind.rawValue, level: $0.level.rawValue, path: FileName.readable($0.path), message: $0.message, ruleId: $0.ruleId)
                diagnostic.pathBytes = Self.rawBytes(of: $0.path)
                return diagnostic
            },
            findings: result.findings.map(Finding.init),
            inventory: result.endpoints.isEmpty ? nil : Inventory(endpoints: Endpoints(result.endpoints))
        )
        if !result.excluded.isEmpty { self.summary.excludedBySource = result.excluded }
        if result.isDistribution { self.summary.packagedDistribution = true }
        if !result.suppressed.isEmpty {
            suppressed = result.suppressed.map(Finding.init)
            self.summary.suppressed = result.suppressed.count
        }
        // A baseline decides which findings are new; it does not make the known ones safe.
        let known = result.suppressed.filter { $0.suppression.map(ReadinessScore.counts(hiddenBy:)) ?? false }
        score = Score(ReadinessScore(findings: result.findings + known, packs: packs, model: scoring, complete: result.isComplete,
                                     filesScanned: result.filesScanned))
        score?.baselineFindingsCounted = known.isEmpty ? nil : known.count
        self.rules = rules.sorted { $0.id < $1.id }.map(RuleInfo.init)
    }
}

extension Report {
    /// The base64 of a path's bytes when they are not UTF-8, for `pathBytes`.
    static func rawBytes(of path: String) -> String? {
        FileName.hasRawBytes(path) ? Data(FileName.bytes(of: path)).base64EncodedString() : nil
    }
}

extension Report.Summary {
    /// How many of `severities` there are of each severity, with zero for those absent.
    static func counts(bySeverity severities: [String]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        for severity in severities { counts[severity, default: 0] += 1 }
        return counts
    }
}

extension Report.Finding {
    /// How reports show `finding`.
    init(_ finding: PreflightCore.Finding) {
        self.init(
            ruleId: finding.ruleId, pack: finding.pack, severity: finding.severity.rawValue, confidence: finding.confidence.rawValue,
            path: FileName.readable(finding.path), line: finding.region.start.line, column: finding.region.start.characterColumn,
            endLine: finding.region.end.line, endColumn: finding.region.end.characterColumn,
            message: finding.message, snippet: finding.snippet, fingerprint: finding.fingerprint, context: finding.context.rawValue,
            utf16Column: finding.region.start.utf16Column, utf16EndColumn: finding.region.end.utf16Column, lineHash: finding.lineHash
        )
        pathBytes = Report.rawBytes(of: finding.path)
        suppression = finding.suppression.map {
            Report.Suppression(kind: $0.kind.rawValue, reason: $0.reason, status: $0.status, expires: $0.expires)
        }
    }
}

extension Report.RuleInfo {
    /// How reports describe `rule`.
    public init(_ rule: Rule) {
        self.init(id: rule.id, pack: rule.pack, title: rule.title, severity: rule.severity.rawValue, description: rule.description,
                  help: rule.help, tags: rule.tags, confidence: rule.confidence.rawValue)
    }
}

extension Report.Endpoints {
    /// The inventory of `endpoints`, with its totals.
    init(_ endpoints: [PreflightCore.Endpoint]) {
        self.init(items: endpoints.map {
            Report.Endpoint(
                framework: $0.framework, method: $0.method, path: $0.route, file: $0.path, line: $0.line,
                authenticated: $0.authenticated, authenticationGuard: $0.authenticationGuard,
                rateLimited: $0.rateLimited, rateLimitGuard: $0.rateLimitGuard, public: $0.isPublic,
                authenticationGuardAt: $0.authenticationGuardLocation, rateLimitGuardAt: $0.rateLimitGuardLocation
            )
        })
    }
}

extension Report.Score {
    /// The report form of a readiness score.
    init(_ score: ReadinessScore) {
        self.init(
            overall: score.overall, grade: score.grade, verdict: score.verdict.rawValue, threshold: score.threshold,
            criticalFindings: score.criticalFindings,
            categories: Dictionary(uniqueKeysWithValues: score.categories.map { category in
                (category.pack, Category(
                    score: category.score, weight: category.weight, findings: category.findings,
                    deductions: category.deductions.map {
                        Deduction(ruleId: $0.ruleId, findings: $0.findings, points: ($0.points * 100).rounded() / 100, counted: ($0.counted * 100).rounded() / 100)
                    }
                ))
            })
        )
        reasons = score.reasons.isEmpty ? nil : score.reasons
    }
}
