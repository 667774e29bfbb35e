import Foundation
import Synchronization
import PreflightTestSupport
import Testing

/// Runs the built `scan` binary as a user would: exit codes, JSON shape, redaction, rule errors.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `scan` executable next to the test bundle, or in the package's debug build folder.
    static let binary: URL = {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in candidates {
            let url = directory.appendingPathComponent("scan")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/scan")
    }()

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `executable`; with `timeout`, a run that takes longer is killed and reported as status -1.
    static func run(_ arguments: [String], in directory: URL? = nil, executable: URL = binary, timeout: TimeInterval? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // A crash ends the run at once instead of waiting for a symbolicated backtrace.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("scan-stderr-\(UUID().uuidString)")
        try Data().write(to: errorFile)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let killed = Atomic<Bool>(false)
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                guard process.isRunning else { return }
                killed.store(true, ordering: .relaxed)
                kill(process.processIdentifier, SIGKILL)
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errors = try String(contentsOf: errorFile, encoding: .utf8)
        let status = killed.load(ordering: .relaxed) ? -1 : process.terminationStatus
        return Outcome(status: status, stdout: String(decoding: data, as: UTF8.self), stderr: errors)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func findings(_ report: [String: Any]) -> [[String: Any]] {
        report["findings"] as? [[String: Any]] ?? []
    }
}

/// Fake credentials assembled at run time, so that no live-looking token is written in the repository.
enum FakeSecrets {
    static func random(_ count: Int, from alphabet: String = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = Array(alphabet)
        return String((0..<count).map { _ in characters.randomElement(using: &generator)! })
    }

    static let github = "gh" + "p_" + random(36)
    /// Sixteen distinct characters, so that its entropy is always that of a real key.
    static let awsKeyId = "AK" + "IA" + String("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".shuffled().prefix(16))
    static let stripeLive = "sk" + "_live_" + random(24)
    static let slackBot = "xo" + "xb-" + random(11, from: "0123456789") + "-" + random(13, from: "0123456789") + "-" + random(24)
    static let devKey = "local-d" + "ev-key"
    static let devSecret = "dev-s" + "ecret"
    static let anthropic = "sk-" + "ant-api03-" + random(93) + "AA"
}

@Suite(.serialized) struct ScanCLITests {
    /// A tree the rules have never seen, with planted keys at known lines.
    static func plantedTree() -> URL {
        let root = FileTree.temporaryDirectory()
        FileTree.write([
            "service/config.py": """
                import os

                DEBUG = False
                API_KEY = os.getenv("API_KEY", "\(FakeSecrets.devKey)")
                GITHUB_TOKEN = "\(FakeSecrets.github)"
                """,
            "web/src/client.ts": """
                export const stripe = "\(FakeSecrets.stripeLive)";
                const secret = process.env.JWT_SECRET || "\(FakeSecrets.devSecret)";
                """,
            "ops/.env.production": "AWS_ACCESS_KEY_ID=\(FakeSecrets.awsKeyId)\nSLACK_TOKEN=\(FakeSecrets.slackBot)\n",
            "ops/llm.yaml": "provider:\n  name: anthropic\n  key: \"\(FakeSecrets.anthropic)\"\n",
            "lib/ordinary.py": """
                import hashlib

                def digest(data: bytes) -> str:
                    token_count = len(data.split())
                    return hashlib.sha256(data).hexdigest() + str(token_count)
                """,
            "ignored/.gitignore": "*.py\n",
            "ignored/leak.py": "TOKEN = \"\(FakeSecrets.github)\"\n",
            "assets/logo.png": "\u{0}PNG binary",
        ], under: root)
        FileTree.makeRepository(root)
        return root
    }

    @Test func findsPlantedKeysAtTheirLinesAndNothingInOrdinaryCode() throws {
        let root = Self.plantedTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try CLI.run(["check:dev-keys", root.path, "--format", "json"])
        #expect(outcome.status == 1)
        let report = try CLI.json(outcome.stdout)
        let found = Set(CLI.findings(report).map { "\($0["path"]!):\($0["line"]!):\($0["ruleId"]!)" })
        #expect(found == [
            "service/config.py:4:dev-keys-env-fallback-python",
            "service/config.py:5:dev-keys-github-token",
            "web/src/client.ts:1:dev-keys-stripe-live-key",
            "web/src/client.ts:2:dev-keys-env-fallback-javascript",
            "ops/.env.production:1:dev-keys-aws-access-key-id",
            "ops/.env.production:2:dev-keys-slack-token",
            "ops/llm.yaml:3:dev-keys-anthropic-api-key",
        ])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["filesScanned"] as? Int == 6)
        #expect((summary["skippedByReason"] as? [String: Int])?["binary"] == 1)
        #expect(report["version"] as? Int == 1)
        #expect((report["tool"] as? [String: Any])?["name"] as? String == "preflight")
        for finding in CLI.findings(report) {
            for key in ["ruleId", "pack", "severity", "confidence", "path", "line", "column", "endLine", "endColumn", "message", "snippet", "fingerprint", "context"] {
                #expect(finding[key] != nil, "finding lacks \(key)")
            }
        }
    }

    @Test func sarifFromTheCLIIsValidAgainstTheSchemaAndPointsIntoTheTree() throws {
        let root = Self.plantedTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let sarifPath = root.appendingPathComponent("out.sarif").path
        let outcome = try CLI.run([root.path, "--format", "json", "--report", "sarif:\(sarifPath)"])
        #expect(outcome.status == 1)
        let document = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: sarifPath)))
        let errors = try JSONSchema.sarif().errors(in: document)
        #expect(errors.isEmpty, "\(errors.prefix(10))")
        let run = try #require(document["runs"]?[0])
        let base = try #require(run["originalUriBaseIds"]?["%SRCROOT%"]?["uri"]?.string)
        #expect(base.hasPrefix("file:///") && base.hasSuffix("/"))
        let json = try JSONValue.parse(Data(outcome.stdout.utf8))
        #expect(run["results"]?.array?.count == json["findings"]?.array?.count)
        for result in run["results"]?.array ?? [] {
            let uri = try #require(result["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]?.string)
            let file = try #require(URL(string: uri, relativeTo: URL(string: base)))
            #expect(FileManager.default.fileExists(atPath: file.path), "\(uri) does not resolve below \(base)")
        }
    }

    @Test func exitCodesFollowFailOnAndExitZero() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["app.py": "x = 1\n"], under: root)
        #expect(try CLI.run([root.path]).status == 0)
        FileTree.write(["settings.py": "SECRET_KEY = os.getenv(\"SECRET_KEY\", \"\(FakeSecrets.devKey)\")\n"], under: root)
        #expect(try CLI.run([root.path]).status == 1)
        #expect(try CLI.run([root.path, "--fail-on", "critical"]).status == 0)
        #expect(try CLI.run([root.path, "--exit-zero"]).status == 0)
        #expect(try CLI.run(["check:merge-markers", root.path]).status == 0)
    }

    @Test func usageErrorsExitTwo() throws {
        let unknownPack = try CLI.run(["check:no-such-pack", "."])
        #expect(unknownPack.status == 2)
        #expect(unknownPack.stderr.contains("unknown pack 'no-such-pack'"))
        #expect(try CLI.run(["/no/such/path/at/all"]).status == 2)
        #expect(try CLI.run([".", "--fail-on", "severe"]).status == 2)
    }

    @Test func brokenRuleFilesExitTwoWithFileLineAndColumn() throws {
        let rules = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: rules) }
        FileTree.write([
            "bad.yml": "id: my-rule\npack: mine\ntitle: T\ndescription: D\nhelp: H\nseverity: high\nconfidence: high\nmessage: m\nregex: '(unclosed'\n",
            "typo.yml": "id: other-rule\npack: mine\ntitle: T\ndescription: D\nhelp: H\nseverity: high\nconfidence: high\nmessage: m\nregexp: 'x'\n",
        ], under: rules)
        let outcome = try CLI.run(["--rules", rules.path, "."])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.yml:9:8: error: rule 'my-rule': regex does not compile"))
        #expect(outcome.stderr.contains("typo.yml:9:1: error: rule 'other-rule': unknown key 'regexp'"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func userRulesAddPacksAndLimitHitsMakeTheScanIncomplete() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            "rules/slow.yml": "id: slow-rule\npack: custom\ntitle: T\ndescription: D\nhelp: H\nseverity: low\nconfidence: low\nmessage: m\nregex: '(a+)+$'\n",
            "rules/todo.yml": "id: todo-rule\npack: custom\ntitle: T\ndescription: D\nhelp: H\nseverity: low\nconfidence: low\nmessage: m\nregex: 'TODO'\n",
            "src/a.txt": String(repeating: "a", count: 40) + "!\nTODO\n",
        ], under: root)
        let output = root.appendingPathComponent("out.json")
        let outcome = try CLI.run(["check:custom", "--rules", root.appendingPathComponent("rules").path, root.appendingPathComponent("src").path, "--format", "json", "--output", output.path])
        #expect(outcome.status == 3)
        let report = try CLI.json(try String(contentsOf: output, encoding: .utf8))
        #expect(CLI.findings(report).map { $0["ruleId"] as? String } == ["todo-rule"])
        #expect((report["summary"] as? [String: Any])?["complete"] as? Bool == false)
        #expect((report["diagnostics"] as? [[String: Any]])?.first?["kind"] as? String == "match-limit")
    }

    @Test func validateProductionSaysNoGoAndExitsOneOnACriticalProductionFinding() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["app/config.py": "GITHUB_TOKEN = \"\(FakeSecrets.github)\"\n"], under: root)
        let failing = try CLI.run(["validate:production", root.path, "--no-color"])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("NO-GO"))
        #expect(failing.stdout.contains("dev-keys"))
        let report = try CLI.json(try CLI.run(["validate:production", root.path, "--format", "json"]).stdout)
        let score = try #require(report["score"] as? [String: Any])
        #expect((score["overall"] as? Int).map { $0 <= 59 } == true)
        #expect(score["verdict"] as? String == "NO-GO")
        FileTree.write(["app/config.py": "GITHUB_TOKEN = os.environ[\"GITHUB_TOKEN\"]\n", "README.md": "# app\n"], under: root)
        let passing = try CLI.run(["validate:production", root.path, "--no-color"])
        #expect(passing.stdout.contains("Readiness 100/100 (A) GO"))
        #expect(passing.status == 0)
    }

    @Test func oneScanWritesSeveralReports() throws {
        let root = Self.plantedTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let json = root.appendingPathComponent("out.json"), markdown = root.appendingPathComponent("out.md")
        let outcome = try CLI.run(["check:dev-keys", root.path, "--report", "json:\(json.path)", "--report", "markdown:\(markdown.path)"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("dev-keys-github-token"))
        let report = try CLI.json(try String(contentsOf: json, encoding: .utf8))
        #expect(CLI.findings(report).count == 7)
        let text = try String(contentsOf: markdown, encoding: .utf8)
        #expect(text.hasPrefix("# Readiness report"))
        #expect(!text.contains(FakeSecrets.github))
        #expect(try CLI.run([root.path, "--report", "pdf:x.pdf"]).status == 2)
    }

    @Test func compareShowsWhatWasFixedAndWhatIsNew() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let conflict = "<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> topic\n"
        FileTree.write(["app/config.py": "import os\nKEY = os.getenv(\"API_KEY\", \"\(FakeSecrets.devKey)\")\n", "app/merge.py": conflict], under: root)
        let old = root.appendingPathComponent("old.json").path
        #expect(try CLI.run([root.appendingPathComponent("app").path, "--format", "json", "-o", old]).status == 1)
        // The conflict is resolved, the key moves down two lines, and a new placeholder appears.
        FileTree.write(["app/config.py": "import os\n\n\nKEY = os.getenv(\"API_KEY\", \"\(FakeSecrets.devKey)\")\nSECRET = \"changeme\"\n",
                        "app/merge.py": "x = 2\n"], under: root)
        let new = root.appendingPathComponent("new.json").path
        let scan = try CLI.run([root.appendingPathComponent("app").path, "--format", "json", "-o", new, "--compare", old])
        #expect(scan.status == 1)
        let report = try CLI.json(String(contentsOfFile: new, encoding: .utf8))
        let comparison = try #require(report["comparison"] as? [String: Any])
        #expect((comparison["fixed"] as? [[String: Any]])?.map { $0["ruleId"] as? String } == ["merge-conflict-block"])
        #expect((comparison["new"] as? [[String: Any]])?.map { $0["line"] as? Int } == [5])
        #expect(comparison["unchanged"] as? Int == 1)

        let compared = try CLI.run(["compare", old, new])
        #expect(compared.status == 1, "new findings exit 1")
        #expect(compared.stdout.contains("Fixed: 1") && compared.stdout.contains("New: 1") && compared.stdout.contains("Unchanged: 1"))
        #expect(!compared.stdout.contains(FakeSecrets.devKey))
        #expect(try CLI.run(["compare", new, new]).status == 0)
        let json = try CLI.run(["compare", old, new, "--format", "json"])
        #expect((try CLI.json(json.stdout)["unchanged"]) as? Int == 1)
        let broken = root.appendingPathComponent("broken.json").path
        try "{\"version\": 1}".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["compare", broken, new])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("broken.json is not a JSON report"))
    }

    @Test func rulesCommandListsEveryRule() throws {
        let text = try CLI.run(["rules"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("dev-keys-github-token"))
        #expect(text.stdout.contains("merge-conflict-block"))
        let json = try CLI.run(["rules", "check:merge-markers", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["pack"] as? String }) == ["merge-markers"])
    }

    @Test func theBinaryCarriesItsRulesWhenCopiedAlone() throws {
        let directory = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("scan")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let outcome = try CLI.run(["rules", "--format", "json"], in: directory, executable: copy)
        #expect(outcome.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count >= 40)
    }

    @Test func theProjectScansItselfClean() throws {
        let outcome = try CLI.run([CLI.packageRoot.path, "--format", "json"])
        let report = try CLI.json(outcome.stdout)
        let found = CLI.findings(report).map { "\($0["path"]!):\($0["line"]!) \($0["ruleId"]!)" }
        #expect(found.isEmpty, "the repository should scan clean: \(found)")
        #expect(outcome.status == 0)
    }
}

/// What `scan --help` shows a new user.
@Suite struct HelpTests {
    @Test func theTopLevelHelpListsTheScanOptionsWithReadableDefaults() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        for expected in ["USAGE: scan [check] [<options>]", "--max-file-size <size>", "(default: 10M)", "--strict", "SUBCOMMANDS:", "baseline"] {
            #expect(help.stdout.contains(expected), "scan --help lacks \(expected)")
        }
        for unwanted in ["ByteSize(", "(default: one per core). (default:"] { #expect(!help.stdout.contains(unwanted)) }
        // Text written for 80 columns is not wrapped a second time.
        let long = help.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(long.isEmpty, "\(long)")
        for command in ["baseline", "merge", "test-rules"] {
            let lines = try CLI.run([command, "--help"]).stdout.split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= 80 || $0.hasPrefix("USAGE:") }, "\(command) --help has lines over 80 columns")
            #expect(!lines.contains { $0.count < 30 && $0.first?.isLetter == true && $0.last != ":" && $0.last != "." }, "\(command) --help is wrapped twice: \(lines)")
        }
    }
}
