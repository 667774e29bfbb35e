import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightTestSupport
import Testing

/// Inputs a scanner meets when it runs unattended on code nobody vetted, built on the fly. For each: no crash,
/// no hang, a clear diagnostic, every other finding still reported, the documented exit code.
@Suite(.serialized) struct HostileInputTests {
    /// A line holding the well-known development key, which `check:dev-keys` reports wherever it is.
    static let keyLine = "API_KEY = os.getenv(\"API_KEY\", \"\(FakeSecrets.devKey)\")"

    static func write(_ files: [String: [UInt8]], under root: URL) throws {
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// `path:line` of each finding of a JSON report.
    static func locations(_ outcome: CLI.Outcome) throws -> Set<String> {
        Set(CLI.findings(try CLI.json(outcome.stdout)).map { "\($0["path"]!):\($0["line"]!)" })
    }

    static func diagnostics(_ outcome: CLI.Outcome) throws -> [[String: Any]] {
        try CLI.json(outcome.stdout)["diagnostics"] as? [[String: Any]] ?? []
    }

    @Test func malformedRuleFilesNameTheFileAndLineAndScanNothing() throws {
        let rule = "id: r\npack: custom\ntitle: T\ndescription: D\nhelp: H\nseverity: low\nconfidence: low\nmessage: m\n"
        var aliases = "tags: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { aliases += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let cases: [(name: String, bytes: [UInt8], expected: String)] = [
            ("tab", Array("id: r\n\tpack: x\n".utf8), "tab.yml:2:1: error: invalid YAML"),
            ("quote", Array("id: 'unclosed\npack: x\n".utf8), "quote.yml:3:1: error: invalid YAML"),
            ("scalar", Array("just a sentence\n".utf8), "scalar.yml:1:1: error:"),
            ("duplicate", Array((rule + "id: s\nregex: 'x'\n").utf8), "duplicate.yml:9:1: error: rule 'r': duplicate key 'id'"),
            ("unknown", Array((rule + "regex: 'x'\nregexp: 'y'\n").utf8), "unknown.yml:10:1: error: rule 'r': unknown key 'regexp'"),
            ("regex", Array((rule + "regex: '(?<'\n").utf8), "regex.yml:9:8: error: rule 'r': regex does not compile"),
            ("binary", [0x00, 0xFF, 0xFE, 0x01, 0x02] + Array("id: r\n".utf8), "binary.yml:1:1: error: rule file is not UTF-8"),
            ("nested", Array(("a: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n").utf8), "nested.yml:1:"),
            ("aliases", Array((rule + "regex: 'x'\n" + aliases).utf8), "aliases.yml:11:1: error: rule 'r': unknown key 'a1'"),
        ]
        for item in cases {
            let directory = FileTree.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try Self.write(["\(item.name).yml": item.bytes], under: directory)
            let outcome = try CLI.run(["--rules", directory.path, directory.path])
            #expect(outcome.status == 2, "\(item.name): exit \(outcome.status)")
            #expect(outcome.stderr.contains(item.expected), "\(item.name): \(outcome.stderr)")
            #expect(outcome.stderr.contains("nothing was scanned"), "\(item.name)")
            #expect(outcome.stdout.isEmpty, "\(item.name)")
        }
        // All of them at once: every file's errors, the unreadable one's too, in one run.
        let directory = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write(Dictionary(uniqueKeysWithValues: cases.map { ("\($0.name).yml", $0.bytes) }), under: directory)
        let outcome = try CLI.run(["--rules", directory.path, "--rules", directory.appendingPathComponent("missing").path, directory.path])
        #expect(outcome.status == 2)
        for item in cases { #expect(outcome.stderr.contains(item.expected), "\(item.name) is missing from \(outcome.stderr)") }
        #expect(outcome.stderr.contains("missing:1:1: error: rule directory does not exist"))
    }

    @Test func catastrophicBacktrackingStopsOneRuleOnOneFileAndTheRestIsReported() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            "rules/slow.yml": "id: slow-rule\npack: dev-keys\ntitle: T\ndescription: D\nhelp: H\nseverity: low\nconfidence: low\nmessage: m\nregex: '(a+)+$'\n",
            "src/long.txt": String(repeating: "a", count: 100_000) + "!\n",
            "src/config.py": Self.keyLine + "\n",
        ], under: root)
        let outcome = try CLI.run(["check:dev-keys", "--rules", root.appendingPathComponent("rules").path, root.appendingPathComponent("src").path, "--format", "json"])
        #expect(outcome.status == 3)
        #expect(try Self.locations(outcome).contains("config.py:1"))
        let limit = try #require(try Self.diagnostics(outcome).first { $0["kind"] as? String == "match-limit" })
        #expect(limit["path"] as? String == "long.txt" && limit["ruleId"] as? String == "slow-rule")
    }

    @Test func filesOverTheSizeLimitAreSkippedWithoutBeingRead() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["config.py": Self.keyLine + "\n"], under: root)
        // 200 MB without using the disk: a sparse file.
        let huge = root.appendingPathComponent("dump.sql").path
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 200 << 20) == 0)
        var line = Array("const blob = \"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 50 << 20)
        line += Array("\"; // \(FakeSecrets.devKey)".utf8)
        try Self.write(["bundle.min.js": line], under: root)
        let outcome = try CLI.run(["check:dev-keys", root.path, "--format", "json"])
        #expect(outcome.status == 1)
        #expect(try Self.locations(outcome) == ["config.py:1"])
        let tooLarge = try Self.diagnostics(outcome).filter { $0["kind"] as? String == "too-large" }.compactMap { $0["path"] as? String }
        #expect(Set(tooLarge) == ["dump.sql", "bundle.min.js"])
        // Peak memory of any child so far: the skipped files were not read, so it stays far below their size.
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 300 * 1024, "peak RSS \(usage.ru_maxrss) KB")
    }

    @Test func aLongSingleLineUnderTheLimitIsScanned() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A provider token: reported in built output too (a dev key would be, like the bundle, not production).
        let line = Array("var a=\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 2 << 20) + Array("\"; const key = \"\(FakeSecrets.github)\";".utf8)
        try Self.write(["app.min.js": line], under: root)
        let outcome = try CLI.run(["check:dev-keys", root.path, "--format", "json"])
        #expect(outcome.status == 1)
        #expect(try Self.locations(outcome) == ["app.min.js:1"])
    }

    @Test func encodingsAndLineEndingsKeepTheirLineNumbers() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let key = Array(Self.keyLine.utf8)
        let crlf = "import os\r\n\r\n" + Self.keyLine + "\r\n"
        try Self.write([
            "crlf.py": Array(crlf.utf8),
            "lone_cr.py": Array("import os\r\r".utf8) + key,
            "no_newline.py": Array("import os\n".utf8) + key,
            "latin1.py": Array("# caf".utf8) + [0xE9, 0x0A] + Array("name = '".utf8) + [0xFF, 0xC3, 0x28] + Array("'\n".utf8) + key + [0x0A],
            "late_nul.py": Array(repeating: UInt8(ascii: "#"), count: 9000) + [0x0A, 0x00, 0x0A] + key + [0x0A],
            "utf16le.py": [0xFF, 0xFE] + Array(crlf.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            "utf16be.py": [0xFE, 0xFF] + Array(crlf.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
            "image.png": [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00] + key,
        ], under: root)
        let outcome = try CLI.run(["check:dev-keys", root.path, "--format", "json"])
        #expect(outcome.status == 1)
        #expect(try Self.locations(outcome) == [
            "crlf.py:3", "lone_cr.py:3", "no_newline.py:2", "latin1.py:3", "late_nul.py:3", "utf16le.py:3", "utf16be.py:3",
        ])
        let summary = try #require(try CLI.json(outcome.stdout)["summary"] as? [String: Any])
        #expect((summary["skippedByReason"] as? [String: Int])?["binary"] == 1)
    }

    @Test func symbolicLinksOutOfTheRootAndLoopsAreSafe() throws {
        let root = FileTree.temporaryDirectory()
        let outside = FileTree.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        FileTree.write(["app/config.py": Self.keyLine + "\n"], under: root)
        FileTree.write(["secret.py": Self.keyLine + "\n"], under: outside)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("app/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("elsewhere").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("dangling.py").path, withDestinationPath: "/no/such/file")
        let plain = try CLI.run(["check:dev-keys", root.path, "--format", "json"])
        #expect(plain.status == 1)
        #expect(try Self.locations(plain) == ["app/config.py:1"])
        let followed = try CLI.run(["check:dev-keys", root.path, "--format", "json", "--follow-symlinks"])
        #expect(followed.status == 1)
        #expect(try Self.locations(followed) == ["app/config.py:1", "elsewhere/secret.py:1"])
        let kinds = try Self.diagnostics(followed).map { "\($0["path"]!) \($0["kind"]!)" }
        #expect(kinds.contains("app/loop symlink-loop"))
        #expect(kinds.contains("dangling.py unreadable"))
    }

    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    static let dropRoot = ["--reuid=65534", "--regid=65534", "--clear-groups"]

    /// When the tests run as root (who can read anything): a copy of `scan` that user 65534 can run, found by
    /// running it; nil when setpriv is missing or that user cannot reach the binary's libraries.
    static let unprivilegedBinary: URL? = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv.path) else { return nil }
        let directory = FileTree.temporaryDirectory()
        chmod(directory.path, 0o755)
        let copy = directory.appendingPathComponent("scan")
        guard (try? FileManager.default.copyItem(at: CLI.binary, to: copy)) != nil, chmod(copy.path, 0o755) == 0,
              let outcome = try? CLI.run(dropRoot + [copy.path, "--version"], executable: setpriv), outcome.status == 0 else { return nil }
        return copy
    }()

    /// Runs `scan` as an unprivileged user when the tests run as root.
    static func runUnprivileged(_ arguments: [String]) throws -> CLI.Outcome {
        guard let binary = unprivilegedBinary else { return try CLI.run(arguments) }
        return try CLI.run(dropRoot + [binary.path] + arguments, executable: setpriv)
    }

    @Test(.enabled(if: getuid() != 0 || unprivilegedBinary != nil, "as root, needs setpriv and a scan binary that user 65534 can run"))
    func unreadableFilesAndDirectoriesAreReportedAndStrictMakesThemIncomplete() throws {
        let root = FileTree.temporaryDirectory()
        defer {
            chmod(root.appendingPathComponent("private").path, 0o755)
            chmod(root.appendingPathComponent("listable").path, 0o755)
            try? FileManager.default.removeItem(at: root)
            if let copy = Self.unprivilegedBinary { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        }
        FileTree.write(["app.py": "print('hello')\n", "locked.py": Self.keyLine + "\n", "private/notes.py": Self.keyLine + "\n",
                        "listable/inner/notes.py": Self.keyLine + "\n"], under: root)
        chmod(root.path, 0o755)
        chmod(root.appendingPathComponent("locked.py").path, 0o000)
        chmod(root.appendingPathComponent("private").path, 0o000)
        // Readable but not searchable: its entries can be listed, not opened.
        chmod(root.appendingPathComponent("listable").path, 0o444)
        let outcome = try Self.runUnprivileged(["check:dev-keys", root.path, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let diagnostics = try Self.diagnostics(outcome).map { "\($0["path"]!): \($0["message"]!)" }
        #expect(diagnostics.contains("locked.py: cannot open: Permission denied"))
        #expect(diagnostics.contains("private: cannot read directory: Permission denied"))
        #expect(diagnostics.contains("listable/inner: cannot read directory: Permission denied"), "\(diagnostics)")
        let strict = try Self.runUnprivileged(["check:dev-keys", root.path, "--strict", "--format", "json"])
        #expect(strict.status == 3)
        #expect((try CLI.json(strict.stdout)["summary"] as? [String: Any])?["complete"] as? Bool == false)
    }

    @Test func tenThousandFilesInOneDirectoryAndTwoHundredLevelsOfNesting() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let wide = root.appendingPathComponent("wide")
        try FileManager.default.createDirectory(at: wide, withIntermediateDirectories: true)
        for index in 0..<10_000 {
            #expect(FileManager.default.createFile(atPath: wide.appendingPathComponent("m\(index).py").path, contents: Data("x = \(index)\n".utf8)))
        }
        let deep = (0..<200).map { "d\($0)" }.joined(separator: "/")
        FileTree.write([deep + "/config.py": Self.keyLine + "\n"], under: root)
        let outcome = try CLI.run(["check:dev-keys", root.path, "--format", "json"])
        #expect(outcome.status == 1)
        #expect(try Self.locations(outcome) == [deep + "/config.py:1"])
        let summary = try #require(try CLI.json(outcome.stdout)["summary"] as? [String: Any])
        #expect(summary["filesScanned"] as? Int == 10_001)
    }

    @Test func oddFileNamesAreReportedFaithfully() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let names: [[UInt8]] = [Array("with space.py".utf8), Array("new\nline.py".utf8), Array("caf".utf8) + [0xE9] + Array(".py".utf8), Array("esc\u{1B}[31m.py".utf8)]
        for name in names {
            let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name
            let descriptor = path.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { buffer -> Int32 in
                (Array(buffer) + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
            }
            #expect(descriptor >= 0)
            let text = Array((Self.keyLine + "\n").utf8)
            #expect(Glibc.write(descriptor, text, text.count) == text.count)
            close(descriptor)
        }
        let json = try CLI.run(["check:dev-keys", root.path, "--format", "json"])
        #expect(json.status == 1)
        let findings = CLI.findings(try CLI.json(json.stdout))
        let exact = Set(findings.map { finding -> [UInt8] in
            if let raw = finding["pathBytes"] as? String { return [UInt8](Data(base64Encoded: raw)!) }
            return Array((finding["path"] as! String).utf8)
        })
        #expect(exact == Set(names))
        #expect(findings.contains { $0["path"] as? String == "caf\u{FFFD}.py" })
        let sarif = try CLI.run(["check:dev-keys", root.path, "--format", "sarif"])
        let document = try JSONValue.parse(Data(sarif.stdout.utf8))
        let uris = Set((document["runs"]?[0]?["results"]?.array ?? []).compactMap { $0["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]?.string })
        #expect(uris == ["with%20space.py", "new%0Aline.py", "caf%E9.py", "esc%1B%5B31m.py"])
        let text = try CLI.run(["check:dev-keys", root.path, "--no-color"])
        #expect(text.stdout.contains("new\\nline.py") && text.stdout.contains("esc\\u{1B}[31m.py"))
        #expect(!text.stdout.contains("\u{1B}"))
    }

    @Test func aBrokenGitIndexIsAClearErrorForStaged() throws {
        let repository = try Repository()
        defer { repository.remove() }
        repository.write("app.py", "print('hello')\n")
        try repository.git("add", "app.py")
        try Data("DIRC\0\0\0\u{2}garbage".utf8).write(to: repository.root.appendingPathComponent(".git/index"))
        let outcome = try CLI.run(["--staged"], in: repository.root)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--staged") && outcome.stderr.contains("index"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func timeAndFindingLimitsTripWithAMessage() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<6 { FileTree.write(["f\(index).py": Self.keyLine + "\n"], under: root) }
        let limited = try CLI.run(["check:dev-keys", root.path, "--format", "json", "--max-findings", "2", "--jobs", "1"])
        #expect(limited.status == 3)
        let report = try CLI.json(limited.stdout)
        #expect(CLI.findings(report).count == 2)
        let limit = try #require(try Self.diagnostics(limited).first { $0["kind"] as? String == "finding-limit" })
        #expect((limit["message"] as? String)?.contains("limit of 2 findings (--max-findings)") == true)
        #expect((report["summary"] as? [String: Any])?["complete"] as? Bool == false)
        let timed = try CLI.run(["check:dev-keys", root.path, "--format", "json", "--timeout-per-file", "0.000000001"])
        #expect(timed.status == 3)
        let timeouts = try Self.diagnostics(timed).filter { $0["kind"] as? String == "timeout" }
        #expect(timeouts.count == 6)
        #expect((timeouts.first?["message"] as? String)?.contains("time budget of 1 ns per file (--timeout-per-file)") == true)
        #expect(try CLI.run(["check:dev-keys", root.path, "--timeout-per-file", "-1"]).status == 2)
    }
}
