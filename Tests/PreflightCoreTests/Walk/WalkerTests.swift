import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCore

/// Collects what the walker hands over, for assertions.
final class RecordingHandler: WalkHandler {
    var files: [String: String] = [:]
    var skipped: [Diagnostic] = []

    func scan(path: String, bytes: UnsafeRawBufferPointer) {
        files[path] = String(decoding: bytes, as: UTF8.self)
    }

    func skip(_ diagnostic: Diagnostic) {
        skipped.append(diagnostic)
    }
}

@Suite struct WalkerTests {
    func walk(_ directory: URL, _ options: WalkOptions = WalkOptions(jobs: 2)) -> (files: [String: String], skipped: [Diagnostic]) {
        let handlers = Walker(options: options).walk([WalkTarget(fileSystemPath: directory.path, displayPath: "")]) { RecordingHandler() }
        var files: [String: String] = [:]
        var skipped: [Diagnostic] = []
        for handler in handlers {
            files.merge(handler.files) { first, _ in first }
            skipped += handler.skipped
        }
        return (files, skipped)
    }

    @Test func honoursNestedGitignoreScanignoreAndInfoExclude() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            ".gitignore": "*.log\n/dist/\n",
            ".git/info/exclude": "local-notes.md\n",
            ".git/config": "[core]\n",
            ".scanignore": "fixtures/\n",
            "app.py": "x = 1\n",
            "debug.log": "ignored\n",
            "dist/bundle.js": "ignored\n",
            "local-notes.md": "ignored\n",
            "fixtures/data.py": "ignored\n",
            "pkg/.gitignore": "generated.py\n!keep.log\n",
            "pkg/generated.py": "ignored\n",
            "pkg/keep.log": "kept by negation\n",
            "pkg/main.py": "y = 2\n",
        ], under: root)
        let (files, _) = walk(root)
        #expect(Set(files.keys) == [".gitignore", ".scanignore", "app.py", "pkg/.gitignore", "pkg/keep.log", "pkg/main.py"])
    }

    /// Outside a git repository git's ignore files say nothing, as for git and ripgrep: an unpacked sdist whose
    /// build tool left a `.gitignore` of `*` is scanned whole. `.scanignore` still applies, and a repository met
    /// on the way down (a `.git` below the target) reads its own.
    @Test func gitIgnoreFilesApplyOnlyInsideARepository() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            ".gitignore": "*\n",
            ".scanignore": "fixtures/\n",
            "app.py": "x = 1\n",
            "fixtures/data.py": "ignored\n",
            "vendor/lib/.git/HEAD": "ref: refs/heads/main\n",
            "vendor/lib/.gitignore": "*.log\n",
            "vendor/lib/core.py": "y = 2\n",
            "vendor/lib/debug.log": "ignored\n",
        ], under: root)
        let (files, _) = walk(root)
        #expect(Set(files.keys) == [".gitignore", ".scanignore", "app.py", "vendor/lib/.gitignore", "vendor/lib/core.py"])
    }

    @Test func noIgnoreScansEverythingButGit() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([".gitignore": "*.log\n", "debug.log": "x\n", ".git/HEAD": "ref\n"], under: root)
        let (files, _) = walk(root, WalkOptions(jobs: 1, useIgnoreFiles: false))
        #expect(Set(files.keys) == [".gitignore", "debug.log"])
    }

    @Test func binaryAndOversizedFilesAreSkippedAndCounted() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["small.txt": "hello\n", "big.txt": String(repeating: "a", count: 5_000)], under: root)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: root.appendingPathComponent("image.png"))
        let (files, skipped) = walk(root, WalkOptions(jobs: 2, maxFileSize: 1_000))
        #expect(Set(files.keys) == ["small.txt"])
        #expect(skipped.contains { $0.kind == .binary && $0.path == "image.png" })
        #expect(skipped.contains { $0.kind == .tooLarge && $0.path == "big.txt" && $0.level == .warning })
    }

    @Test func symlinksAreNotFollowedByDefaultAndLoopsAreCaught() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["real/file.py": "z = 3\n"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("real/loop").path, withDestinationPath: "..")
        let plain = walk(root)
        #expect(Set(plain.files.keys) == ["real/file.py"])
        #expect(plain.skipped.filter { $0.kind == .symlink }.count == 2)

        // A link to a directory that the walk reaches at its own path is not followed: each is walked once.
        let followed = walk(root, WalkOptions(jobs: 2, followSymlinks: true))
        #expect(Set(followed.files.keys) == ["real/file.py"])
        #expect(followed.skipped.contains { $0.kind == .symlinkLoop })
        #expect(followed.skipped.contains { $0.kind == .symlink && $0.path == "link" && $0.message.contains("walked already") })
    }

    @Test(.enabled(if: getuid() != 0, "root can read a file without permissions"))
    func unreadableFilesAreReportedNotFatal() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["locked.py": "x\n", "open.py": "y\n"], under: root)
        chmod(root.appendingPathComponent("locked.py").path, 0)
        let (files, skipped) = walk(root)
        #expect(Set(files.keys) == ["open.py"])
        #expect(skipped.contains { $0.kind == .unreadable && $0.path == "locked.py" })
    }

    @Test func ignoreFilesAboveTheTargetApplyInsideARepository() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([".git/HEAD": "ref\n", ".gitignore": "sub/secret.txt\n*.tmp\n", "sub/secret.txt": "x\n", "sub/a.tmp": "x\n", "sub/app.py": "x\n"], under: root)
        let handlers = Walker(options: WalkOptions(jobs: 1)).walk([WalkTarget(fileSystemPath: root.appendingPathComponent("sub").path, displayPath: "")]) { RecordingHandler() }
        #expect(Set(handlers.flatMap { $0.files.keys }) == ["app.py"])
    }
}
