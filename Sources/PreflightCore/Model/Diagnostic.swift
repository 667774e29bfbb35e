/// Something the scan could not do fully: a skipped file, a rule that hit a limit, a directory it could not read.
public struct Diagnostic: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The file holds a NUL byte in its first 8 KiB.
        case binary
        /// The file is larger than the size limit.
        case tooLarge = "too-large"
        /// The file or directory could not be opened or read.
        case unreadable
        /// A symbolic link that was not followed.
        case symlink
        /// A symbolic link that leads back into a directory already being walked.
        case symlinkLoop = "symlink-loop"
        /// A rule stopped on a file because PCRE2's match, depth or stack limit was reached.
        case matchLimit = "match-limit"
        /// Neither a regular file nor a directory (socket, device, fifo).
        case special
        /// The rules of a file ran past the time budget per file; those not finished did not report.
        case timeout
        /// Files not scanned because the scan had reached its maximum number of findings.
        case findingLimit = "finding-limit"
        /// An ignore file that was not read (a symbolic link, not a regular file, too large), or the files git
        /// tracks could not be listed; no file is left out because of it.
        case ignoreFile = "ignore-file"
    }

    /// Whether the diagnostic means that findings may be missing.
    public enum Level: String, Sendable, Codable {
        case note, warning, error
    }

    public let kind: Kind
    public let level: Level
    public let path: String
    public let message: String
    /// The rule concerned, for `matchLimit` and `timeout`.
    public let ruleId: String?

    public init(kind: Kind, level: Level, path: String, message: String, ruleId: String? = nil) {
        self.kind = kind
        self.level = level
        self.path = path
        self.message = message
        self.ruleId = ruleId
    }
}
