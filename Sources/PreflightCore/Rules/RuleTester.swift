/// Runs rules against their own examples and against annotated fixture files, and says for each case whether
/// it behaved: the test suite checks the built-in rules with it, and `scan test-rules` a user's rule directory.
public struct RuleTester: Sendable {
    /// How one case went.
    public enum Outcome: String, Sendable {
        /// An expected finding was reported.
        case hit
        /// An expected finding was not reported.
        case miss
        /// A finding that nothing expected (in a no-match example, or unannotated in a fixture).
        case noise
        /// Nothing was expected and nothing was reported.
        case clean

        public var passed: Bool { self == .hit || self == .clean }
    }

    /// One case: an example or a fixture expectation, where it is written, and how it went.
    public struct Case: Sendable {
        public let outcome: Outcome
        public let ruleId: String
        public let file: String
        public let line: Int
        public let detail: String
    }

    /// The ways each example is rewritten and scanned again: positions must follow the text.
    enum Variant: String, CaseIterable {
        case asWritten = "as written", crlf = "CRLF line ends", multibytePrefixLine = "a multibyte first line", noFinalNewline = "no final newline"

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

    /// A 1-based line and byte column.
    struct Position: Hashable, CustomStringConvertible {
        let line: Int
        let column: Int
        var description: String { "\(line):\(column)" }
    }

    /// The rules under test.
    public let rules: RuleSet
    /// Every rule loaded, for rules that a rule under test is superseded by.
    let context: RuleSet

    /// Tests `rules`; `context` also holds the rules they name in `superseded-by` (default: `rules`).
    public init(rules: RuleSet, context: RuleSet? = nil) {
        self.rules = rules
        self.context = context ?? rules
    }

    /// Every example of every rule under test.
    public func testExamples() -> [Case] {
        rules.rules.flatMap(testExamples)
    }

    /// The examples of one rule, each scanned as written and in each variant, with the rules that supersede it.
    public func testExamples(of rule: Rule) -> [Case] {
        let scanner = Self.scanner(context.selecting(ids: [rule.id] + rule.supersededBy))
        var cases: [Case] = []
        for (index, example) in rule.examples.enumerated() {
            let number = rule.examples[..<index].filter { $0.expectsMatch == example.expectsMatch }.count
            let source = example.code.replacingOccurrences(of: RuleExample.joint, with: "")
            let path = example.path ?? rule.samplePath
            let name = "\(example.expectsMatch ? "match" : "no-match") example \(number + 1)"
            func outcome(_ outcome: Outcome, _ detail: String) -> Case {
                Case(outcome: outcome, ruleId: rule.id, file: example.origin.file, line: example.origin.line, detail: detail)
            }
            var failure: Case?
            for variant in Variant.allCases where failure == nil {
                let (text, expected) = Self.unmark(variant.apply(source))
                let found = scanner.scan(text: text, path: path).findings.filter { $0.ruleId == rule.id }
                    .map { Position(line: $0.region.start.line, column: $0.region.start.byteColumn) }
                let detail = "\(name) (\(variant.rawValue))"
                if !example.expectsMatch {
                    if !found.isEmpty { failure = outcome(.noise, "\(detail): reported at \(found)") }
                } else if expected.isEmpty {
                    if found.isEmpty { failure = outcome(.miss, "\(detail): nothing reported") }
                } else {
                    let missing = Set(expected).subtracting(found), extra = Set(found).subtracting(expected)
                    if !missing.isEmpty {
                        failure = outcome(.miss, "\(detail): expected at \(missing.sorted { $0.line < $1.line }), reported at \(found)")
                    } else if !extra.isEmpty {
                        failure = outcome(.noise, "\(detail): also reported at \(extra.sorted { $0.line < $1.line })")
                    }
                }
            }
            cases.append(failure ?? outcome(example.expectsMatch ? .hit : .clean, name))
        }
        return cases
    }

    /// The cases of one annotated fixture: its text scanned as if at `path` (relative to the fixtures folder) with
    /// every rule under test; `file` names it in the cases.
    public func testFixture(text: String, path: String, file: String) -> [Case] {
        let text = text.replacingOccurrences(of: RuleExample.joint, with: "")
        let annotations = FixtureAnnotations(text: text)
        let findings = Self.scanner(rules).scan(text: text, path: path).findings
        var cases: [Case] = []
        var matched = Set<FixtureAnnotations.Expectation>()
        for finding in findings {
            let start = finding.region.start
            if let hit = annotations.expected.first(where: { $0.ruleId == finding.ruleId && $0.line == start.line && ($0.column.map { $0 == start.byteColumn } ?? true) }) {
                matched.insert(hit)
            } else {
                let marked = annotations.forbidden.contains { $0.ruleId == finding.ruleId && $0.line == start.line }
                cases.append(Case(outcome: .noise, ruleId: finding.ruleId, file: file, line: start.line,
                                  detail: "\(marked ? "marked ok, " : "")reported at \(start.line):\(start.byteColumn) without a ruleid annotation: \(finding.snippet)"))
            }
        }
        for expectation in annotations.expected.sorted(by: { ($0.line, $0.ruleId) < ($1.line, $1.ruleId) }) {
            let known = rules.rule(id: expectation.ruleId) != nil
            let outcome: Outcome = matched.contains(expectation) ? .hit : .miss
            cases.append(Case(outcome: outcome, ruleId: expectation.ruleId, file: file, line: expectation.line,
                              detail: known ? (outcome == .hit ? "reported" : "not reported") : "no rule with this id"))
        }
        for expectation in annotations.forbidden.sorted(by: { ($0.line, $0.ruleId) < ($1.line, $1.ruleId) })
            where !findings.contains(where: { $0.ruleId == expectation.ruleId && $0.region.start.line == expectation.line }) {
            cases.append(Case(outcome: .clean, ruleId: expectation.ruleId, file: file, line: expectation.line, detail: "marked ok, quiet"))
        }
        return cases.sorted { ($0.line, $0.ruleId) < ($1.line, $1.ruleId) }
    }

    private static func scanner(_ rules: RuleSet) -> ScanEngine {
        ScanEngine(catalog: RuleCatalog(rules), options: ScanOptions(walk: WalkOptions(jobs: 1)))
    }

    /// `marked` without its `↓` markers, and the line and byte column of each marker (CRLF, LF and lone CR end lines).
    static func unmark(_ marked: String) -> (text: String, positions: [Position]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for character in marked {
            if character == RuleExample.marker {
                offsets.append(bytes.count)
            } else {
                bytes += Array(character.utf8)
            }
        }
        let positions = offsets.map { offset -> Position in
            var line = 1, lineStart = 0, index = 0
            while index < offset {
                if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            return Position(line: line, column: offset - lineStart + 1)
        }
        return (String(decoding: bytes, as: UTF8.self), positions)
    }
}

extension Rule {
    /// The path an example without one pretends to have: a file of the rule's first language, or a text file.
    public var samplePath: String {
        for language in languages.sorted() {
            if let name = Language.sampleFileName(for: language) { return "src/" + name }
        }
        return "src/main.txt"
    }
}

extension RuleSet {
    /// Only the rules with these ids.
    public func selecting(ids: [String]) -> RuleSet {
        RuleSet(rules: rules.filter { ids.contains($0.id) })
    }
}
