import Testing
@testable import PreflightCore

/// The tester behind the rule tests and `scan test-rules` tells hits, misses, noise and clean cases apart.
@Suite struct RuleTesterTests {
    static func rule(examples: String) throws -> RuleSet {
        try TestSupport.load(["demo.yml": """
            id: demo-token
            pack: demo
            title: Demo token
            description: A demo rule for tests.
            help: Nothing to fix.
            severity: high
            confidence: high
            message: demo token
            regex: 'DEMO-[0-9]+'
            examples:
            \(examples)
            """])
    }

    @Test func examplesAreHitsMissesNoiseOrClean() throws {
        let rules = try Self.rule(examples: """
              match:
                - "x = ↓DEMO-1"
                - "x = DEMO-2 ↓y"
                - "nothing here"
              no-match:
                - "x = DEMO-x"
                - "x = DEMO-3"
            """)
        let cases = RuleTester(rules: rules).testExamples()
        #expect(cases.map(\.outcome) == [.hit, .miss, .miss, .clean, .noise])
        #expect(cases.map(\.line) == [12, 13, 14, 16, 17])
        #expect(cases[1].detail.contains("expected at [1:12], reported at [1:5]"))
        #expect(cases[4].detail.contains("no-match example 2 (as written): reported at [1:5]"))
    }

    @Test func aMarkerThatOnlyHoldsAsWrittenFailsInAVariant() throws {
        // Written for LF only: the lone `\n` in the regex fails with CRLF line ends.
        let rules = try TestSupport.load(["r.yml": """
            id: demo-pair
            pack: demo
            title: Demo
            description: A demo rule.
            help: Nothing.
            severity: high
            confidence: high
            message: demo
            regex: 'a\\nb'
            examples:
              match: ["↓a\\nb"]
              no-match: ["a b"]
            """])
        let cases = RuleTester(rules: rules).testExamples()
        #expect(cases.first?.outcome == .miss)
        #expect(cases.first?.detail.contains("CRLF") == true)
    }

    @Test func fixturesCompareFindingsWithAnnotations() throws {
        let rules = try Self.rule(examples: "  match: [\"↓DEMO-1\"]\n  no-match: [\"x\"]")
        let text = """
            # ruleid: demo-token
            a = DEMO-1
            # ruleid: demo-token
            b = 2
            c = DEMO-3
            # ok: demo-token
            d = 4
            # ruleid: no-such-rule
            e = 5
            """
        let cases = RuleTester(rules: rules).testFixture(text: text, path: "app.py", file: "fixtures/app.py")
        #expect(cases.map { "\($0.outcome.rawValue)@\($0.line)" } == ["hit@2", "miss@4", "noise@5", "clean@7", "miss@9"])
        #expect(cases.last?.detail == "no rule with this id")
        #expect(cases.allSatisfy { $0.file == "fixtures/app.py" })
    }
}
