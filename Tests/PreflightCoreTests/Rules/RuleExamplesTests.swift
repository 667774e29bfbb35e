import Testing
@testable import PreflightCore

/// Runs the examples that every built-in rule carries, with the same tester as `scan test-rules`. Found
/// automatically: a new rule file is tested as soon as it exists.
@Suite struct RuleExamplesTests {
    /// Every built-in rule, as a test argument.
    static let rules: [RuleCase] = TestSupport.builtinRules.rules.map(RuleCase.init)

    @Test("each rule has a match and a no-match example", arguments: rules)
    func hasBothKindsOfExamples(_ ruleCase: RuleCase) {
        let examples = ruleCase.rule.examples
        #expect(examples.contains { $0.expectsMatch }, "rule \(ruleCase.rule.id) has no 'match' example")
        #expect(examples.contains { !$0.expectsMatch }, "rule \(ruleCase.rule.id) has no 'no-match' example")
    }

    /// As written, with CRLF line ends, after a multibyte first line and without a final newline.
    @Test("each rule's examples match exactly where marked", arguments: rules)
    func examplesMatchWhereMarked(_ ruleCase: RuleCase) {
        let cases = RuleTester(rules: TestSupport.builtinRules).testExamples(of: ruleCase.rule)
        #expect(cases.count == ruleCase.rule.examples.count)
        for failure in cases where !failure.outcome.passed {
            Issue.record("\(failure.file):\(failure.line): \(failure.outcome.rawValue): \(failure.detail)")
        }
    }
}

/// A rule as a test argument, named by its id.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: Rule
    var testDescription: String { rule.id }
}
