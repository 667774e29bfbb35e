import Foundation
import PreflightTestSupport
import Testing

/// A throwaway git repository driven with the real `git`.
struct Repository {
    let root: URL

    init() throws {
        root = FileTree.temporaryDirectory()
        try git("init", "-q", "-b", "main")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) {
        FileTree.write([path: text], under: root)
    }

    /// Runs git; returns its exit status (and throws on a failure to start).
    @discardableResult
    func git(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = "Test"
            environment["GIT_\(role)_EMAIL"] = "test@example.invalid"
        }
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// `--staged`, `--since`, `--changed-lines-only` and `scan hook install` in real repositories.
@Suite struct GitWorkflowTests {
    static let keyLine = "API_KEY = os.getenv(\"API_KEY\", \"\(FakeSecrets.devKey)\")\n"

    static func lines(_ outcome: CLI.Outcome) throws -> [String] {
        CLI.findings(try CLI.json(outcome.stdout)).map { "\($0["path"] as? String ?? ""):\($0["line"] as? Int ?? 0)" }
    }

    @Test func stagedScansTheIndexNotTheWorkTreeWithIndexLineNumbers() throws {
        let repository = try Repository()
        defer { repository.remove() }
        repository.write("clean.py", "print('ok')\n")
        try repository.git("add", "clean.py")
        let beforeFirstCommit = try CLI.run(["--staged", "--format", "json"], in: repository.root)
        #expect(beforeFirstCommit.status == 0, "\(beforeFirstCommit.stderr)")

        repository.write("app/settings.py", "import os\n\n" + Self.keyLine)
        try repository.git("add", "app/settings.py")
        // The work tree no longer holds the key, and has lines added above: the index still does, at line 3.
        repository.write("app/settings.py", "import os\n# one\n# two\n# three\nAPI_KEY = os.environ[\"API_KEY\"]\n")
        let staged = try CLI.run(["--staged", "--format", "json"], in: repository.root)
        #expect(staged.status == 1, "a staged key must fail the scan: \(staged.stderr)")
        #expect(try Self.lines(staged) == ["app/settings.py:3"])
        // A blocked commit says so and how to go on; a commit is not a repository, so there is no readiness score.
        #expect(staged.stderr.contains("Commit blocked") && staged.stderr.contains("git commit --no-verify") && staged.stderr.contains("baseline"))
        #expect(try CLI.json(staged.stdout)["score"] == nil)
        #expect(!(try CLI.run(["--staged"], in: repository.root).stdout.contains("Readiness")))
        #expect(try CLI.run(["validate:production", "--staged"], in: repository.root).status == 2)
        // The work-tree scan agrees that the file itself is clean now.
        #expect(try CLI.run(["check:dev-keys", "."], in: repository.root).status == 0)
        // Limited to a path, from a subdirectory.
        let subdirectory = repository.root.appendingPathComponent("app")
        #expect(try CLI.run(["--staged", "--format", "json", "settings.py"], in: subdirectory).status == 1)
        #expect(try CLI.run(["--staged", "--format", "json", "../clean.py"], in: subdirectory).status == 0)

        // Staging the clean version clears it; nothing staged is clean.
        try repository.git("add", "app/settings.py")
        #expect(try CLI.run(["--staged"], in: repository.root).status == 0)
        try repository.git("commit", "-q", "-m", "clean")
        #expect(try CLI.run(["--staged"], in: repository.root).status == 0)
    }

    @Test func stagedOutsideARepositoryIsAnErrorNotAPass() throws {
        let directory = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLI.run(["--staged"], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("not a git repository"))
    }

    @Test func thePlainHookBlocksACommitWithAStagedKey() throws {
        let repository = try Repository()
        defer { repository.remove() }
        let installed = try CLI.run(["hook", "install"], in: repository.root)
        #expect(installed.status == 0, "\(installed.stderr)")
        repository.write("app.py", "import os\n" + Self.keyLine)
        try repository.git("add", "app.py")
        repository.write("app.py", "import os\n")
        #expect(try repository.git("commit", "-q", "-m", "with key") != 0)
        try repository.git("add", "app.py")
        #expect(try repository.git("commit", "-q", "-m", "clean") == 0)

        // A hook written by someone else is kept unless --force.
        let hook = repository.root.appendingPathComponent(".git/hooks/pre-commit")
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: hook)
        let refused = try CLI.run(["hook", "install"], in: repository.root)
        #expect(refused.status == 2 && refused.stderr.contains("--force"))
        #expect(try String(contentsOf: hook, encoding: .utf8) == "#!/bin/sh\nexit 0\n")
        #expect(try CLI.run(["hook", "install", "--force"], in: repository.root).status == 0)
        #expect(try CLI.run(["hook", "uninstall"], in: repository.root).status == 0)
        #expect(!FileManager.default.fileExists(atPath: hook.path))
    }

    @Test func sinceReportsOnlyTheBranchsNewFindings() throws {
        let repository = try Repository()
        defer { repository.remove() }
        let fallback = { (name: String) in "\(name) = os.getenv(\"\(name)\", \"\(FakeSecrets.devSecret)\")\n" }
        repository.write("old.py", "import os\n" + Self.keyLine)
        repository.write("untouched.py", "import os\n" + fallback("UNTOUCHED_KEY"))
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "base")
        try repository.git("checkout", "-q", "-b", "feature")
        // The branch moves the old finding down, adds one in the same file, and adds a new file.
        repository.write("old.py", "\"\"\"Settings.\"\"\"\nimport os\n\n" + Self.keyLine + fallback("BRANCH_KEY"))
        repository.write("new.py", "import os\n" + fallback("NEW_KEY"))
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "feature")
        // Uncommitted work counts too.
        repository.write("wip.py", "import os\n" + fallback("WIP_KEY"))

        let since = try CLI.run(["--since", "main", "check:dev-keys", "--format", "json", "."], in: repository.root)
        #expect(since.status == 1)
        #expect(try Self.lines(since) == ["new.py:2", "old.py:5", "wip.py:2"])
        let lines = try CLI.run(["--since", "main", "--changed-lines-only", "check:dev-keys", "--format", "json", "."], in: repository.root)
        #expect(try Self.lines(lines) == ["new.py:2", "old.py:5", "wip.py:2"])
        // Findings of the main line stay out even with the whole tree's findings in reach.
        let whole = try CLI.run(["check:dev-keys", "--format", "json", "."], in: repository.root)
        #expect(try Self.lines(whole).count == 5)
        #expect(try CLI.run(["--since", "no-such-ref", "."], in: repository.root).status == 2)
    }

    @Test func stagedHonoursTheIndexsScanignoreButNotGitignore() throws {
        let repository = try Repository()
        defer { repository.remove() }
        repository.write(".scanignore", "/fixtures/\n")
        repository.write(".gitignore", "*.local.py\n")
        repository.write("fixtures/planted.py", "import os\n" + Self.keyLine)
        try repository.git("add", ".scanignore", ".gitignore", "fixtures/planted.py")
        #expect(try CLI.run(["--staged"], in: repository.root).status == 0, "planted fixtures are left out")
        // A file forced past .gitignore is still committed, so it is still checked.
        repository.write("settings.local.py", "import os\n" + Self.keyLine)
        try repository.git("add", "-f", "settings.local.py")
        let forced = try CLI.run(["--staged", "--format", "json"], in: repository.root)
        #expect(forced.status == 1)
        #expect(try Self.lines(forced) == ["settings.local.py:2"])
    }
}
