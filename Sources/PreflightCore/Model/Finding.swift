/// One problem found by one rule at one place.
public struct Finding: Sendable, Hashable {
    public let ruleId: String
    public let pack: String
    public let severity: Severity
    public let confidence: Confidence
    /// The path relative to the scan root, with forward slashes.
    public let path: String
    public let region: TextRegion
    /// The rule's message, with captures filled in (secrets redacted unless redaction is off).
    public internal(set) var message: String
    /// The line where the finding starts (secrets redacted unless redaction is off).
    public internal(set) var snippet: String
    /// A content fingerprint: stable when lines move, different for each occurrence in a file, and computed
    /// without the secret it may hold (`Fingerprint`).
    public internal(set) var fingerprint: String
    /// Where the file sits: production code, tests, fixtures, docs...
    public let context: FindingContext
    /// GitHub code scanning's hash of the start line (`LineHash`) with secrets hidden, when the file's text was at
    /// hand.
    public internal(set) var lineHash: String?
    /// What the fingerprint and the line hash are finished from once the scan knows every secret it found; nil
    /// after that.
    var pending: Pending?
    /// For a rule with keyed repository conditions: the texts of the captures they look up.
    var repositoryKeys: [String: String] = [:]

    /// The texts of a finding with the secrets of its own file redacted, whatever `--no-redact` says.
    struct Pending: Sendable, Hashable {
        /// The matched text, white space folded.
        let fingerprint: String
        /// The snippet.
        let line: String
        /// The message in pieces: the secrets of other files are hidden in the text from the file, not in the
        /// rule's own words (a password `password` found elsewhere must not mask "password" in a message).
        var message: [MessageTemplate.Piece]
    }

    /// Sets the message from its pieces, keeping them for the scan to hide other files' secrets in.
    mutating func setMessage(_ pieces: [MessageTemplate.Piece]) {
        message = pieces.map { $0.shown() }.joined()
        pending?.message = pieces
    }
    /// Set when an inline comment or a baseline entry hides the finding; suppressed findings are reported apart.
    public var suppression: Suppression?

    public init(
        ruleId: String, pack: String, severity: Severity, confidence: Confidence, path: String,
        region: TextRegion, message: String, snippet: String, fingerprint: String, context: FindingContext = .production,
        lineHash: String? = nil
    ) {
        self.ruleId = ruleId
        self.pack = pack
        self.severity = severity
        self.confidence = confidence
        self.path = path
        self.region = region
        self.message = message
        self.snippet = snippet
        self.fingerprint = fingerprint
        self.context = context
        self.lineHash = lineHash
    }

    /// The order of every output: path, line, column, rule id.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.region.start.line != rhs.region.start.line { return lhs.region.start.line < rhs.region.start.line }
        if lhs.region.start.byteColumn != rhs.region.start.byteColumn {
            return lhs.region.start.byteColumn < rhs.region.start.byteColumn
        }
        if lhs.ruleId != rhs.ruleId { return lhs.ruleId < rhs.ruleId }
        return lhs.fingerprint < rhs.fingerprint
    }
}
