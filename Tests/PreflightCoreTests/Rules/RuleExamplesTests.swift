import Testing
@testable import PreflightCore

/// Runs the examples that every built-in rule carries. Found automatically: a new rule file is tested as soon as it exists.
@Suite struct RuleExamplesTests {
    /// Every built-in rule, as a test argument.
    static let rules: [RuleCase] = TestSupport.builtinRules.rules.map(RuleCase.init)

    /// The ways each example is rewritten before it is scanned again: positions must follow.
    enum Variant: String, CaseIterable {
        case asWritten, crlf, multibytePrefixLine, noFinalNewline

        /// The rewritten example; its markers move with the text, so expected positions follow.
        func apply(_ marked: String) -> String {
            switch self {
            case .asWritten: return marked
            case .crlf: return marked.replacingOccurrences(of: "\n", with: "\r\n")
            case .multibytePrefixLine: return "Ünïcödé ✓ — 日本\n" + marked
            case .noFinalNewline:
                var text = marked
                while text.hasSuffix("\n") { text.removeLast() }
                return text
            }
        }
    }

    @Test("each rule has a match and a no-match example", arguments: rules)
    func hasBothKindsOfExamples(_ ruleCase: RuleCase) {
        let examples = ruleCase.rule.examples
        #expect(examples.contains { $0.expectsMatch }, "rule \(ruleCase.rule.id) has no 'match' example")
        #expect(examples.contains { !$0.expectsMatch }, "rule \(ruleCase.rule.id) has no 'no-match' example")
    }

    @Test("each rule's examples match exactly where marked", arguments: rules)
    func examplesMatchWhereMarked(_ ruleCase: RuleCase) throws {
        let rule = ruleCase.rule
        // The rules that supersede this one run too, as in a real scan; only this rule's findings are compared.
        let scanner = TestSupport.scanner(TestSupport.builtinRules.selecting(ids: [rule.id] + rule.supersededBy))
        for example in rule.examples {
            let path = example.path ?? rule.samplePath
            let source = example.code.replacingOccurrences(of: RuleExample.joint, with: "")
            for variant in Variant.allCases {
                let (text, expected) = TestSupport.unmark(variant.apply(source))
                let findings = scanner.scan(text: text, path: path).findings.filter { $0.ruleId == rule.id }
                let where_ = "\(example.origin.file):\(example.origin.line) [\(variant.rawValue)] \(text.debugDescription)"
                if !example.expectsMatch {
                    #expect(findings.map(\.position) == [], "\(where_): expected no finding")
                } else if expected.isEmpty {
                    #expect(!findings.isEmpty, "\(where_): expected a finding, got none")
                } else {
                    #expect(Set(findings.map(\.position)) == Set(expected), "\(where_): expected findings at \(expected), got \(findings.map(\.position))")
                }
            }
        }
    }
}

/// A rule as a test argument, named by its id.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: Rule
    var testDescription: String { rule.id }
}

extension Rule {
    /// The path an example without one pretends to have: a file of the rule's first language, or a text file.
    var samplePath: String {
        for language in languages.sorted() {
            if let name = Language.sampleFileName(for: language) { return "src/" + name }
        }
        return "src/main.txt"
    }
}

extension RuleSet {
    /// Only the rules with these ids.
    func selecting(ids: [String]) -> RuleSet {
        RuleSet(rules: rules.filter { ids.contains($0.id) })
    }
}
