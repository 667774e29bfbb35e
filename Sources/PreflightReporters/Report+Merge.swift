import PreflightCore
import PreflightReport

/// Why shard reports cannot be merged.
public struct ReportMergeError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension Report {
    /// One report from the JSON reports of the shards of one scan (`--shard I/N`): findings, suppressed findings,
    /// diagnostics and endpoints joined and sorted, counts summed, and one score computed again over all findings
    /// with the weights and threshold the shards used. Reports that are not every part of one run (`names` says
    /// which file each is), of different rule selections, or that share a finding, are refused.
    public static func merging(_ reports: [Report], names: [String]? = nil) throws(ReportMergeError) -> Report {
        guard let first = reports.first else { throw ReportMergeError(message: "no report to merge") }
        try checkShards(reports, names: names ?? reports.indices.map { "report \($0 + 1)" })
        for report in reports.dropFirst() where report.packsSelected != first.packsSelected || report.summary.rulesRun != first.summary.rulesRun {
            throw ReportMergeError(message: "the reports come from different rule selections (\(first.packsSelected?.joined(separator: ",") ?? "every pack"), \(first.summary.rulesRun) rules vs \(report.packsSelected?.joined(separator: ",") ?? "every pack"), \(report.summary.rulesRun) rules)")
        }
        var seen = Set<String>()
        for finding in reports.flatMap({ $0.findings + ($0.suppressed ?? []) }) {
            let key = "\(finding.ruleId)\u{0}\(finding.path)\u{0}\(finding.fingerprint)"
            guard seen.insert(key).inserted else {
                throw ReportMergeError(message: "two reports hold the same finding (\(finding.ruleId) at \(finding.path):\(finding.line)): is a shard given twice?")
            }
        }
        let findings = reports.flatMap(\.findings).sorted(by: Self.reportOrder)
        let suppressed = reports.flatMap { $0.suppressed ?? [] }.sorted(by: Self.reportOrder)
        var skipped: [String: Int] = [:]
        for report in reports { skipped.merge(report.summary.skippedByReason, uniquingKeysWith: +) }
        var summary = Summary(
            filesScanned: reports.reduce(0) { $0 + $1.summary.filesScanned },
            filesSkipped: reports.reduce(0) { $0 + $1.summary.filesSkipped },
            skippedByReason: skipped,
            bytesScanned: reports.reduce(0) { $0 + $1.summary.bytesScanned },
            durationMs: reports.map(\.summary.durationMs).max() ?? 0,
            findingsBySeverity: Summary.counts(bySeverity: findings.map(\.severity)),
            complete: reports.allSatisfy(\.summary.complete),
            rulesRun: first.summary.rulesRun
        )
        summary.suppressed = suppressed.isEmpty ? nil : suppressed.count
        // Every shard walks the whole tree: each counts the same exclusions.
        summary.excludedBySource = first.summary.excludedBySource
        summary.packagedDistribution = first.summary.packagedDistribution
        let endpoints = reports.flatMap { $0.inventory?.endpoints.items ?? [] }.sorted { ($0.file, $0.line, $0.method, $0.path) < ($1.file, $1.line, $1.method, $1.path) }
        var merged = Report(
            tool: first.tool, root: first.root, summary: summary,
            diagnostics: reports.flatMap(\.diagnostics).sorted { ($0.path, $0.kind, $0.ruleId ?? "") < ($1.path, $1.kind, $1.ruleId ?? "") },
            findings: findings,
            inventory: endpoints.isEmpty ? nil : Inventory(endpoints: Endpoints(items: endpoints))
        )
        merged.suppressed = suppressed.isEmpty ? nil : suppressed
        merged.rootUri = first.rootUri
        merged.commit = reports.lazy.compactMap(\.commit).first
        merged.packsSelected = first.packsSelected
        var rules: [String: RuleInfo] = [:]
        for rule in reports.flatMap({ $0.rules ?? [] }) where rules[rule.id] == nil { rules[rule.id] = rule }
        merged.rules = rules.isEmpty ? nil : rules.values.sorted { $0.id < $1.id }
        if let score = first.score {
            let known = suppressed.filter(\.countsTowardsScore)
            merged.score = Score(Self.score(findings + known, packs: Set(rules.values.map(\.pack)).union(score.categories.keys), like: score,
                                            summary: summary))
            merged.score?.baselineFindingsCounted = known.isEmpty ? nil : known.count
        }
        return merged
    }

    /// Refuses reports that are not the N distinct parts of one sharded run: a report without shard information, a
    /// part of another run or of another split, a part given twice, or a missing part.
    private static func checkShards(_ reports: [Report], names: [String]) throws(ReportMergeError) {
        var parts: [Int: String] = [:]
        guard let first = reports.first?.shard else {
            throw ReportMergeError(message: "\(names[0]) is not the report of a shard: write each part with `scan --shard I/N --format json`")
        }
        for (report, name) in zip(reports, names) {
            guard let shard = report.shard else {
                throw ReportMergeError(message: "\(name) is not the report of a shard: write each part with `scan --shard I/N --format json`")
            }
            guard shard.run == first.run, shard.count == first.count else {
                throw ReportMergeError(message: "\(name) belongs to another scan (shard \(shard.index)/\(shard.count) of run \(shard.run), not of run \(first.run) in \(first.count) parts): merge the parts of one run, with the same commit, rules, configuration and options")
            }
            if let earlier = parts[shard.index] {
                throw ReportMergeError(message: "shard \(shard.index)/\(shard.count) is given twice (\(earlier) and \(name))")
            }
            parts[shard.index] = name
        }
        let missing = (1...first.count).filter { parts[$0] == nil }
        guard missing.isEmpty else {
            throw ReportMergeError(message: "shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(first.count)" }.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing: a merged report must cover every part of the tree")
        }
    }

    /// The score of `findings` with the weights and threshold of `shardScore` (a pack it does not list weighed 0), on
    /// the evidence `summary` gives.
    private static func score(_ findings: [Finding], packs: Set<String>, like shardScore: Score, summary: Summary) -> ReadinessScore {
        var model = ScoringModel()
        for pack in packs { model.weights[pack] = shardScore.categories[pack]?.weight ?? 0 }
        model.threshold = shardScore.threshold
        let items = findings.compactMap { finding -> ReadinessScore.Item? in
            guard let severity = Severity(rawValue: finding.severity), let confidence = Confidence(rawValue: finding.confidence),
                  let context = FindingContext(rawValue: finding.context) else { return nil }
            return ReadinessScore.Item(ruleId: finding.ruleId, pack: finding.pack, severity: severity, confidence: confidence, context: context)
        }
        return ReadinessScore(items: items, packs: Array(packs), model: model, complete: summary.complete, filesScanned: summary.filesScanned)
    }

    /// Path, line, column, rule id, fingerprint: the order of every report.
    private static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        return (lhs.line, lhs.column, lhs.ruleId, lhs.fingerprint) < (rhs.line, rhs.column, rhs.ruleId, rhs.fingerprint)
    }
}

extension Report.Finding {
    /// Whether this suppressed finding still counts towards the score (a baseline entry without a decision that
    /// makes it safe).
    var countsTowardsScore: Bool {
        guard let suppression, let kind = Suppression.Kind(rawValue: suppression.kind) else { return false }
        return ReadinessScore.counts(hiddenBy: Suppression(kind: kind, reason: suppression.reason, status: suppression.status, expires: suppression.expires))
    }
}
