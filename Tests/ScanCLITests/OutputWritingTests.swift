import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightTestSupport
import Testing

/// Reports reach their destination whole or not at all: write errors are clear and exit 4 after every other
/// report is written, and an interrupted write leaves nothing behind.
@Suite struct OutputWritingTests {
    static func tree() -> URL {
        let root = FileTree.temporaryDirectory()
        FileTree.write(["app.py": HostileInputTests.keyLine + "\n"], under: root)
        return root
    }

    /// `scan ARGUMENTS` through the shell, with `redirection` applied to it.
    static func shell(_ redirection: String, _ arguments: [String], in directory: URL) throws -> CLI.Outcome {
        try CLI.run(["-c", "exec \"$0\" \"$@\" \(redirection)", CLI.binary.path] + arguments,
                    in: directory, executable: URL(fileURLWithPath: "/bin/sh"), timeout: 60)
    }

    static func entries(_ directory: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
    }

    @Test func aDashIsStandardOutputAndBadDestinationsNameThePathAndTheReason() throws {
        let root = Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let dash = try CLI.run(["check:dev-keys", ".", "--format", "json", "-o", "-"], in: root)
        #expect(dash.status == 1)
        #expect(!CLI.findings(try CLI.json(dash.stdout)).isEmpty)
        #expect(try Self.entries(root) == ["app.py"], "no file named '-'")

        let directory = try CLI.run(["check:dev-keys", ".", "-o", root.path], in: root)
        #expect(directory.status == 4)
        #expect(directory.stderr.contains("error: cannot write \(root.path): it is a directory"), "\(directory.stderr)")
        let proc = try CLI.run(["check:dev-keys", ".", "-o", "/proc/version"], in: root)
        #expect(proc.status == 4)
        #expect(proc.stderr.contains("error: cannot write /proc/version: "), "\(proc.stderr)")
        #expect(!proc.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func aFullDiskOrAClosedStandardOutputIsAnErrorAfterEveryOtherReportIsWritten() throws {
        let root = Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let full = try CLI.run(["check:dev-keys", ".", "--format", "json", "-o", "/dev/full", "--report", "sarif:out.sarif",
                                "--report", "markdown:/dev/full", "--report", "html:out.html"], in: root)
        #expect(full.status == 4)
        #expect(full.stderr.components(separatedBy: "error: cannot write /dev/full: No space left on device").count == 3, "\(full.stderr)")
        #expect(try Self.entries(root) == ["app.py", "out.sarif", "out.html"])
        let closed = try Self.shell(">&-", ["check:dev-keys", "."], in: root)
        #expect(closed.status == 4, "\(closed.stderr)")
        #expect(closed.stderr.contains("error: cannot write standard output: Bad file descriptor"))
    }

    @Test func anInterruptedWriteLeavesNothingBehind() throws {
        let root = Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        // A file size limit of 10 KiB: the JSON report (its rules alone take more) outgrows it, and SIGXFSZ ends
        // the process in the middle of the write. The launcher unblocks the signal and restores its default action,
        // which a test runner may have changed for its children.
        let launcher = """
            import os, resource, signal, sys
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
            resource.setrlimit(resource.RLIMIT_FSIZE, (10240, 10240))
            os.execv(sys.argv[1], sys.argv[1:])
            """
        let limited = try CLI.run(["-c", launcher, CLI.binary.path, "check:dev-keys", ".", "--format", "json", "-o", "out.json"],
                                  in: root, executable: URL(fileURLWithPath: "/usr/bin/python3"), timeout: 60)
        #expect(limited.status == SIGXFSZ, "\(limited.stderr)")
        #expect(try Self.entries(root) == ["app.py"], "the partial report and its temporary file are gone")
    }

    @Test func diagnosticsGoToStandardErrorAndAWrittenReportLeavesItsSummary() throws {
        let root = Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["big.txt": String(repeating: "x", count: 2_000)], under: root)
        let text = try CLI.run(["check:dev-keys", ".", "--max-file-size", "1K"], in: root)
        #expect(text.stderr.contains("warning: big.txt: file of 2000 bytes is over the size limit"), "\(text.stderr)")
        #expect(!text.stdout.contains("warning:"))
        #expect(text.stdout.contains("1 finding (1 high) in 1 file · 1 file scanned, 1 skipped (1 too-large)"), "\(text.stdout)")
        let written = try CLI.run(["check:dev-keys", ".", "--format", "json", "-o", "report.json"], in: root)
        #expect(written.stdout.isEmpty)
        #expect(written.stderr.contains("1 finding (1 high) in 1 file") && written.stderr.contains("report in report.json"), "\(written.stderr)")
        #expect(try CLI.run(["check:dev-keys", ".", "-o", "report.txt", "--quiet"], in: root).stderr.isEmpty)
    }
}

/// What scanned files hold is shown, never obeyed: no escape sequence reaches a terminal or a piped output.
@Suite struct TerminalEscapeTests {
    @Test func controlCharactersFromScannedFilesAreEscapedInText() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A conflict label that clears the screen, sets the window title, writes the clipboard and makes a link.
        let label = "\u{1B}[2J\u{1B}]0;owned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}]8;;https://example.invalid\u{1B}\\x\u{1B}]8;;\u{1B}\\"
        FileTree.write(["app.py": "<<<<<<< \(label)\nA = 1\n=======\nA = 2\n>>>>>>> topic\n"], under: root)
        let piped = try CLI.run(["check:merge-markers", root.path, "--color", "never"])
        #expect(piped.status == 1)
        #expect(!(piped.stdout + piped.stderr).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(piped.stdout)")
        #expect(piped.stdout.contains("\\u{1B}]52;c;ZXZpbA==\\u{7}"))
        // With colour, the only escape sequences are the reporter's own colours (ESC [ digits m).
        let coloured = try CLI.run(["check:merge-markers", root.path, "--color", "always"])
        let own = try NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*m")
        let stripped = own.stringByReplacingMatches(in: coloured.stdout, range: NSRange(coloured.stdout.startIndex..., in: coloured.stdout), withTemplate: "")
        #expect(!stripped.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
