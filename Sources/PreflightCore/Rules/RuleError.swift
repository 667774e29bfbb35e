/// A problem in a rule file, placed at a file, line and column, naming the rule when it is known.
public struct RuleError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let ruleId: String?
    public let message: String

    public init(file: String, line: Int, column: Int, ruleId: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.ruleId = ruleId
        self.message = message
    }

    init(_ origin: RuleSpec.Origin, ruleId: String?, _ message: String) {
        self.init(file: origin.file, line: origin.line, column: origin.column, ruleId: ruleId, message: message)
    }

    /// `file:line:column: error: rule 'id': message`, the form editors and CI logs recognise.
    public var description: String {
        let rule = ruleId.map { "rule '\(Redaction.shown($0))': " } ?? ""
        return "\(file):\(line):\(column): error: \(rule)\(message)"
    }
}

/// Every error found while loading rules; loading fails as a whole when there is any.
public struct RuleLoadFailure: Error, Sendable, CustomStringConvertible {
    public let errors: [RuleError]

    public init(errors: [RuleError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
