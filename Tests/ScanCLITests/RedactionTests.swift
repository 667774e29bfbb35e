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
}
