import Foundation
import PreflightTestSupport
import Testing

/// No output of any command shows a secret in full unless `--no-redact` is given: standard output and error
/// in every format, the report files, the baseline, a comparison and a merge.
@Suite(.serialized) struct RedactionTests {
    /// Secrets that appear nowhere but in the scanned files.
    static let secrets = [FakeSecrets.github, FakeSecrets.stripeLive, FakeSecrets.awsKeyId, FakeSecrets.anthropic, FakeSecrets.slackBot]

    static func expectNoSecret(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in secrets {
            #expect(!text.contains(secret), "\(what) shows a secret", sourceLocation: sourceLocation)
        }
    }

    /// All the strings of a JSON value, joined.
    static func strings(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: return text
        case .array(let items)?: return items.map { strings($0) }.joined(separator: "\n")
        case .object(let members)?: return members.values.map { strings($0) }.joined(separator: "\n")
        default: return ""
        }
    }

    @Test func everyFormatHidesTheSecretsOfItsFindings() throws {
        let root = ScanCLITests.plantedTree()
        defer { try? FileManager.default.removeItem(at: root) }
        for format in ["text", "json", "sarif", "markdown"] {
            let outcome = try CLI.run(["check:dev-keys", root.path, "--format", format])
            #expect(outcome.status == 1)
            Self.expectNoSecret(outcome.stdout + outcome.stderr, "\(format) output")
            // The well-known dev key is also named in its rule's description, which JSON and SARIF carry:
            // only the findings must not show it.
            var findingsText = outcome.stdout
            if format == "json" {
                findingsText = Self.strings(try JSONValue.parse(Data(outcome.stdout.utf8))["findings"])
            } else if format == "sarif" {
                findingsText = Self.strings(try JSONValue.parse(Data(outcome.stdout.utf8))["runs"]?[0]?["results"])
            }
            #expect(findingsText.contains("API_KEY"), "\(format) output lacks the dev key finding")
            #expect(!findingsText.contains(FakeSecrets.devKey), "\(format) findings show the dev key")
        }
    }

    @Test func reportFilesBaselinesComparisonsAndMergesHideThemToo() throws {
        let root = ScanCLITests.plantedTree()
        let out = FileTree.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: out)
        }
        func file(_ name: String) -> String { out.appendingPathComponent(name).path }
        var outputs: [(String, String)] = []
        let scan = try CLI.run([root.path, "--format", "json", "--output", file("new.json"), "--report", "sarif:\(file("new.sarif"))",
                                "--report", "markdown:\(file("new.md"))", "--report", "text:\(file("new.txt"))"])
        #expect(scan.status == 1)
        outputs.append(("scan", scan.stdout + scan.stderr))
        let baseline = try CLI.run(["baseline", "create", "--output", file("baseline.json"), root.path])
        outputs.append(("baseline create", baseline.stdout + baseline.stderr))
        let old = try CLI.run(["check:dev-keys", root.path, "--format", "json", "--output", file("old.json")])
        outputs.append(("check", old.stdout + old.stderr))
        let compare = try CLI.run(["compare", file("old.json"), file("new.json"), "--format", "markdown"])
        outputs.append(("compare", compare.stdout + compare.stderr))
        for shard in 1...2 {
            let part = try CLI.run([root.path, "--shard", "\(shard)/2", "--format", "json", "--output", file("shard-\(shard).json")])
            outputs.append(("shard \(shard)", part.stdout + part.stderr))
        }
        let merge = try CLI.run(["merge", file("shard-1.json"), file("shard-2.json"), "--format", "text"])
        outputs.append(("merge", merge.stdout + merge.stderr))
        #expect(!compare.stdout.isEmpty && !merge.stdout.isEmpty)
        for name in ["new.json", "new.sarif", "new.md", "new.txt", "baseline.json", "old.json", "shard-1.json", "shard-2.json"] {
            let text = try String(contentsOfFile: file(name), encoding: .utf8)
            #expect(name.hasPrefix("shard") || text.contains("dev-keys-"), "\(name) lacks the findings")
            outputs.append((name, text))
        }
        for (what, text) in outputs { Self.expectNoSecret(text, what) }
        let open = try CLI.run(["check:dev-keys", root.path, "--format", "json", "--no-redact"])
        for secret in Self.secrets {
            #expect(open.stdout.contains(secret), "--no-redact hides a secret")
        }
    }

    @Test func aSecretQuotedInAnotherFileIsHiddenThereTooInEveryOutput() throws {
        let root = FileTree.temporaryDirectory()
        let out = FileTree.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: out)
        }
        // A value that is a secret by where it stands (an environment fallback), and a plain word elsewhere: no
        // rule finds it in the docs, where the merge-marker rules quote it as a conflict label.
        let token = "Zebra-Horse-" + FakeSecrets.random(10)
        FileTree.write([
            "app/config.py": "import os\nAPI_KEY = os.getenv(\"API_KEY\", \"\(token)\")\n",
            "docs/notes.md": "# Notes\n\n<<<<<<< \(token)\nold\n=======\nnew\n>>>>>>> topic\n",
        ], under: root)
        var outputs: [(String, String)] = []
        for format in ["text", "json", "sarif", "markdown", "html"] {
            let outcome = try CLI.run([root.path, "--format", format])
            #expect(outcome.status == 1)
            outputs.append((format, outcome.stdout + outcome.stderr))
        }
        let baselinePath = out.appendingPathComponent("baseline.json").path
        #expect(try CLI.run(["baseline", "create", "--output", baselinePath, root.path]).status == 0)
        outputs.append(("baseline", try String(contentsOfFile: baselinePath, encoding: .utf8)))
        let json = try CLI.json(outputs[1].1)
        #expect(CLI.findings(json).contains { $0["path"] as? String == "docs/notes.md" && ($0["message"] as? String)?.contains("Zebr****") == true })
        for (what, text) in outputs { #expect(!text.contains(token), "\(what) shows the token found in another file") }
    }

    @Test func fingerprintsAndLineHashesTellNothingAboutTheHiddenPartOfASecret() throws {
        // Two trees that differ only in what reports hide of each secret: every output must be the same, so that
        // none of them (a committed baseline included) lets a guess at the hidden part be checked.
        func tree(_ suffix: String) -> URL {
            let root = FileTree.temporaryDirectory()
            FileTree.write([
                "app/settings.py": "import os\nPASSWORD = os.getenv(\"PASSWORD\", \"Spring2024!\(suffix)\")\nTOKEN = \"\("gh" + "p_" + FakeSecrets.random(36))\"\n",
                "docs/notes.md": "<<<<<<< Spring2024!\(suffix)\nx\n=======\ny\n>>>>>>> topic\n",
            ], under: root)
            return root
        }
        let first = tree("a"), second = tree("b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        func outputs(_ root: URL) throws -> (texts: [String], sarif: JSONValue?) {
            let baseline = root.appendingPathComponent("known.json").path
            _ = try CLI.run(["baseline", "create", "--output", baseline, root.path])
            let report = try CLI.json(try CLI.run([root.path, "--format", "json"]).stdout)
            let findings = try JSONSerialization.data(withJSONObject: CLI.findings(report), options: .sortedKeys)
            let sarif = try JSONValue.parse(Data(try CLI.run([root.path, "--format", "sarif"]).stdout.utf8))
            return ([try String(contentsOfFile: baseline, encoding: .utf8), String(decoding: findings, as: UTF8.self)], sarif["runs"]?[0]?["results"])
        }
        let (a, b) = (try outputs(first), try outputs(second))
        #expect(a.texts[1].contains("\"fingerprint\"") && a.texts[1].contains("\"lineHash\""))
        #expect(a.texts[0] == b.texts[0], "the baselines differ")
        #expect(a.texts[1] == b.texts[1], "the JSON findings differ")
        #expect(a.sarif != nil && a.sarif == b.sarif, "the SARIF results differ")

        // Two secrets that differ only in their hidden part, side by side, still get two fingerprints.
        let pair = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: pair) }
        let tokens = ["gh" + "p_" + FakeSecrets.random(36), "gh" + "p_" + FakeSecrets.random(36)]
        FileTree.write(["tokens.py": "TOKENS = [\"\(tokens[0])\", \"\(tokens[1])\"]\n"], under: pair)
        let found = CLI.findings(try CLI.json(try CLI.run(["check:dev-keys", pair.path, "--format", "json"]).stdout))
            .filter { $0["ruleId"] as? String == "dev-keys-github-token" }
        #expect(found.count == 2)
        #expect(Set(found.compactMap { $0["fingerprint"] as? String }).count == 2)
    }
}
