import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightTestSupport
import Testing

/// The walk sees every committed file, says what it could not reach or chose to leave out, and cannot be hung or
/// blown up by the tree it walks.
@Suite struct WalkIntegrityTests {
    static let keyLine = HostileInputTests.keyLine

    static func report(_ outcome: CLI.Outcome) throws -> [String: Any] { try CLI.json(outcome.stdout) }

    static func summary(_ outcome: CLI.Outcome) throws -> [String: Any] {
        try #require(try report(outcome)["summary"] as? [String: Any])
    }

    @Test func committedFilesAreScannedWhateverGitignoreSays() throws {
        let repository = try Repository()
        defer { repository.remove() }
        repository.write(".env", "STRIPE_SECRET_KEY=\(FakeSecrets.stripeLive)\n")
        repository.write(".gitignore", ".env\nbuild/\n*.log\n")
        repository.write("build/kept.py", Self.keyLine + "\n")
        try repository.git("add", "-f", ".env", ".gitignore", "build/kept.py")
        try repository.git("commit", "-q", "-m", "leak")
        // Untracked files that the ignore files list stay out, also inside a directory walked for its tracked file.
        repository.write("build/output.py", Self.keyLine + "\n")
        repository.write("debug.log", Self.keyLine + "\n")
        let outcome = try CLI.run([repository.root.path, "--format", "json"])
        #expect(outcome.status == 1)
        let paths = Set(CLI.findings(try Self.report(outcome)).map { $0["path"] as! String })
        #expect(paths == [".env", "build/kept.py"])
        #expect(CLI.findings(try Self.report(outcome)).contains { $0["ruleId"] as? String == "dev-keys-stripe-live-key" && $0["severity"] as? String == "critical" })
        let excluded = try Self.summary(outcome)["excludedBySource"] as? [String: Int]
        #expect(excluded == [".gitignore": 2])
        let text = try CLI.run([repository.root.path, "--no-color"])
        #expect(text.stdout.contains("excluded: 2 by .gitignore"), "\(text.stdout)")
        // `.scanignore` and --exclude leave out files whether git tracks them or not, and are counted apart.
        repository.write(".scanignore", "build/\n")
        let narrowed = try CLI.run([repository.root.path, "--format", "json", "--exclude", "debug.log"])
        #expect(Set(CLI.findings(try Self.report(narrowed)).map { $0["path"] as! String }) == [".env"])
        #expect(try Self.summary(narrowed)["excludedBySource"] as? [String: Int] == [".scanignore": 1, "--exclude": 1])
    }

    @Test func pathsBeyondTheSystemLimitAreDiagnosticsAndStrictMakesTheScanIncomplete() throws {
        let root = FileTree.temporaryDirectory()
        defer { _ = try? CLI.run(["-rf", root.path], executable: URL(fileURLWithPath: "/bin/rm")) }
        FileTree.write(["app.py": Self.keyLine + "\n"], under: root)
        // 17 directories of 250 characters: the deepest paths are longer than PATH_MAX (4,096 bytes).
        var deep = ""
        let created = try Self.makeDeepTree(under: root, levels: 17, into: &deep)
        #expect(created)
        let outcome = try CLI.run(["check:dev-keys", root.path, "--format", "json"], timeout: 120)
        #expect(outcome.status == 1)
        #expect(Set(CLI.findings(try Self.report(outcome)).map { $0["path"] as! String }) == ["app.py"])
        let unreachable = try Self.report(outcome)["diagnostics"] as? [[String: Any]] ?? []
        #expect(unreachable.contains { ($0["message"] as? String)?.contains("longer than the system allows") == true }, "\(unreachable)")
        let strict = try CLI.run(["check:dev-keys", root.path, "--format", "json", "--strict"], timeout: 120)
        #expect(strict.status == 3)
        #expect(try Self.summary(strict)["complete"] as? Bool == false)
    }

    /// Creates directories of 250-character names `levels` deep below `root` with `openat`, as no path that long can
    /// be opened whole, and a file at the bottom; `path` receives the bottom's path from `root`.
    static func makeDeepTree(under root: URL, levels: Int, into path: inout String) throws -> Bool {
        var descriptor = open(root.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return false }
        for level in 0..<levels {
            let name = "deep" + String(repeating: Character(String(level % 10)), count: 246)
            guard mkdirat(descriptor, name, 0o755) == 0 || errno == EEXIST else { return false }
            let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            guard next >= 0 else { return false }
            descriptor = next
            path += (path.isEmpty ? "" : "/") + name
        }
        let file = openat(descriptor, "deep.py", O_CREAT | O_WRONLY, 0o644)
        close(descriptor)
        guard file >= 0 else { return false }
        let text = Array((Self.keyLine + "\n").utf8)
        let written = write(file, text, text.count)
        close(file)
        return written == text.count
    }

    @Test func ignoreFilesThatAreLinksDevicesOrHugeAreNotRead() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["app.py": Self.keyLine + "\n", "sub/x.py": Self.keyLine + "\n", "big/y.py": Self.keyLine + "\n"], under: root)
        FileTree.makeRepository(root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".gitignore").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("sub/.scanignore").path, withDestinationPath: "/dev/stdin")
        #expect(mkfifo(root.appendingPathComponent("sub/.gitignore").path, 0o644) == 0)
        FileTree.write(["big/.gitignore": String(repeating: "# padding line\n", count: 80_000)], under: root)
        let outcome = try CLI.run(["check:dev-keys", root.path, "--format", "json"], timeout: 60)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(Set(CLI.findings(try Self.report(outcome)).map { $0["path"] as! String }) == ["app.py", "sub/x.py", "big/y.py"])
        let warnings = (try Self.report(outcome)["diagnostics"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "ignore-file" }
        let byPath = Dictionary(uniqueKeysWithValues: warnings.map { ($0["path"] as! String, $0["message"] as! String) })
        #expect(byPath[".gitignore"]?.contains("symbolic link") == true, "\(byPath)")
        #expect(byPath["sub/.scanignore"]?.contains("symbolic link") == true)
        #expect(byPath["sub/.gitignore"]?.contains("not a regular file") == true)
        #expect(byPath["big/.gitignore"]?.contains("larger than") == true)
    }

    @Test func aFIFOGivenAsAFileDoesNotHangTheScan() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("p.py").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let outcome = try CLI.run([fifo, "--format", "json"], timeout: 60)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect((try Self.summary(outcome)["skippedByReason"] as? [String: Int])?["special"] == 1)
    }

    @Test func aDiamondOfSymbolicLinksIsWalkedOncePerDirectory() throws {
        let root = FileTree.temporaryDirectory()
        let outside = FileTree.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        // d0/a and d0/b both lead to d1, whose a and b lead to d2...: 2^26 paths through 27 directories.
        for level in 0...26 { FileTree.write(["d\(level)/f.py": "x = \(level)\n"], under: outside) }
        for level in 0..<26 {
            for name in ["a", "b"] {
                try FileManager.default.createSymbolicLink(atPath: outside.appendingPathComponent("d\(level)/\(name)").path,
                                                           withDestinationPath: outside.appendingPathComponent("d\(level + 1)").path)
            }
        }
        FileTree.write(["app.py": Self.keyLine + "\n"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("lib").path, withDestinationPath: outside.appendingPathComponent("d0").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("again").path, withDestinationPath: "app.py")
        let outcome = try CLI.run(["check:dev-keys", root.path, "--format", "json", "--follow-symlinks"], timeout: 60)
        #expect(outcome.status == 1)
        #expect(try Self.summary(outcome)["filesScanned"] as? Int == 28)
        #expect(Set(CLI.findings(try Self.report(outcome)).map { $0["path"] as! String }) == ["app.py"])
    }

    @Test func aHugeFileOfZerosIsCalledBinaryFromItsFirstBytes() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["app.py": Self.keyLine + "\n"], under: root)
        let zeros = root.appendingPathComponent("zeros.dat").path
        #expect(FileManager.default.createFile(atPath: zeros, contents: nil))
        #expect(truncate(zeros, 2 << 30) == 0)
        // Under a 1 GiB address-space limit, reading the 2 GiB file whole would fail.
        let outcome = try CLI.run(["-c", "ulimit -v 1048576; exec \"$0\" \"$@\"", CLI.binary.path, "check:dev-keys", root.path,
                                   "--format", "json", "--max-file-size", "3G", "--jobs", "1"],
                                  executable: URL(fileURLWithPath: "/bin/sh"), timeout: 120)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect((try Self.summary(outcome)["skippedByReason"] as? [String: Int])?["binary"] == 1)
    }

    @Test func anEnormousTimeBudgetIsNoLimit() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["app.py": Self.keyLine + "\n"], under: root)
        let outcome = try CLI.run(["check:dev-keys", root.path, "--timeout-per-file", "1e12"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
    }
}
