import Foundation
import PreflightTestSupport
import Testing

/// `--shard I/N` and `scan merge`: the merged report of the shards is the report of the whole tree.
@Suite struct ShardCLITests {
    /// The report's members, without what differs between runs (timings).
    static func comparable(_ path: String) throws -> [String: JSONValue] {
        var report = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: path))).object ?? [:]
        var summary = report["summary"]?.object ?? [:]
        summary["durationMs"] = nil
        report["summary"] = .object(summary)
        return report
    }

    @Test(arguments: ["ai-tools-server", "agent-service", "content-generator", "express-app", "fastapi-app"])
    func mergedShardsEqualTheWholeScan(_ repository: String) throws {
        let root = CLI.packageRoot.appendingPathComponent("Fixtures/repos/\(repository)").path
        let work = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let whole = work.appendingPathComponent("whole.json").path
        _ = try CLI.run([root, "--format", "json", "-o", whole])
        var shards: [String] = []
        for index in 1...3 {
            let path = work.appendingPathComponent("shard-\(index).json").path
            let outcome = try CLI.run([root, "--shard", "\(index)/3", "--format", "json", "-o", path])
            #expect(outcome.status <= 1, "\(outcome.stderr)")
            shards.append(path)
        }
        let merged = work.appendingPathComponent("merged.json").path
        let sarif = work.appendingPathComponent("merged.sarif").path
        let outcome = try CLI.run(["merge"] + shards + ["--format", "json", "-o", merged, "--report", "sarif:\(sarif)"])
        #expect(outcome.status <= 1, "\(outcome.stderr)")
        let expected = try Self.comparable(whole), actual = try Self.comparable(merged)
        for key in ["findings", "score", "inventory", "rules", "summary", "diagnostics"] {
            #expect(expected[key] == actual[key], "\(repository): '\(key)' differs")
        }
        #expect(try JSONSchema.sarif().errors(in: JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: sarif)))).isEmpty)
        // Each file is checked by exactly one shard.
        let counts = try shards.map { try Self.comparable($0)["summary"]?["filesScanned"]?.number ?? 0 }
        #expect(counts.reduce(0, +) == expected["summary"]?["filesScanned"]?.number)
    }

    @Test func mergeRefusesAMissingRepeatedOrForeignShardAndBadArguments() throws {
        let root = CLI.packageRoot.appendingPathComponent("Fixtures/repos/express-app").path
        let other = CLI.packageRoot.appendingPathComponent("Fixtures/repos/fastapi-app").path
        let work = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        func write(_ name: String, _ arguments: [String]) throws -> String {
            let path = work.appendingPathComponent(name).path
            _ = try CLI.run(arguments + ["--format", "json", "-o", path])
            return path
        }
        let first = try write("s1.json", [root, "--shard", "1/2"])
        let second = try write("s2.json", [root, "--shard", "2/2"])
        let foreign = try write("f2.json", [other, "--shard", "2/2", "--exclude", "tests/"])
        let whole = try write("whole.json", [root])
        let cases: [(inputs: [String], message: String)] = [
            ([first], "shard 2/2 is missing"),
            ([first, first], "shard 1/2 is given twice"),
            ([first, foreign], "belongs to another scan"),
            ([first, whole], "is not the report of a shard"),
        ]
        for item in cases {
            let outcome = try CLI.run(["merge"] + item.inputs)
            #expect(outcome.status == 2, "\(item.message): exit \(outcome.status)")
            #expect(outcome.stderr.contains(item.message), "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
        #expect(try CLI.run(["merge", first, second]).status <= 1)
        #expect(try CLI.run([root, "--shard", "4/3"]).status == 2)
        #expect(try CLI.run([root, "--shard", "1-3"]).status == 2)
    }
}
