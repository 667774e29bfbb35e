import Foundation
import Testing
@testable import PreflightCore

/// Inline suppression comments: parsing, which findings they hide, and which are reported as unused.
@Suite struct SuppressionTests {
    /// The directive word, split so that this file holds none.
    static let word = "scan:" + "ignore"
    static let key = TestSupport.devKey

    static func directives(_ text: String) -> [SuppressionDirective] {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { raw in
            let buffer = UnsafeRawBufferPointer(raw)
            return SuppressionDirective.all(in: buffer, lines: LineIndex(buffer))
        }
    }

    /// Scans with every built-in rule (unused suppressions included), returning active and suppressed findings.
    static func scan(_ text: String, path: String = "app/settings.py", rules: RuleSet = TestSupport.builtinRules,
                     known: Set<String>? = nil) -> (active: [Finding], suppressed: [Finding]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("suppression-\(UUID().uuidString)")
        let file = directory.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = ScanEngine(catalog: RuleCatalog(rules, knownRuleIds: known), options: ScanOptions(walk: WalkOptions(jobs: 1)))
        let result = engine.scan([WalkTarget(fileSystemPath: directory.path, displayPath: "")])
        return (result.findings, result.suppressed)
    }

    @Test func parsesIdsReasonAndPlacement() {
        let text = """
            x = 1  # \(Self.word) rule-a -- the reason
                # \(Self.word) rule-a, rule_b ,rule.c -- why: because
            /* \(Self.word) rule-d -- inside a block */
             * \(Self.word) rule-e
            <!-- \(Self.word) rule-f -- html -->
            -- \(Self.word) rule-g
            y = "no comment \(Self.word) rule-h"
            # \(Self.word)
            # \(Self.word) -- no id
            # no\(Self.word) rule-i
            """
        let found = Self.directives(text)
        #expect(found.map(\.ruleIds) == [["rule-a"], ["rule-a", "rule_b", "rule.c"], ["rule-d"], ["rule-e"], ["rule-f"], ["rule-g"]])
        #expect(found.map(\.reason) == ["the reason", "why: because", "inside a block", nil, "html", nil])
        #expect(found.map(\.standsAlone) == [false, true, true, true, true, true])
        #expect(found.map(\.line) == [0, 1, 2, 3, 4, 5])
        #expect(found[0].covers(line: 0) && !found[0].covers(line: 1))
        #expect(found[1].covers(line: 1) && found[1].covers(line: 2) && !found[1].covers(line: 3))
    }

    @Test func aCommentOnTheLineOrAloneAboveHidesExactlyItsRule() {
        let text = """
            import os
            A = os.getenv("A_KEY", "\(Self.key)")  # \(Self.word) dev-keys-env-fallback-python -- local stack only
            # \(Self.word) dev-keys-env-fallback-python -- compose only
            B = os.getenv("B_KEY", "\(Self.key)")
            C = os.getenv("C_KEY", "\(Self.key)")
            D = os.getenv("D_KEY", "\(Self.key)")  # \(Self.word) mocks-test-library-in-production -- wrong rule

            E = os.getenv("E_KEY", "\(Self.key)")
            """
        let (active, suppressed) = Self.scan(text, rules: TestSupport.builtinRules.selecting(packs: ["dev-keys"]))
        #expect(suppressed.map(\.region.start.line) == [2, 4])
        #expect(suppressed.map(\.suppression) == [
            Suppression(kind: .inline, reason: "local stack only"), Suppression(kind: .inline, reason: "compose only"),
        ])
        #expect(Set(active.filter { $0.ruleId == "dev-keys-env-fallback-python" }.map(\.region.start.line)) == [5, 6, 8])
    }

    @Test func anAliasNamesItsRule() throws {
        let rule = """
            id: demo-new
            aliases: [demo-old]
            pack: demo
            title: Demo
            description: A demo rule.
            help: Nothing.
            severity: high
            confidence: high
            message: demo
            regex: 'DEMO'
            """
        let rules = try TestSupport.load(["r.yml": rule])
        let (active, suppressed) = Self.scan("DEMO  # \(Self.word) demo-old\nDEMO\n", path: "a.py", rules: rules)
        #expect(suppressed.map(\.region.start.line) == [1])
        #expect(active.map(\.region.start.line) == [2])
    }

    @Test func unusedSuppressionsNameTheIdsThatHidNothing() {
        let text = """
            import os
            A = os.getenv("A_KEY", "\(Self.key)")  # \(Self.word) dev-keys-env-fallback-python, no-such-rule -- one used
            B = 1  # \(Self.word) dev-keys-env-fallback-python -- stale
            C = 1  # \(Self.word) mocks-test-library-in-production -- rule known but not run
            """
        let selected = TestSupport.builtinRules.selecting(packs: ["dev-keys", "suppressions"])
        let (active, _) = Self.scan(text, rules: selected, known: TestSupport.builtinRules.knownIds)
        let unused = active.filter { $0.ruleId == "suppression-unused" }
        #expect(unused.map(\.region.start.line) == [2, 3])
        #expect(unused.first?.message.contains("for no-such-rule hides") == true)
        #expect(unused.last?.message.contains("for dev-keys-env-fallback-python hides") == true)
    }

    @Test func aBareDirectiveIsAFindingAndHidesNothing() {
        let text = "import os\nA = os.getenv(\"A_KEY\", \"\(Self.key)\")  # \(Self.word)\n"
        let (active, suppressed) = Self.scan(text)
        #expect(suppressed.isEmpty)
        #expect(Set(active.map(\.ruleId)).isSuperset(of: ["dev-keys-env-fallback-python", "suppression-without-rule-id"]))
    }
}
