import Foundation
import PreflightTestSupport
import Testing

/// The same tree gives the same JSON report, whatever the number of threads, from one run to the next, and
/// whether it is a git checkout or a `git archive` copy of it.
@Suite(.serialized) struct DeterminismTests {
    /// The JSON report without what may differ between equal scans: the time taken, the absolute root URI, and
    /// the commit (a `git archive` copy has none).
    static func normalised(_ outcome: CLI.Outcome) -> String {
        outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"durationMs\"") && !$0.contains("\"rootUri\"") && !$0.contains("\"commit\"") }
            .joined(separator: "\n")
    }

    @Test func sameReportForAnyJobsAcrossRunsAndForAnArchiveCopy() throws {
        let repository = try Repository()
        let copy = FileTree.temporaryDirectory()
        defer {
            repository.remove()
            try? FileManager.default.removeItem(at: copy)
        }
        let planted = ScanCLITests.plantedTree()
        defer { try? FileManager.default.removeItem(at: planted) }
        for name in try FileManager.default.contentsOfDirectory(atPath: planted.path) where name != ".git" {
            try FileManager.default.copyItem(at: planted.appendingPathComponent(name), to: repository.root.appendingPathComponent(name))
        }
        for index in 0..<120 {
            let text = index % 7 == 0 ? "TOKEN = \"\(FakeSecrets.devSecret)\"  # TODO\n" : "def f\(index)():\n    return \(index)\n"
            repository.write("pkg/m\(index / 10)/f\(index).py", text)
        }
        repository.write("Dockerfile", "FROM python:3.12\n")
        try repository.git("add", "-A")
        #expect(try repository.git("commit", "-q", "-m", "tree") == 0)
        // The checkout keeps only what was committed, as the archive does: ignored files that git does not track
        // would be counted as excluded in the one and be absent from the other.
        #expect(try repository.git("clean", "-q", "-f", "-d", "-X") == 0)
        let archive = copy.appendingPathComponent("tree.tar").path
        #expect(try repository.git("archive", "--format=tar", "-o", archive, "HEAD") == 0)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xf", archive, "-C", copy.path]
        try tar.run()
        tar.waitUntilExit()
        try FileManager.default.removeItem(atPath: archive)

        func scan(_ directory: URL, jobs: Int) throws -> String {
            let outcome = try CLI.run([".", "--format", "json", "--jobs", String(jobs)], in: directory)
            #expect(outcome.status == 1)
            return Self.normalised(outcome)
        }
        let reference = try scan(repository.root, jobs: 1)
        #expect(reference.contains("\"ruleId\""))
        for jobs in [2, 8] { #expect(try scan(repository.root, jobs: jobs) == reference, "--jobs \(jobs) differs from --jobs 1") }
        for _ in 0..<3 { #expect(try scan(repository.root, jobs: 8) == reference, "a repeated run differs") }
        #expect(try scan(copy, jobs: 8) == reference, "the git archive copy gives another report")
    }
}
