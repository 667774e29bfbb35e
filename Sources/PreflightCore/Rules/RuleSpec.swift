/// A rule as written in a rule file, decoded but not yet compiled. Nothing here has been checked beyond its shape.
public struct RuleSpec: Sendable {
    /// Where a value came from, for error messages.
    public struct Origin: Sendable, Hashable {
        public let file: String
        public let line: Int
        public let column: Int

        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    /// A condition that cancels a match.
    public struct Allow: Sendable {
        /// What an allow pattern is tested against.
        public enum Target: Sendable, Hashable {
            /// The secret capture (the whole match when the rule names none).
            case secret
            /// The whole match.
            case match
            /// The line or lines the match stands on.
            case line
            /// A named capture of the rule's regex (a match where it did not take part is kept).
            case capture(String)

            /// `secret`, `match`, `line`, or else the name of a capture.
            public init(key: String) {
                switch key {
                case "secret": self = .secret
                case "match": self = .match
                case "line": self = .line
                default: self = .capture(key)
                }
            }
        }

        public let target: Target
        public let regex: String
        public let origin: Origin
    }

    public var id: String
    public var aliases: [String] = []
    public var pack: String
    public var title: String
    public var description: String
    public var help: String
    public var severity: String
    public var confidence: String
    public var message: String
    public var includePaths: [String] = []
    public var excludePaths: [String] = []
    public var languages: [String] = []
    public var regex: String
    public var regexFlags: [String] = []
    public var keywords: [String] = []
    /// The capture holding the secret: a group name or number.
    public var secret: String?
    public var minEntropy: Double?
    public var allow: [Allow] = []
    public var tags: [String] = []
    /// Rules whose overlapping finding makes this rule's finding redundant.
    public var supersededBy: [String] = []
    public var examples: [RuleExample] = []
    /// Where the finding must start (code, comment, string); empty: anywhere.
    public var regions: [String] = []
    /// Where named captures must start, by capture name.
    public var captureRegions: [String: [String]] = [:]
    /// The contexts the rule reports in (`production`, `test`...); empty: all of them.
    public var contexts: [String] = []
    /// The named fragments (`define:` in a rule file) whose conditions the rule takes in.
    public var uses: [String] = []
    /// The structural conditions, as written.
    public var structure = StructureSpec()
    /// Lines before and after each keyword occurrence that the regex is tried on; nil means the whole file.
    public var window: Int? = RuleSpec.defaultWindow

    /// `lines: logical`: the regex reads a construct spread over several lines as one line.
    public var logicalLines = false

    /// The default `window`: a statement wrapped over a few lines still matches.
    public static let defaultWindow = 2

    /// Where the rule starts.
    public var origin: Origin
    /// Where each key's value starts, for errors found after decoding.
    public var keyOrigins: [String: Origin] = [:]

    /// The origin of `key`'s value, or of the rule when the key is absent.
    public func origin(of key: String) -> Origin { keyOrigins[key] ?? origin }
}
