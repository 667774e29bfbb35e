import Foundation
import Testing
@testable import PreflightCore

/// Scans every file under `Fixtures/annotated/` with all built-in rules and compares the findings with the
/// `ruleid:` annotations, exactly, with the same tester as `scan test-rules`: a missing finding or an unexpected
/// one fails.
@Suite struct AnnotatedFixturesTests {
    static let directory = TestSupport.packageRoot.appendingPathComponent("Fixtures/annotated")

    /// Every fixture file, as a path relative to the fixtures folder.
    static let files: [String] = {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where !url.hasDirectoryPath && url.lastPathComponent != "README.md" {
            paths.append(String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1)))
        }
        return paths.sorted()
    }()

    @Test("the fixtures folder is not empty")
    func fixturesExist() {
        #expect(Self.files.count >= 10)
    }

    @Test("findings match the annotations exactly", arguments: files)
    func findingsMatchAnnotations(_ path: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(path), encoding: .utf8)
        let cases = RuleTester(rules: TestSupport.builtinRules).testFixture(text: text, path: path, file: path)
        for failure in cases where !failure.outcome.passed {
            Issue.record("\(failure.file):\(failure.line): \(failure.outcome.rawValue) \(failure.ruleId): \(failure.detail)")
        }
    }
}
