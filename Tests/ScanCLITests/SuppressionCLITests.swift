import Foundation
import PreflightTestSupport
import Testing

/// Inline suppression comments seen from the command line: JSON, SARIF and the unused-suppression switch.
@Suite struct SuppressionCLITests {
    static let word = "scan:" + "ignore"

    static func tree() -> URL {
        let root = FileTree.temporaryDirectory()
        FileTree.write([
            "app/config.py": """
                import os
                API_KEY = os.getenv("API_KEY", "\(FakeSecrets.devKey)")  # \(word) dev-keys-env-fallback-python -- local stack only
                JWT_SECRET = os.getenv("JWT_SECRET", "\(FakeSecrets.devSecret)")
                DEBUG = False  # \(word) dev-keys-env-fallback-python -- stale
                """,
        ], under: root)
        return root
    }

    @Test func aSuppressedFindingLeavesTheFindingsAndCarriesItsReason() throws {
        let root = Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let sarifPath = root.appendingPathComponent("out.sarif").path
        let outcome = try CLI.run([root.path, "check:dev-keys", "--format", "json", "--report", "sarif:\(sarifPath)"])
        #expect(outcome.status == 1)
        let report = try CLI.json(outcome.stdout)
        #expect(CLI.findings(report).map { $0["line"] as? Int } == [3])
        let suppressed = try #require(report["suppressed"] as? [[String: Any]])
        #expect(suppressed.map { $0["line"] as? Int } == [2])
        let suppression = try #require(suppressed.first?["suppression"] as? [String: Any])
        #expect(suppression["kind"] as? String == "inline")
        #expect(suppression["reason"] as? String == "local stack only")
        #expect((report["summary"] as? [String: Any])?["suppressed"] as? Int == 1)

        let document = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: sarifPath)))
        #expect(try JSONSchema.sarif().errors(in: document).isEmpty)
        let results = document["runs"]?[0]?["results"]?.array ?? []
        let hidden = results.filter { $0["suppressions"] != nil }
        #expect(results.count == 2 && hidden.count == 1)
        #expect(hidden.first?["suppressions"]?[0]?["kind"]?.string == "inSource")
        #expect(hidden.first?["suppressions"]?[0]?["justification"]?.string == "local stack only")
    }

    @Test func unusedSuppressionsAreReportedOnlyWhenAskedOrInValidateProduction() throws {
        let root = Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        func unusedLines(_ arguments: [String]) throws -> [Int?] {
            let outcome = try CLI.run([root.path, "--format", "json"] + arguments)
            return CLI.findings(try CLI.json(outcome.stdout)).filter { $0["ruleId"] as? String == "suppression-unused" }.map { $0["line"] as? Int }
        }
        #expect(try unusedLines([]) == [])
        #expect(try unusedLines(["--report-unused-suppressions"]) == [4])
        #expect(try unusedLines(["validate:production"]) == [4])
        // With the packs chosen: the switch still works, without naming the suppressions pack.
        #expect(try unusedLines(["check:dev-keys", "--report-unused-suppressions"]) == [4])
    }
}
