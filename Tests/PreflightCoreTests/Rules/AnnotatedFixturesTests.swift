import Foundation
import Testing
@testable import PreflightCore

/// Scans every file under `Fixtures/annotated/` with all built-in rules and compares the findings with the
/// `ruleid:` annotations, exactly: a missing finding or an unexpected one fails.
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

    /// What an annotation expects on a line.
    struct Expectation: Hashable, CustomStringConvertible {
        let ruleId: String
        let line: Int
        let column: Int?
        var description: String { "\(ruleId)@\(line)" + (column.map { ":\($0)" } ?? "") }
    }

    @Test("the fixtures folder is not empty")
    func fixturesExist() {
        #expect(Self.files.count >= 10)
    }

    @Test("findings match the annotations exactly", arguments: files)
    func findingsMatchAnnotations(_ path: String) throws {
        let raw = try String(contentsOf: Self.directory.appendingPathComponent(path), encoding: .utf8)
        let text = raw.replacingOccurrences(of: RuleExample.joint, with: "")
        let (expected, forbidden) = Self.annotations(in: text)
        let findings = TestSupport.scanner(TestSupport.builtinRules).scan(text: text, path: path).findings
        var unexpected: [String] = []
        var matched = Set<Expectation>()
        for finding in findings {
            let hit = expected.first { $0.ruleId == finding.ruleId && $0.line == finding.region.start.line && ($0.column == nil || $0.column == finding.region.start.byteColumn) }
            if let hit { matched.insert(hit) } else { unexpected.append("\(finding.ruleId)@\(finding.region.start.line):\(finding.region.start.byteColumn) \(finding.snippet)") }
        }
        let missing = expected.subtracting(matched)
        #expect(missing.isEmpty, "\(path): expected but not found: \(missing.sorted { $0.line < $1.line })")
        #expect(unexpected.isEmpty, "\(path): found but not annotated: \(unexpected)")
        for rule in forbidden {
            #expect(!findings.contains { $0.ruleId == rule.ruleId && $0.region.start.line == rule.line }, "\(path): \(rule) is marked ok")
        }
        for annotation in expected.union(forbidden) {
            #expect(TestSupport.builtinRules.rule(id: annotation.ruleId) != nil, "\(path): annotation names unknown rule \(annotation.ruleId)")
        }
    }

    /// `ruleid:` and `ok:` annotations, each applied to the next line that is not an annotation.
    static func annotations(in text: String) -> (expected: Set<Expectation>, forbidden: Set<Expectation>) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        var expected = Set<Expectation>(), forbidden = Set<Expectation>()
        var pending: [(ok: Bool, rules: [String], column: Int?)] = []
        for (index, line) in lines.enumerated() {
            if let annotation = parse(line) {
                pending.append(annotation)
                continue
            }
            for annotation in pending {
                for rule in annotation.rules {
                    let expectation = Expectation(ruleId: rule, line: index + 1, column: annotation.column)
                    if annotation.ok { forbidden.insert(expectation) } else { expected.insert(expectation) }
                }
            }
            pending = []
        }
        return (expected, forbidden)
    }

    static func parse(_ line: String) -> (ok: Bool, rules: [String], column: Int?)? {
        for (marker, ok) in [("ruleid:", false), ("ok:", true)] {
            guard let range = line.range(of: marker) else { continue }
            // Only in a comment (or, for JSON, a string): the marker follows a comment opener.
            let before = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard ["#", "//", "--", "/*", "<!--", ";", "\""].contains(where: { before.hasSuffix($0) }) else { continue }
            var rest = line[range.upperBound...].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            var column: Int?
            if let last = rest.last, last.hasPrefix("col=") {
                column = Int(last.dropFirst(4))
                rest.removeLast()
            }
            let rules = rest.joined().split(separator: ",").map { String($0.filter { $0.isLetter || $0.isNumber || $0 == "-" }) }.filter { !$0.isEmpty }
            return (ok, rules, column)
        }
        return nil
    }
}
