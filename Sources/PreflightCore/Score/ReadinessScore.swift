import Foundation

/// The readiness score of a scan: per category (pack) and overall, with the arithmetic that produced it.
public struct ReadinessScore: Sendable, Equatable {
    /// What one rule cost its category.
    public struct Deduction: Sendable, Equatable {
        public let ruleId: String
        public let findings: Int
        /// The sum of its findings' points.
        public let points: Double
        /// The points counted, after the per-rule cap.
        public let counted: Double
    }

    /// One category.
    public struct Category: Sendable, Equatable {
        public let pack: String
        public let score: Int
        public let weight: Double
        public let findings: Int
        public let deductions: [Deduction]
    }

    public enum Verdict: String, Sendable {
        case go = "GO"
        case noGo = "NO-GO"
        /// The scan could not look at everything: no verdict can be given on what it saw.
        case incomplete = "INCOMPLETE"
    }

    public let overall: Int
    public let grade: String
    public let verdict: Verdict
    public let threshold: Int
    /// Sorted by pack name.
    public let categories: [Category]
    /// Production findings of critical severity: each caps the overall score and fails the gate.
    public let criticalFindings: Int
    /// Why the verdict is not GO, one sentence each; empty for GO.
    public let reasons: [String]

    /// What the score reads of a finding.
    public struct Item: Sendable {
        public let ruleId: String
        public let pack: String
        public let severity: Severity
        public let confidence: Confidence
        public let context: FindingContext

        public init(ruleId: String, pack: String, severity: Severity, confidence: Confidence, context: FindingContext) {
            self.ruleId = ruleId
            self.pack = pack
            self.severity = severity
            self.confidence = confidence
            self.context = context
        }
    }

    /// Scores `findings` for the packs that ran (a pack with no finding scores 100). Packs of weight 0 are not scored.
    /// A verdict needs evidence: an incomplete scan is INCOMPLETE, and a scan of no file (`filesScanned` 0) NO-GO.
    public init(findings: [Finding], packs: [String], model: ScoringModel = ScoringModel(), complete: Bool = true, filesScanned: Int? = nil) {
        self.init(items: findings.map {
            Item(ruleId: $0.ruleId, pack: $0.pack, severity: $0.severity, confidence: $0.confidence, context: $0.context)
        }, packs: packs, model: model, complete: complete, filesScanned: filesScanned)
    }

    /// Scores findings given by what the score reads of them (a merged report has no `Finding` values).
    public init(items findings: [Item], packs: [String], model: ScoringModel = ScoringModel(), complete: Bool = true, filesScanned: Int? = nil) {
        var byPack: [String: [Item]] = [:]
        for finding in findings { byPack[finding.pack, default: []].append(finding) }
        let allPacks = Set(packs).union(byPack.keys).filter { model.weight(of: $0) > 0 }.sorted()
        categories = allPacks.map { pack in
            let packFindings = byPack[pack] ?? []
            var byRule: [String: [Item]] = [:]
            for finding in packFindings { byRule[finding.ruleId, default: []].append(finding) }
            let deductions = byRule.keys.sorted().map { ruleId -> Deduction in
                let points = byRule[ruleId]!.reduce(0) { $0 + model.points(for: $1) }
                return Deduction(ruleId: ruleId, findings: byRule[ruleId]!.count, points: points, counted: min(points, model.ruleCap))
            }
            let penalty = deductions.reduce(0) { $0 + $1.counted }
            let score = Int((100 * pow(0.5, penalty / model.halfLife)).rounded(.down))
            return Category(pack: pack, score: max(0, min(100, score)), weight: model.weight(of: pack), findings: packFindings.count, deductions: deductions)
        }
        let totalWeight = categories.reduce(0) { $0 + $1.weight }
        var overall = totalWeight > 0
            ? Int((categories.reduce(0) { $0 + Double($1.score) * $1.weight } / totalWeight).rounded(.down))
            : 100
        criticalFindings = findings.filter { $0.severity == .critical && $0.context == .production && model.weight(of: $0.pack) > 0 }.count
        if criticalFindings > 0 { overall = min(overall, model.criticalCap) }
        self.overall = max(0, min(100, overall))
        grade = Self.grade(for: self.overall)
        threshold = model.threshold
        var reasons: [String] = []
        if !complete { reasons.append("the scan is incomplete (see the diagnostics): findings may be missing") }
        if filesScanned == 0 { reasons.append("no file was scanned") }
        if criticalFindings > 0 {
            reasons.append("\(criticalFindings) critical finding\(criticalFindings == 1 ? "" : "s") in production code")
        }
        if self.overall < model.threshold { reasons.append("the score \(self.overall) is below the threshold \(model.threshold)") }
        self.reasons = reasons
        verdict = !complete ? .incomplete : reasons.isEmpty ? .go : .noGo
    }

    /// Whether a finding hidden by `suppression` still counts towards the score: a baseline entry hides a finding
    /// from the list of new ones, but only a decision with a reason (an accepted risk, a false positive) makes it
    /// safe. Untriaged and to-do entries count; an expired entry hides nothing in the first place.
    public static func counts(hiddenBy suppression: Suppression) -> Bool {
        guard suppression.kind == .baseline else { return false }
        let decided = suppression.status == Baseline.Status.acceptedRisk.rawValue || suppression.status == Baseline.Status.falsePositive.rawValue
        let reason = suppression.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return !(decided && !reason.isEmpty)
    }

    static func grade(for score: Int) -> String {
        switch score {
        case 90...: return "A"
        case 80..<90: return "B"
        case 70..<80: return "C"
        case 60..<70: return "D"
        default: return "F"
        }
    }
}
