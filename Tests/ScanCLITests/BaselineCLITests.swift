import Foundation
import PreflightTestSupport
import Testing

/// `scan baseline create|prune|audit` and `--baseline`, on files that change the way a repository does.
@Suite struct BaselineCLITests {
    static func findingLines(_ outcome: CLI.Outcome) throws -> [Int] {
        CLI.findings(try CLI.json(outcome.stdout)).compactMap { $0["line"] as? Int }
    }

    @Test func aBaselineHidesTodaysFindingsButNotANewOneEvenAfterLinesShift() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("app/config.py")
        FileTree.write(["app/config.py": "import os\nA = os.getenv(\"A_KEY\", \"\(FakeSecrets.devKey)\")\n"], under: root)
        let baselinePath = root.appendingPathComponent("known.json").path
        let created = try CLI.run(["baseline", "create", "--output", baselinePath, root.path])
        #expect(created.status == 0, "\(created.stderr)")
        let firstText = try String(contentsOfFile: baselinePath, encoding: .utf8)
        #expect(!firstText.contains("\"line\""), "entries are not keyed by line")
        #expect(!firstText.contains(FakeSecrets.devKey), "the baseline never holds the secret")

        // Tomorrow: lines are added above, the known line is re-indented, and a new finding appears.
        try Data("\"\"\"Settings.\"\"\"\n\nimport os\n\n\nif True:\n    A = os.getenv(\"A_KEY\", \"\(FakeSecrets.devKey)\")\nB = os.getenv(\"B_KEY\", \"\(FakeSecrets.devSecret)\")\n".utf8).write(to: file)
        let later = try CLI.run([root.path, "--format", "json", "--baseline", baselinePath])
        #expect(later.status == 1)
        #expect(try Self.findingLines(later) == [8])
        let suppressed = try CLI.json(later.stdout)["suppressed"] as? [[String: Any]]
        #expect(suppressed?.map { $0["line"] as? Int } == [7])

        // Re-creating keeps the file stable for the known finding and adds the new one.
        #expect(try CLI.run(["baseline", "create", "--output", baselinePath, root.path]).status == 0)
        #expect(try CLI.run([root.path, "--baseline", baselinePath]).status == 0)
        let again = try CLI.run(["baseline", "create", "--output", baselinePath, root.path])
        #expect(again.status == 0)
        let secondText = try String(contentsOfFile: baselinePath, encoding: .utf8)
        #expect(try CLI.run(["baseline", "create", "--output", baselinePath, root.path]).status == 0)
        #expect(try String(contentsOfFile: baselinePath, encoding: .utf8) == secondText, "the same findings give the same bytes")
    }

    @Test func pruneDropsOnlyEntriesWhoseFindingIsGoneAndDecisionsSurviveCreate() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            "a.py": "import os\nA = os.getenv(\"A_KEY\", \"\(FakeSecrets.devKey)\")\n",
            "b.py": "import os\nB = os.getenv(\"B_KEY\", \"\(FakeSecrets.devSecret)\")\n",
        ], under: root)
        let path = root.appendingPathComponent(".scan-baseline.json").path
        #expect(try CLI.run(["baseline", "create", "--output", path, "."], in: root).status == 0)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // A reviewer's decision on the entry of b.py.
        text = text.replacingOccurrences(of: "\"path\" : \"b.py\",", with: "\"path\" : \"b.py\",\n      \"status\" : \"accepted-risk\",\n      \"reason\" : \"demo stack\",")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CLI.run(["baseline", "create", "--output", path, "."], in: root).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"reason\" : \"demo stack\""))

        try Data("A = 1\n".utf8).write(to: root.appendingPathComponent("a.py"))
        // A scan of another pack cannot prune dev-keys entries.
        #expect(try CLI.run(["baseline", "prune", "check:merge-markers", "."], in: root).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("a.py"))
        let pruned = try CLI.run(["baseline", "prune", "."], in: root)
        #expect(pruned.status == 0)
        #expect(pruned.stderr.contains("Removed 1 entry"))
        let kept = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!kept.contains("a.py") && kept.contains("b.py") && kept.contains("accepted-risk"))
    }

    @Test func anExpiredEntryNoLongerHidesItsFindingAndABrokenFileExitsTwo() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["a.py": "import os\nA = os.getenv(\"A_KEY\", \"\(FakeSecrets.devKey)\")\n"], under: root)
        let path = root.appendingPathComponent("base.json").path
        #expect(try CLI.run(["baseline", "create", "-o", path, root.path]).status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"path\"", with: "\"expires\" : \"2001-01-01\",\n      \"path\"").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CLI.run([root.path, "--baseline", path]).status == 1)
        try Data(text.replacingOccurrences(of: "\"path\"", with: "\"expires\" : \"9999-12-31\",\n      \"path\"").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CLI.run([root.path, "--baseline", path]).status == 0)

        try Data(text.replacingOccurrences(of: "\"path\"", with: "\"expires\" : \"next week\",\n      \"path\"").utf8).write(to: URL(fileURLWithPath: path))
        let broken = try CLI.run([root.path, "--baseline", path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(path) && broken.stderr.contains("YYYY-MM-DD"))
        try Data("{\"version\": 1}".utf8).write(to: URL(fileURLWithPath: path))
        let missing = try CLI.run([root.path, "--baseline", path])
        #expect(missing.status == 2 && missing.stderr.contains("missing 'entries'"))
    }

    @Test func auditRecordsDecisionsTypedOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            "a.py": "import os\nA = os.getenv(\"A_KEY\", \"\(FakeSecrets.devKey)\")\nB = os.getenv(\"B_KEY\", \"\(FakeSecrets.devSecret)\")\n",
        ], under: root)
        // Without a terminal, audit refuses rather than hanging on a question.
        #expect(try CLI.run(["baseline", "audit", root.path]).status == 2)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(CLI.binary.path)' baseline audit .", "/dev/null"]
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data("f\nthe value is a test double\ns\n".utf8))
        process.waitUntilExit()
        let baseline = try CLI.json(String(contentsOfFile: root.appendingPathComponent(".scan-baseline.json").path, encoding: .utf8))
        let entries = try #require(baseline["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["status"] as? String == "false-positive")
        #expect(entries.first?["reason"] as? String == "the value is a test double")
    }

    @Test func baselineFilesAreNeverScannedAsProjectFiles() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A baseline's messages quote what the rules found; an old one may even hold a value in full.
        let entry = "{\"version\": 1, \"entries\": [{\"ruleId\": \"x\", \"path\": \"a.py\", \"fingerprint\": \"0\", \"message\": \"KEY = '\(FakeSecrets.devKey)'\"}]}"
        FileTree.write([".scan-baseline.json": entry, "service/.scan-baseline.json": entry, "a.py": "x = 1\n"], under: root)
        #expect(try CLI.run([root.path]).status == 0)
    }
}
