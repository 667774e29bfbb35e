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
        #expect(findings.map { $0["path"] as? String } == ["app/settings.py", "qa/load.py"])
        #expect(findings.map { $0["severity"] as? String } == ["medium", "medium"])
        #expect(findings.map { $0["context"] as? String } == ["production", "test"])
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
