import Foundation
import PreflightTestSupport
import Testing

/// `.scan.yml` as a repository uses it: found above the scan root, overridden with --config, wrong keys refused.
@Suite struct ConfigCLITests {
    static func tree(config: String) -> URL {
        let root = FileTree.temporaryDirectory()
        FileTree.write([
            ".git/HEAD": "ref: refs/heads/main\n",
            ".scan.yml": config,
            "src/app/settings.py": "import os\nAPI_KEY = os.getenv(\"API_KEY\", \"\(FakeSecrets.devKey)\")\n",
            "src/archive/old.py": "import os\nOLD_KEY = os.getenv(\"OLD_KEY\", \"\(FakeSecrets.devKey)\")\n",
            "src/qa/load.py": "import os\nQA_KEY = os.getenv(\"QA_KEY\", \"\(FakeSecrets.devKey)\")\n",
        ], under: root)
        return root
    }

    @Test func theConfigurationAboveTheScanRootShapesTheScan() throws {
        let root = Self.tree(config: """
            packs:
              only: [dev-keys]
            rules:
              dev-keys-env-fallback-python: {severity: medium}
            exclude: [archive/]
            contexts:
              test: [qa/]
            fail-on: high
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try CLI.run(["--format", "json", "src"], in: root)
        let report = try CLI.json(outcome.stdout)
        let findings = CLI.findings(report)
        // qa/ is test code by the configuration's contexts: a dev value there is by design.
        #expect(findings.map { $0["path"] as? String } == ["app/settings.py"])
        #expect(findings.map { $0["severity"] as? String } == ["medium"])
        #expect(findings.map { $0["context"] as? String } == ["production"])
        #expect(Set((report["rules"] as? [[String: Any]] ?? []).compactMap { $0["pack"] as? String }) == ["dev-keys"])
        // fail-on: high in the file, and the findings are medium.
        #expect(outcome.status == 0)
        #expect(try CLI.run(["--fail-on", "medium", "src"], in: root).status == 1)
        #expect(try CLI.run(["--no-config", "src"], in: root).status == 1)
    }

    @Test func configOverridesTheNearestFileAndErrorsNameTheirPosition() throws {
        let root = Self.tree(config: "fail-on: critical\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.run(["."], in: root).status == 0)
        FileTree.write(["strict.yml": "fail-on: low\n", "broken.yml": "packs:\n  disable: [devkeys]\nfail-on: high\nmode: strict\n"], under: root)
        #expect(try CLI.run(["--config", "strict.yml", "."], in: root).status == 1)
        let broken = try CLI.run(["--config", "broken.yml", "."], in: root)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.yml:4:1: error: unknown key 'mode' in the configuration"))
        FileTree.write(["broken.yml": "packs:\n  disable: [devkeys]\n"], under: root)
        let unknownPack = try CLI.run(["--config", "broken.yml", "."], in: root)
        #expect(unknownPack.status == 2)
        #expect(unknownPack.stderr.contains("broken.yml:2:13: error: unknown pack 'devkeys' (did you mean 'dev-keys'?)"))
    }
}

/// A repository's configuration cannot turn the gate green without a trace, and its errors come all at once.
@Suite struct ConfigIntegrityTests {
    static let conflict = "<<<<<<< HEAD\nA = 1\n=======\nA = 2\n>>>>>>> topic\n"

    @Test func everyConfigurationErrorIsReportedInOneRun() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            ".scan.yml": "rulez: {}\nfail-on: hgh\npacks:\n  disable: [opz]\nscore:\n  weights: {dev-keyz: 0}\n",
            "app.py": "x = 1\n",
        ], under: root)
        let outcome = try CLI.run(["."], in: root)
        #expect(outcome.status == 2)
        for expected in [
            ".scan.yml:1:1: error: unknown key 'rulez' in the configuration (did you mean 'rules'?)",
            ".scan.yml:2:10: error: a severity is one of critical, high, medium, low, info, found 'hgh' (did you mean 'high'?)",
            ".scan.yml:4:13: error: unknown pack 'opz' (did you mean 'ops'?)",
            ".scan.yml:6:13: error: unknown pack 'dev-keyz' (did you mean 'dev-keys'?)",
        ] {
            #expect(outcome.stderr.contains(expected), "missing \(expected) in \(outcome.stderr)")
        }
        #expect(outcome.stdout.isEmpty)
    }

    @Test func aMisspeltKeyDoesNotHideTheRegexErrorNextToIt() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["rules/r.yml": "id: r\npack: custom\ntitel: T\ndescription: D\nhelp: H\nseverity: low\nconfidence: low\nmessage: m\nregex: '(unclosed'\n"], under: root)
        let outcome = try CLI.run(["--rules", root.appendingPathComponent("rules").path, root.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("r.yml:3:1: error: rule 'r': unknown key 'titel' in a rule (did you mean 'title'?)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("r.yml:9:8: error: rule 'r': regex does not compile"), "\(outcome.stderr)")
    }

    @Test func everyReportSaysWhichConfigurationAppliedAndWhatItReplaced() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            ".scan.yml": "rule-directories: [scan-rules]\nexclude: [archive/]\nfail-on: critical\nscore:\n  weights: {ops: 0}\n",
            "scan-rules/quiet.yml": """
                id: merge-conflict-block
                pack: merge-markers
                title: T
                description: D
                help: H
                severity: info
                confidence: low
                message: m
                regex: 'never-matches-zq'
                """,
            "app.py": Self.conflict,
        ], under: root)
        let json = try CLI.run([".", "--format", "json"], in: root)
        let configuration = try #require(try CLI.json(json.stdout)["configuration"] as? [String: Any])
        #expect(configuration["file"] as? String == ".scan.yml")
        #expect(configuration["excludes"] as? [String] == ["archive/"])
        #expect(configuration["failOn"] as? String == "critical")
        #expect(configuration["weights"] as? [String: Double] == ["ops": 0])
        #expect(configuration["replacedRules"] as? [String: String] == ["merge-conflict-block": "scan-rules/quiet.yml"])
        let expected = "Configuration .scan.yml: excludes archive/; adds rules from scan-rules; replaces built-in rules merge-conflict-block (by scan-rules/quiet.yml); weights ops 0; fail-on critical"
        #expect(try CLI.run(["."], in: root).stdout.contains(expected))
        #expect(try CLI.run([".", "--format", "markdown"], in: root).stdout.contains(expected))
        #expect(try CLI.run([".", "--format", "html"], in: root).stdout.contains("replaces built-in rules merge-conflict-block (by scan-rules/quiet.yml)"))
        let sarif = try JSONValue.parse(Data(try CLI.run([".", "--format", "sarif"], in: root).stdout.utf8))
        #expect(sarif["runs"]?[0]?["properties"]?["configuration"]?["replacedRules"]?["merge-conflict-block"]?.string == "scan-rules/quiet.yml")
        // --no-config gives the built-in rule back.
        let plain = try CLI.run([".", "--no-config", "--format", "json"], in: root)
        #expect(CLI.findings(try CLI.json(plain.stdout)).contains { $0["ruleId"] as? String == "merge-conflict-block" })
    }

    @Test func excludingEverythingIsNeverGo() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([".scan.yml": "exclude: [\"*\"]\n", "app.py": Self.conflict], under: root)
        let outcome = try CLI.run(["validate:production", ".", "--format", "json"], in: root)
        #expect(outcome.status == 1)
        let report = try CLI.json(outcome.stdout)
        #expect((report["score"] as? [String: Any])?["verdict"] as? String == "NO-GO")
        #expect((report["summary"] as? [String: Any])?["excludedBySource"] as? [String: Int] == [".scan.yml": 2])
    }

    @Test func ruleDirectoriesOutsideTheTreeAreRefusedUnlessGivenOnTheCommandLine() throws {
        let root = FileTree.temporaryDirectory()
        let outside = FileTree.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        FileTree.write(["quiet.yml": "id: merge-conflict-block\npack: merge-markers\ntitle: T\ndescription: D\nhelp: H\nseverity: info\nconfidence: low\nmessage: m\nregex: 'zq'\n"], under: outside)
        FileTree.write([".scan.yml": "rule-directories: [\"\(outside.path)\", /etc]\n", "app.py": Self.conflict], under: root)
        let refused = try CLI.run(["."], in: root)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("rule directory '/etc' is outside the scanned tree"), "\(refused.stderr)")
        #expect(refused.stderr.components(separatedBy: "is outside the scanned tree").count == 3)
        FileTree.write([".scan.yml": "fail-on: critical\n"], under: root)
        let given = try CLI.run([".", "--rules", outside.path, "--format", "json"], in: root)
        #expect(given.status == 0, "\(given.stderr)")
    }

    @Test func valuesReadFromFilesAreNotEchoedInErrors() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let token = FakeSecrets.github
        FileTree.write([".scan.yml": "fail-on: \(token)\n\(token): 1\nrules:\n  \(token): {enabled: false}\n", "app.py": "x = 1\n"], under: root)
        let outcome = try CLI.run(["."], in: root)
        #expect(outcome.status == 2)
        #expect(!outcome.stderr.contains(token), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("found 'ghp_****'"))
    }

    @Test func aConfigurationThatIsALinkToADeviceIsAnErrorNotAHang() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["app.py": "x = 1\n"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".scan.yml").path, withDestinationPath: "/dev/zero")
        let outcome = try CLI.run(["."], in: root, timeout: 60)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(".scan.yml:1:1: error: cannot read the configuration file: it is a symbolic link"), "\(outcome.stderr)")
    }

    @Test func aBaselineOrARuleFileThatLeadsToADeviceIsAnErrorNotAHang() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([".scan.yml": "baseline: known.json\n", "app.py": "x = 1\n"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("known.json").path, withDestinationPath: "/dev/zero")
        let baseline = try CLI.run(["."], in: root, timeout: 60)
        #expect(baseline.status == 2)
        #expect(baseline.stderr.contains("known.json: cannot read the file: it is not a regular file"), "\(baseline.stderr)")
        FileTree.write([".scan.yml": "rule-directories: [rules]\n"], under: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("rules/zero.yml").path, withDestinationPath: "/dev/zero")
        let rules = try CLI.run(["."], in: root, timeout: 60)
        #expect(rules.status == 2)
        #expect(rules.stderr.contains("zero.yml:1:1: error: cannot read rule file: it is not a regular file"), "\(rules.stderr)")
    }

    @Test func mistypedPacksAndCommandsGetTheClosestName() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["app.py": "x = 1\n"], under: root)
        let pack = try CLI.run(["check:devkeys", "."], in: root)
        #expect(pack.status == 2 && pack.stderr.contains("unknown pack 'devkeys' (did you mean 'dev-keys'?)"))
        let command = try CLI.run(["validate:prod", "."], in: root)
        #expect(command.status == 2 && command.stderr.contains("(did you mean 'validate:production'?)"), "\(command.stderr)")
        let repository = try Repository()
        defer { repository.remove() }
        let hook = try CLI.run(["hook", "install", "--packs", "devkeys"], in: repository.root)
        #expect(hook.status == 2 && hook.stderr.contains("(did you mean 'dev-keys'?)"), "\(hook.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repository.root.appendingPathComponent(".git/hooks/pre-commit").path))
    }
}
