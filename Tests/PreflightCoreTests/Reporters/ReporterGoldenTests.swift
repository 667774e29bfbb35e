import Foundation
import Testing
@testable import PreflightCore
import PreflightReport
import PreflightReporters

/// Each reporter's output for a fixture repository, compared with a committed golden file.
/// Re-record on purpose with `PREFLIGHT_RECORD_GOLDEN=1 swift test --filter ReporterGolden`.
@Suite struct ReporterGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The report of the Express fixture app, with the run-dependent fields fixed.
    static func report() -> Report {
        let root = TestSupport.packageRoot.appendingPathComponent("Fixtures/repos/express-app")
        let result = TestSupport.scanner(TestSupport.builtinRules).scan([WalkTarget(fileSystemPath: root.path, displayPath: "")])
        var report = Report(result: result, root: "express-app", rules: TestSupport.builtinRules.rules)
        report.summary.durationMs = 0
        return report
    }

    @Test("reporter output matches its golden file", arguments: ReportFormat.allCases)
    func matchesGolden(_ format: ReportFormat) throws {
        let rendered = format.reporter(color: false, scoreCard: true).render(Self.report())
        let golden = Self.goldenDirectory.appendingPathComponent("express-app.\(format.rawValue).golden")
        if ProcessInfo.processInfo.environment["PREFLIGHT_RECORD_GOLDEN"] == "1" {
            try rendered.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == expected, "\(format.rawValue) output differs from \(golden.lastPathComponent); re-record on purpose if the change is intended")
    }

    @Test func theJSONReportDecodesBackToTheSameReport() throws {
        let report = Self.report()
        let data = Data(JSONReporter().render(report).utf8)
        #expect(try JSONDecoder().decode(Report.self, from: data) == report)
    }
}
