import Foundation
import PreflightTestSupport
import Testing

/// The readiness gate gives no GO on partial or filtered evidence: a baseline does not make known findings safe,
/// an incomplete scan has no verdict, and a scan of no file is never GO.
@Suite struct GateVerdictTests {
    /// A small service with an unauthenticated route and a dev key.
    static func service() -> URL {
        let root = FileTree.temporaryDirectory()
        FileTree.write([
            "app/main.py": """
                import os
                from fastapi import FastAPI

                app = FastAPI()
                API_KEY = os.getenv("API_KEY", "\(FakeSecrets.devKey)")

                @app.delete("/orders/{order_id}")
                def delete_order(order_id: int):
                    return {"deleted": order_id}
                """,
            "Dockerfile": "FROM python:3.12\n",
            "README.md": "# Service\n",
        ], under: root)
        return root
    }

    static func score(_ outcome: CLI.Outcome) throws -> [String: Any] {
        try #require(try CLI.json(outcome.stdout)["score"] as? [String: Any])
    }

    @Test func aBaselineHidesKnownFindingsFromTheListButTheScoreCountsThemUntilADecisionMakesThemSafe() throws {
        let root = Self.service()
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = try CLI.run(["validate:production", ".", "--format", "json"], in: root)
        #expect(plain.status == 1)
        let before = try Self.score(plain)
        #expect(before["verdict"] as? String == "NO-GO")

        #expect(try CLI.run(["baseline", "create"], in: root).status == 0)
        let gated = try CLI.run(["validate:production", "--baseline", ".scan-baseline.json", ".", "--format", "json"], in: root)
        #expect(gated.status == 1, "a baseline must not turn the gate green")
        #expect(CLI.findings(try CLI.json(gated.stdout)).isEmpty, "no finding is new")
        let after = try Self.score(gated)
        #expect(after["verdict"] as? String == "NO-GO")
        #expect(after["overall"] as? Int == before["overall"] as? Int)
        #expect((after["baselineFindingsCounted"] as? Int ?? 0) > 0)
        let text = try CLI.run(["validate:production", "--baseline", ".scan-baseline.json", "."], in: root)
        #expect(text.stdout.contains("from the baseline that no decision makes safe"), "\(text.stdout)")

        // Decisions with a reason make known findings safe; a status without a reason does not.
        let path = root.appendingPathComponent(".scan-baseline.json")
        let original = try String(contentsOf: path, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "\"message\"", with: "\"status\" : \"accepted-risk\",\n      \"message\"").utf8).write(to: path)
        let withoutReason = try CLI.run(["validate:production", "--baseline", ".scan-baseline.json", ".", "--format", "json"], in: root)
        #expect(try Self.score(withoutReason)["verdict"] as? String == "NO-GO")
        try Data(original.replacingOccurrences(of: "\"message\"", with: "\"status\" : \"accepted-risk\",\n      \"reason\" : \"internal demo only\",\n      \"message\"").utf8).write(to: path)
        let decided = try CLI.run(["validate:production", "--baseline", ".scan-baseline.json", ".", "--format", "json"], in: root)
        #expect(decided.status == 0, "\(decided.stdout)")
        #expect(try Self.score(decided)["verdict"] as? String == "GO")
        #expect(try Self.score(decided)["baselineFindingsCounted"] == nil)
    }

    @Test func anIncompleteScanHasNoVerdictInAnyFormat() throws {
        let root = Self.service()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<3 { FileTree.write(["app/k\(index).py": "GITHUB_TOKEN = \"\(FakeSecrets.github)\"\n"], under: root) }
        let json = try CLI.run(["validate:production", ".", "--max-findings", "1", "--format", "json"], in: root)
        #expect(json.status == 3)
        let score = try Self.score(json)
        #expect(score["verdict"] as? String == "INCOMPLETE")
        #expect((score["reasons"] as? [String])?.first?.contains("incomplete") == true)
        let text = try CLI.run(["validate:production", ".", "--max-findings", "1"], in: root)
        #expect(text.stdout.contains("INCOMPLETE") && !text.stdout.contains(" GO,"), "\(text.stdout)")
        let markdown = try CLI.run(["validate:production", ".", "--max-findings", "1", "--format", "markdown"], in: root)
        #expect(markdown.stdout.contains("**INCOMPLETE**"))
        let html = try CLI.run(["validate:production", ".", "--max-findings", "1", "--format", "html"], in: root)
        #expect(html.stdout.contains(">INCOMPLETE</span>"))
        let sarif = try JSONValue.parse(Data(try CLI.run(["validate:production", ".", "--max-findings", "1", "--format", "sarif"], in: root).stdout.utf8))
        #expect(sarif["runs"]?[0]?["properties"]?["readiness"]?["verdict"]?.string == "INCOMPLETE")
    }

    @Test func aScanOfNoFileIsNeverGo() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let empty = try CLI.run(["validate:production", root.path, "--format", "json"])
        #expect(empty.status == 1)
        #expect(try Self.score(empty)["verdict"] as? String == "NO-GO")
        #expect((try Self.score(empty)["reasons"] as? [String]) == ["no file was scanned"])
        // A plain scan of nothing finds nothing and passes: a commit that stages nothing is not blocked.
        #expect(try CLI.run([root.path]).status == 0)
    }
}
