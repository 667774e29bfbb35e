import Foundation

/// The `ruleid:` and `ok:` annotations of an annotated fixture file. A comment holding `ruleid: <id>[, <id>]`
/// expects each rule to report a finding on the next line that is not an annotation (`col=N` pins the byte
/// column); `ok: <id>` expects that rule to stay quiet there.
public struct FixtureAnnotations: Sendable {
    /// One expectation on one line.
    public struct Expectation: Hashable, Sendable, CustomStringConvertible {
        public let ruleId: String
        public let line: Int
        public let column: Int?
        public var description: String { "\(ruleId)@\(line)" + (column.map { ":\($0)" } ?? "") }
    }

    public private(set) var expected: Set<Expectation> = []
    public private(set) var forbidden: Set<Expectation> = []

    public init(text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        var pending: [(ok: Bool, rules: [String], column: Int?)] = []
        for (index, line) in lines.enumerated() {
            if let annotation = Self.parse(line) {
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
    }

    /// The annotation on `line`, if it holds one after a comment opener (or, for JSON, a quote).
    static func parse(_ line: String) -> (ok: Bool, rules: [String], column: Int?)? {
        for (marker, ok) in [("ruleid:", false), ("ok:", true)] {
            guard let range = line.range(of: marker) else { continue }
            let lead = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard ["#", "//", "--", "/*", "<!--", ";", "\""].contains(where: { lead.hasSuffix($0) }) else { continue }
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
