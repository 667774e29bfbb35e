import Testing
@testable import PreflightCore

@Suite struct ReadinessScoreTests {
    static let packs = ["dev-keys", "security", "auth", "mocks"]

    static func finding(_ pack: String, _ rule: String, _ severity: Severity, confidence: Confidence = .high, context: FindingContext = .production, line: Int = 1) -> Finding {
        let position = TextPosition(line: line, byteColumn: 1, characterColumn: 1, utf16Column: 1)
        return Finding(ruleId: rule, pack: pack, severity: severity, confidence: confidence, path: "a.py",
                       region: TextRegion(start: position, end: position), message: "m", snippet: "s", fingerprint: "\(rule)\(line)", context: context)
    }

    /// A deterministic spread of findings for the property checks.
    static let samples: [Finding] = (0..<40).map { index in
        let packs = ["dev-keys", "security", "auth", "mocks"]
        let severities: [Severity] = [.low, .medium, .high, .info]
        let contexts: [FindingContext] = [.production, .test, .docs, .production]
        return finding(packs[index % 4], "rule-\(index % 7)", severities[index % 4], confidence: index % 3 == 0 ? .low : .high, context: contexts[index % 4], line: index)
    }

    @Test func noFindingsScoresAHundredAndGo() {
        let score = ReadinessScore(findings: [], packs: Self.packs)
        #expect(score.overall == 100)
        #expect(score.grade == "A")
        #expect(score.verdict == .go)
        #expect(score.categories.map(\.pack) == Self.packs.sorted())
    }

    @Test func scoresStayBetweenZeroAndAHundred() {
        let flood = (0..<500).map { Self.finding("security", "rule-\($0 % 50)", .high, line: $0) }
        let score = ReadinessScore(findings: flood, packs: Self.packs)
        #expect((0...100).contains(score.overall))
        #expect(score.categories.allSatisfy { (0...100).contains($0.score) })
    }

    @Test func addingAFindingNeverRaisesAScore() {
        var findings: [Finding] = []
        var previous = ReadinessScore(findings: findings, packs: Self.packs)
        for finding in Self.samples {
            findings.append(finding)
            let next = ReadinessScore(findings: findings, packs: Self.packs)
            #expect(next.overall <= previous.overall)
            for category in next.categories {
                let before = previous.categories.first { $0.pack == category.pack }!
                #expect(category.score <= before.score)
            }
            previous = next
        }
    }

    @Test func oneNoisyRuleCannotZeroItsCategory() {
        let noisy = (0..<1_000).map { Self.finding("mocks", "noisy-rule", .high, line: $0) }
        let mocks = ReadinessScore(findings: noisy, packs: Self.packs).categories.first { $0.pack == "mocks" }!
        #expect(mocks.score > 30)
        #expect(mocks.deductions.first?.counted == ScoringModel().ruleCap)
    }

    @Test func aCriticalProductionFindingCapsAndFailsTheGateUntilItIsRemoved() {
        let critical = Self.finding("dev-keys", "token", .critical)
        let capped = ReadinessScore(findings: [critical], packs: Self.packs)
        #expect(capped.overall <= 59)
        #expect(capped.verdict == .noGo)
        let lifted = ReadinessScore(findings: [], packs: Self.packs)
        #expect(lifted.overall > capped.overall)
        let inTests = ReadinessScore(findings: [Self.finding("dev-keys", "token", .critical, context: .test)], packs: Self.packs)
        #expect(inTests.criticalFindings == 0)
        #expect(inTests.overall > 59)
    }

    @Test func nonProductionFindingsCostLittle() {
        let production = ReadinessScore(findings: [Self.finding("security", "r", .high)], packs: Self.packs)
        let tests = ReadinessScore(findings: [Self.finding("security", "r", .high, context: .test)], packs: Self.packs)
        #expect(tests.overall > production.overall)
    }

    @Test func sameInputSameScoreAndTheArithmeticIsShown() {
        let first = ReadinessScore(findings: Self.samples, packs: Self.packs)
        let second = ReadinessScore(findings: Self.samples.reversed(), packs: Self.packs)
        #expect(first == second)
        let security = first.categories.first { $0.pack == "security" }!
        #expect(security.deductions.reduce(0) { $0 + $1.findings } == security.findings)
        #expect(security.deductions.allSatisfy { $0.counted <= $0.points && $0.counted <= ScoringModel().ruleCap })
    }
}
