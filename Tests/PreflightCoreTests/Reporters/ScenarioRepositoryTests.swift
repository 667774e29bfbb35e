import Foundation
import Testing
@testable import PreflightCore
import PreflightReport
import PreflightReporters

/// End-to-end tests on three synthetic repositories modelled on real readiness plans: the JSON and markdown
/// reports must equal their committed golden copies (Fixtures/golden/, re-recorded on purpose with
/// `PREFLIGHT_RECORD_GOLDEN=1`), and each report must put first what a reviewer of that plan reads first.
@Suite struct ScenarioRepositoryTests {
    static let scenarios = ["ai-tools-server", "agent-service", "content-generator"]
    static let goldenDirectory = TestSupport.packageRoot.appendingPathComponent("Fixtures/golden")

    /// The report of one scenario, with the run-dependent fields fixed.
    static func report(_ name: String) -> Report {
        let root = TestSupport.packageRoot.appendingPathComponent("Fixtures/repos/\(name)")
        let result = TestSupport.scanner(TestSupport.builtinRules).scan([WalkTarget(fileSystemPath: root.path, displayPath: "")])
        var report = Report(result: result, root: name, rules: TestSupport.builtinRules.rules)
        report.summary.durationMs = 0
        return report
    }

    @Test("the JSON and markdown reports match their golden files", arguments: scenarios)
    func matchesGolden(_ name: String) throws {
        let report = Self.report(name)
        for (format, suffix) in [(ReportFormat.json, "json"), (.markdown, "md")] {
            let rendered = format.reporter(color: false, scoreCard: true).render(report)
            let golden = Self.goldenDirectory.appendingPathComponent("\(name).\(suffix)")
            if ProcessInfo.processInfo.environment["PREFLIGHT_RECORD_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
                try rendered.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(rendered == expected, "\(golden.lastPathComponent) differs; re-record on purpose if the change is intended")
        }
    }

    func findings(_ report: Report, _ ruleId: String) -> [Report.Finding] {
        report.findings.filter { $0.ruleId == ruleId }
    }

    /// The section of the markdown report before the findings: what the meeting reads first.
    func opening(_ report: Report) -> String {
        let markdown = MarkdownReporter().render(report)
        return String(markdown[..<(markdown.range(of: "## Findings in production code")?.lowerBound ?? markdown.endIndex)])
    }

    @Test func anExpressAIToolsServer() throws {
        let report = Self.report("ai-tools-server")
        #expect(report.score?.verdict == "NO-GO")
        // Every local-dev-key fallback, in each of the files that has one.
        let fallbacks = findings(report, "dev-keys-env-fallback-javascript")
        #expect(Set(fallbacks.map(\.path)) == ["src/config/settings.ts", "src/routes/admin.ts", "src/services/llm.ts"])
        #expect(fallbacks.count == 4)
        #expect(findings(report, "mocks-noop-middleware").map(\.path) == ["src/middleware/performance.ts"])
        #expect(findings(report, "disabled-commented-security-import").map(\.path) == ["src/server.ts"])
        #expect(findings(report, "disabled-commented-registration").count == 2, "the hardening service and the GraphQL server")
        #expect(findings(report, "disabled-parked-file").map(\.path).sorted() == [
            "migrations/002_add_usage.sql.disabled", "migrations/003_template_owner.sql.disabled",
        ])
        #expect(findings(report, "security-cors-localhost-origin").count == 1)
        #expect(findings(report, "security-csp-unsafe").count >= 1)
        let endpoints = try #require(report.inventory?.endpoints)
        #expect((endpoints.total, endpoints.authenticated, endpoints.rateLimited, endpoints.publicRoutes) == (9, 2, 0, 1))
        let opening = opening(report)
        #expect(opening.contains("### Fix first"))
        #expect(opening.contains("Hard-coded secret fallback") || opening.contains("fallback"))
        #expect(opening.contains("9 endpoints in 4 files: 2 authenticated (22%), 0 rate-limited (0%)"))
    }

    @Test func aFastAPIAgentService() throws {
        let report = Self.report("agent-service")
        #expect(report.score?.verdict == "NO-GO")
        #expect(findings(report, "pydantic-v2-api-unimported").map(\.path) == ["app/models/agent.py"])
        #expect(findings(report, "pydantic-v1-dict-method").count == 3, "payload.dict(), _tasks[task_id].dict(), profile.dict()")
        #expect(findings(report, "pydantic-class-config").count == 2)
        #expect(!findings(report, "pydantic-v1-parse-obj").isEmpty && !findings(report, "pydantic-v1-validator").isEmpty)
        #expect(findings(report, "mocks-stand-in-instantiated").map(\.message).sorted() == [
            "MockDraftAgent from a mock module is created in production code",
            "MockResearchAgent from a mock module is created in production code",
        ])
        #expect(!findings(report, "ops-no-container-build").isEmpty, "no Dockerfile")
        #expect(!findings(report, "ops-no-health-endpoint").isEmpty, "no health endpoint")
        #expect(findings(report, "dev-keys-env-fallback-python").map(\.path) == ["app/config.py"])
        let endpoints = try #require(report.inventory?.endpoints)
        #expect((endpoints.total, endpoints.authenticated, endpoints.rateLimited) == (5, 2, 0))
        #expect(opening(report).contains("MockResearchAgent") == false, "the opening names rules, not single findings")
        #expect(opening(report).contains("Stand-in from a mock module created in production code"))
    }

    @Test func aFlaskContentGenerator() throws {
        let report = Self.report("content-generator")
        let endpoints = try #require(report.inventory?.endpoints)
        #expect((endpoints.total, endpoints.files, endpoints.authenticated, endpoints.rateLimited) == (30, 6, 0, 0))
        #expect(findings(report, "auth-flask-unauthenticated-route").count == 30)
        // Only the 19 routes that change state get a rate-limit finding; the 11 reads are in the inventory.
        #expect(findings(report, "rate-limit-flask-route-without-limiter").count == 19)
        let conflicts = findings(report, "merge-conflict-block")
        #expect(conflicts.filter { $0.context == "archive" }.count == 3)
        #expect(conflicts.filter { $0.context == "production" }.map(\.path) == ["generator/llm.py"])
        // Dev values only in tests, where they are by design: not reported.
        #expect(report.findings.filter { $0.pack == "dev-keys" }.isEmpty)
        // The one conflict in live code is critical: it caps the score and fails the gate.
        #expect(report.score?.criticalFindings == 1)
        #expect(report.score?.verdict == "NO-GO")
        let opening = opening(report)
        #expect(opening.contains("1. **critical** · Unresolved merge conflict: 1 finding in `generator/llm.py`"))
        #expect(opening.contains("30 endpoints in 6 files: 0 authenticated (0%), 0 rate-limited (0%)"))
    }
}
