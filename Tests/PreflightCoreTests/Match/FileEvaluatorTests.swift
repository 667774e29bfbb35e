import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCore

/// The evaluator on small rule sets written for the test.
@Suite struct FileEvaluatorTests {
    static func rule(_ id: String, _ extra: String = "", regex: String, keywords: String = "[demo]") -> String {
        """
        id: \(id)
        pack: demo
        title: Demo
        description: A demo rule for tests.
        help: Nothing to fix.
        severity: high
        confidence: high
        message: "found {{secret}}"
        keywords: \(keywords)
        regex: '\(regex)'
        \(extra)
        """
    }

    func scan(_ text: String, rules: [String: String], path: String = "src/app.py", redact: Bool = true) throws -> [Finding] {
        TestSupport.scanner(try TestSupport.load(rules), redact: redact).scan(text: text, path: path).findings
    }

    @Test func positionsCountBytesCharactersAndUTF16() throws {
        let findings = try scan("ü 😀 demo=x\n", rules: ["r.yml": Self.rule("r", regex: "demo=x")])
        let start = try #require(findings.first).region.start
        #expect(start.line == 1)
        #expect(start.byteColumn == 9)
        #expect(start.characterColumn == 5)
        #expect(start.utf16Column == 6)
    }

    @Test func secretsAreRedactedInMessageAndSnippetUnlessAskedNotTo() throws {
        let rules = ["r.yml": Self.rule("r", "secret: value", regex: #"demo = \"\K(?<value>[a-z-]+)(?=\")"#)]
        let text = "key = 1; demo = \"\(TestSupport.devKey)\"\n"
        let finding = try #require(try scan(text, rules: rules).first)
        #expect(finding.message == "found loc****")
        #expect(finding.snippet == "key = 1; demo = \"loc****\"")
        #expect(!finding.snippet.contains(TestSupport.devKey))
        let open = try #require(try scan(text, rules: rules, redact: false).first)
        #expect(open.message == "found \(TestSupport.devKey)")
    }

    @Test func fingerprintsSurviveShiftedLinesAndTellOccurrencesApart() throws {
        let rules = ["r.yml": Self.rule("r", regex: "demo=[a-z]+")]
        let before = try scan("demo=one\ndemo=one\n", rules: rules)
        let after = try scan("\n\n  # moved down\ndemo=one\n   demo=one\n", rules: rules)
        #expect(before.count == 2)
        #expect(before.map(\.fingerprint) == after.map(\.fingerprint))
        #expect(before[0].fingerprint != before[1].fingerprint)
        let elsewhere = try scan("demo=one\n", rules: rules, path: "src/other.py")
        #expect(elsewhere[0].fingerprint != before[0].fingerprint)
    }

    @Test func keywordsGateTheRegex() throws {
        let rules = ["r.yml": Self.rule("r", regex: "x=1", keywords: "[needle]")]
        #expect(try scan("x=1\n", rules: rules).isEmpty)
        #expect(try scan("needle\nx=1\n", rules: rules).count == 1)
    }

    @Test func theWindowLimitsHowFarFromAKeywordAMatchMayBe() throws {
        let near = ["r.yml": Self.rule("r", "window: 1", regex: "x=1", keywords: "[needle]")]
        #expect(try scan("needle\nx=1\n", rules: near).count == 1)
        #expect(try scan("needle\n\n\nx=1\n", rules: near).isEmpty)
        let file = ["r.yml": Self.rule("r", "window: file", regex: "x=1", keywords: "[needle]")]
        #expect(try scan("needle\n\n\nx=1\n", rules: file).count == 1)
    }

    @Test func aKeywordInsideAWindowExtendsIt() throws {
        let rules = ["r.yml": Self.rule("r", "window: 1", regex: "start[\\s\\S]*end", keywords: "[start, middle]")]
        #expect(try scan("start\nmiddle\nend\n", rules: rules).count == 1)
        #expect(try scan("start\nx\nend\n", rules: rules).isEmpty)
    }

    @Test func allowPatternsCancelMatches() throws {
        let rules = ["r.yml": Self.rule("r", "secret: v\nallow:\n  - '^example'\n  - line: 'nosec'\n  - k: '^skip'", regex: "(?<k>[a-z]+)=(?<v>[a-z]+)", keywords: "[\"=\"]")]
        let findings = try scan("a=real\nb=example\nc=real # nosec\nskip=real\n", rules: rules)
        #expect(findings.map(\.region.start.line) == [1])
    }

    @Test func minimumEntropyDropsLowEntropySecrets() throws {
        let rules = ["r.yml": Self.rule("r", "secret: v\nmin-entropy: 3", regex: "k=(?<v>[A-Za-z0-9]+)", keywords: "[\"k=\"]")]
        let findings = try scan("k=aaaaaaaaaaaa\nk=Zr8kQ2vN7xLp\n", rules: rules)
        #expect(findings.map(\.region.start.line) == [2])
    }

    @Test func aSupersedingRuleHidesTheOverlappingFinding() throws {
        let rules = [
            "a.yml": Self.rule("specific", regex: "demo-[0-9]+"),
            "b.yml": Self.rule("generic", "superseded-by: [specific]", regex: "demo-[0-9a-z]+"),
        ]
        let findings = try scan("demo-123\ndemo-abc\n", rules: rules)
        #expect(findings.map { "\($0.ruleId)@\($0.region.start.line)" } == ["specific@1", "generic@2"])
    }

    @Test func aRuleStoppedByTheMatchLimitGivesAnErrorDiagnosticAndOthersStillRun() throws {
        let rules = try TestSupport.load([
            "slow.yml": Self.rule("slow", regex: "(a+)+$", keywords: "[aaa]"),
            "fine.yml": Self.rule("fine", regex: "demo", keywords: "[demo]"),
        ])
        let engine = ScanEngine(catalog: RuleCatalog(rules), options: ScanOptions(walk: WalkOptions(jobs: 1), limits: MatchLimits(matchLimit: 10_000)))
        let result = engine.scan(text: String(repeating: "a", count: 3_000) + "!\ndemo\n", path: "x.txt")
        #expect(result.findings.map(\.ruleId) == ["fine"])
        #expect(result.diagnostics.map(\.kind) == [.matchLimit])
        #expect(result.diagnostics.first?.level == .error)
        #expect(result.diagnostics.first?.ruleId == "slow")
    }

    @Test func languagesAndPathsScopeRules() throws {
        let rules = ["r.yml": Self.rule("r", "languages: [python]\npaths:\n  exclude: [tests/]", regex: "demo")]
        #expect(try scan("demo\n", rules: rules, path: "app.py").count == 1)
        #expect(try scan("demo\n", rules: rules, path: "app.js").isEmpty)
        #expect(try scan("demo\n", rules: rules, path: "tests/test_app.py").isEmpty)
    }

    @Test func regionConstraintsFollowTheLexer() throws {
        let rules = ["r.yml": Self.rule("r", "in: string", regex: "demo")]
        let text = "x = 'demo'  # demo\ny = demo\n"
        #expect(try scan(text, rules: rules, path: "a.py").map(\.region.start.line) == [1])
        let comments = ["r.yml": Self.rule("r", "in: [comment]", regex: "demo")]
        #expect(try scan(text, rules: comments, path: "a.py").map(\.region.start.byteColumn) == [15])
        let slot = ["r.yml": Self.rule("r", "in: {name: code}", regex: "(?<name>demo)")]
        #expect(try scan(text, rules: slot, path: "a.py").map(\.region.start.line) == [2])
        // A file without a lexer is all code.
        #expect(try scan(text, rules: rules, path: "a.txt").isEmpty)
    }

    @Test func repositoryConditionsAreDecidedAfterTheWalkAndReportOnce() throws {
        let rules = try TestSupport.load(["r.yml": Self.rule("no-dockerfile", "path-missing: [Dockerfile]\nrepo-has: ['listen\\(']", regex: "demo")])
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["a/app.py": "demo\nlisten(80)\n", "b/other.py": "demo\n"], under: root)
        let engine = TestSupport.scanner(rules)
        let target = [WalkTarget(fileSystemPath: root.path, displayPath: "")]
        #expect(engine.scan(target).findings.map { "\($0.path):\($0.region.start.line)" } == ["a/app.py:1"])
        FileTree.write(["deploy/Dockerfile": "FROM scratch\n"], under: root)
        #expect(engine.scan(target).findings.isEmpty)
        try FileManager.default.removeItem(at: root.appendingPathComponent("deploy"))
        FileTree.write(["a/app.py": "demo\n"], under: root)
        #expect(engine.scan(target).findings.isEmpty, "repo-has no longer holds")
    }

    @Test func insideAndHasLookAtEnclosingAndOwnBlocks() throws {
        let rules = ["r.yml": Self.rule("r", "inside:\n  header: 'group\\('\n  block: braces\nblock: call\nhas: ['handler']", regex: "route\\(", keywords: "[route]")]
        let text = "route(handler)\ngroup(x) {\n  route(other)\n  route(handler)\n}\n"
        #expect(try scan(text, rules: rules, path: "a.js").map(\.region.start.line) == [4])
    }

    @Test func aCommentBlockIsTheBlockOfACommentHeader() throws {
        let rules = ["r.yml": Self.rule("r", "in: comment\nnot-inside:\n  header: '#.*example:'\n  block: comment", regex: "import \\w+", keywords: "[import]")]
        let text = "# For example:\n# import alpha\n#\n# import beta\n\n# import gamma\nx = 1  # example:\n# import delta\n"
        // The example's comment block runs to the first line that is not only a comment (the empty line 5);
        // a header after code on its line starts a block too.
        #expect(try scan(text, rules: rules, path: "a.py").map(\.region.start.line) == [6])
    }
}
