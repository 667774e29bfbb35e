import Foundation
import Testing
@testable import PreflightCore
import PreflightReport
import PreflightReporters

/// The trend between two reports: findings matched by fingerprint, score deltas per category.
@Suite struct ComparisonTests {
    @Test func findingsAreMatchedByFingerprintNotByLine() throws {
        let new = ReporterGoldenTests.report()
        #expect(new.findings.count >= 3)
        var old = new
        // In the old report the first finding sat ten lines lower (same fingerprint), the second did not exist
        // yet, and one finding has been fixed since.
        old.findings[0].line += 10
        let appeared = old.findings.remove(at: 1)
        var gone = new.findings[0]
        gone.fingerprint = String(repeating: "0", count: 32)
        gone.path = "src/legacy.js"
        old.findings.append(gone)

        let comparison = Report.Comparison(old: old, new: new)
        #expect(comparison.new.map(\.fingerprint) == [appeared.fingerprint])
        #expect(comparison.fixed.map(\.path) == ["src/legacy.js"])
        #expect(comparison.unchanged == new.findings.count - 1)
        #expect(comparison.baseline.findings == old.findings.count)
    }

    @Test func scoreDeltasFollowTheScores() throws {
        let new = ReporterGoldenTests.report()
        var old = new
        let pack = try #require(new.score?.categories.keys.sorted().first)
        old.score?.categories[pack]?.score = 10
        old.score?.overall = 40
        let comparison = Report.Comparison(old: old, new: new)
        let newScore = try #require(new.score)
        #expect(comparison.overall?.old == 40 && comparison.overall?.new == newScore.overall && comparison.overall?.delta == newScore.overall - 40)
        #expect(comparison.categories[pack]?.delta == newScore.categories[pack]!.score - 10)
        #expect(comparison.categories.filter { $0.key != pack }.allSatisfy { $0.value.delta == 0 })
    }

    @Test func identicalReportsShowNoChange() {
        let report = ReporterGoldenTests.report()
        let comparison = Report.Comparison(old: report, new: report)
        #expect(comparison.new.isEmpty && comparison.fixed.isEmpty)
        #expect(comparison.unchanged == report.findings.count)
        #expect(comparison.overall?.delta == 0)
        let text = TextReporter(color: false).render(comparison)
        #expect(text.contains("Fixed: 0") && text.contains("New: 0"))
    }

    @Test func reportsCarryTheTrendInEveryFormat() throws {
        var report = ReporterGoldenTests.report()
        var old = report
        old.findings.removeAll()
        old.score?.overall = 100
        report.comparison = Report.Comparison(old: old, new: report)
        #expect(report.comparison?.new.count == report.findings.count)
        let text = TextReporter(color: false).render(report)
        #expect(text.contains("Trend since express-app: readiness 100 → \(report.score!.overall)"))
        let markdown = MarkdownReporter().render(report)
        #expect(markdown.contains("## Trend since `express-app`"))
        #expect(markdown.contains("### New findings (\(report.findings.count))"))
        let decoded = try JSONDecoder().decode(Report.self, from: Data(JSONReporter().render(report).utf8))
        #expect(decoded.comparison == report.comparison)
    }
}
