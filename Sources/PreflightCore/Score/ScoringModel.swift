import Foundation

/// The parameters of the readiness score (docs/scoring.md). Deterministic: the same findings give the same score.
public struct ScoringModel: Sendable {
    /// Category (pack) weights; packs not listed weigh `defaultWeight`.
    public var weights: [String: Double] = [
        "dev-keys": 20, "security": 20, "auth": 15, "merge-markers": 10, "rate-limit": 8,
        "disabled": 8, "mocks": 8, "ops": 6, "pydantic": 5,
        // Suppression hygiene says nothing about the code's readiness: reported, not scored.
        "suppressions": 0,
    ]
    public var defaultWeight: Double = 5
    /// Points a finding costs by severity, before confidence and context.
    public var severityPoints: [Severity: Double] = [.critical: 50, .high: 25, .medium: 8, .low: 2, .info: 0]
    public var confidenceFactor: [Confidence: Double] = [.high: 1, .medium: 0.75, .low: 0.5]
    /// Findings outside production code cost a small fraction.
    public var contextFactor: [FindingContext: Double] = [
        .production: 1, .test: 0.1, .fixture: 0.1, .example: 0.1, .docs: 0.1, .archive: 0.1, .development: 0.1, .vendor: 0.05, .generated: 0.05,
    ]
    /// The most one rule can cost its category, so that one noisy rule cannot zero it.
    public var ruleCap: Double = 60
    /// Points after which a category score halves.
    public var halfLife: Double = 40
    /// The overall score's ceiling while a critical production finding exists.
    public var criticalCap: Int = 59
    /// The overall score needed for GO.
    public var threshold: Int = 90

    public init() {}

    public func weight(of pack: String) -> Double { weights[pack] ?? defaultWeight }

    /// What one finding costs.
    public func points(for finding: ReadinessScore.Item) -> Double {
        (severityPoints[finding.severity] ?? 0) * (confidenceFactor[finding.confidence] ?? 1) * (contextFactor[finding.context] ?? 1)
    }
}
