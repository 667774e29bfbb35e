import ArgumentParser
import Foundation
import PreflightCore

/// `scan hook install|uninstall`: a plain git pre-commit hook that checks the staged content.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove a git pre-commit hook that scans what is staged.",
        subcommands: [Install.self, Uninstall.self]
    )

    /// The line that marks a hook as ours.
    static let marker = "# Preflight pre-commit hook (scan hook install)"
    /// The fast packs a commit is checked with by default.
    static let defaultPacks = "dev-keys,merge-markers"

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write .git/hooks/pre-commit (or into core.hooksPath) running `scan --staged`.",
            discussion: "An existing hook that this command did not write is kept unless --force is given."
        )

        @Option(help: ArgumentHelp("The packs the hook runs.", valueName: "pack,pack"))
        var packs: String = HookCommand.defaultPacks

        @Flag(help: "Replace a pre-commit hook that scan did not write.")
        var force = false

        func run() throws {
            // A pack that does not exist would fail every later commit, even a clean one.
            try TargetSelection.checkPacks(packs.split(separator: ",").map(String.init), in: HookCommand.rulesAvailable())
            let file = try HookCommand.hookFile()
            if let existing = try? String(contentsOfFile: file, encoding: .utf8), !existing.contains(HookCommand.marker), !force {
                Console.error("error: \(file) exists and was not written by scan; keep it and call `scan --staged check:\(packs)` from it, or pass --force to replace it")
                throw ExitStatus.usageError.exitCode
            }
            let script = """
                #!/bin/sh
                \(HookCommand.marker)
                # Blocks the commit when the staged content holds a finding. Bypass once with `git commit --no-verify`.
                scan=\(HookCommand.shellQuoted(HookCommand.executablePath()))
                [ -x "$scan" ] || scan=scan
                exec "$scan" --staged --quiet --no-color check:\(packs)

                """
            try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try ReportDestinations.write(script, to: file)
            guard chmod(file, 0o755) == 0 else {
                Console.error("error: cannot make \(file) executable: \(String(cString: strerror(errno)))")
                throw ExitStatus.outputError.exitCode
            }
            Console.error("Installed \(file): commits are checked with check:\(packs) on the staged content.")
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the pre-commit hook written by `scan hook install`.")

        func run() throws {
            let file = try HookCommand.hookFile()
            guard let existing = try? String(contentsOfFile: file, encoding: .utf8) else {
                Console.error("No pre-commit hook at \(file).")
                return
            }
            guard existing.contains(HookCommand.marker) else {
                Console.error("error: \(file) was not written by scan; left as it is")
                throw ExitStatus.usageError.exitCode
            }
            try FileManager.default.removeItem(atPath: file)
            Console.error("Removed \(file).")
        }
    }

    /// The pre-commit hook's path in the repository around the current directory (honours core.hooksPath).
    static func hookFile() throws -> String {
        do {
            let git = try Git(containing: FileManager.default.currentDirectoryPath)
            let hooks = try git.path(of: "hooks")
            return URL(fileURLWithPath: hooks, relativeTo: URL(fileURLWithPath: git.root, isDirectory: true)).appendingPathComponent("pre-commit").path
        } catch {
            Console.error("error: \(error.message)")
            throw ExitStatus.usageError.exitCode
        }
    }

    /// The rules a commit will be checked with: the built-in ones and those of the rule directories of the
    /// configuration around the current directory.
    static func rulesAvailable() throws -> RuleSet {
        let directory = FileManager.default.currentDirectoryPath
        let settings = ScanConfig.find(from: directory).flatMap { ScanConfig.read(path: $0).config }
        let directories = settings?.ruleDirectories(inside: [directory, settings?.directory ?? directory]).paths ?? []
        let options = try RuleOptions.parse([])
        do {
            return try options.loadRules(configured: directories)
        } catch {
            throw RuleOptions.fail(error, what: "rule")
        }
    }

    /// This executable's absolute path.
    static func executablePath() -> String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
