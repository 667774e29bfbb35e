/// The JSON report, contract version 1: what `scan --format json` writes. Fields are only added, never renamed,
/// within one contract version.
public struct Report: Codable, Sendable, Equatable {
    /// The contract version of this shape.
    public static let contractVersion = 1

    public var version: Int
    public var tool: Tool
    /// The scan root as given on the command line; every finding path is relative to it.
    public var root: String
    public var summary: Summary
    public var diagnostics: [Diagnostic]
    public var findings: [Finding]

    public init(tool: Tool, root: String, summary: Summary, diagnostics: [Diagnostic], findings: [Finding]) {
        version = Self.contractVersion
        self.tool = tool
        self.root = root
        self.summary = summary
        self.diagnostics = diagnostics
        self.findings = findings
    }

    /// The program that wrote the report.
    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String

        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// Counts for the whole scan.
    public struct Summary: Codable, Sendable, Equatable {
        public var filesScanned: Int
        public var filesSkipped: Int
        /// Skipped files and directories by reason (`binary`, `too-large`, `unreadable`, `symlink`, ...).
        public var skippedByReason: [String: Int]
        public var bytesScanned: Int
        public var durationMs: Int
        /// Every severity, with zero where there is none.
        public var findingsBySeverity: [String: Int]
        /// False when findings may be missing (see `diagnostics` with level `error`).
        public var complete: Bool
        /// How many rules ran.
        public var rulesRun: Int

        public init(filesScanned: Int, filesSkipped: Int, skippedByReason: [String: Int], bytesScanned: Int, durationMs: Int,
                    findingsBySeverity: [String: Int], complete: Bool, rulesRun: Int) {
            self.filesScanned = filesScanned
            self.filesSkipped = filesSkipped
            self.skippedByReason = skippedByReason
            self.bytesScanned = bytesScanned
            self.durationMs = durationMs
            self.findingsBySeverity = findingsBySeverity
            self.complete = complete
            self.rulesRun = rulesRun
        }
    }

    /// Something the scan could not do fully.
    public struct Diagnostic: Codable, Sendable, Equatable {
        public var kind: String
        public var level: String
        public var path: String
        public var message: String
        public var ruleId: String?

        public init(kind: String, level: String, path: String, message: String, ruleId: String?) {
            self.kind = kind
            self.level = level
            self.path = path
            self.message = message
            self.ruleId = ruleId
        }
    }

    /// One finding. Lines and columns are 1-based; columns count Unicode scalars; `endColumn` is just past the end.
    public struct Finding: Codable, Sendable, Equatable {
        public var ruleId: String
        public var pack: String
        public var severity: String
        public var confidence: String
        public var path: String
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var message: String
        public var snippet: String
        public var fingerprint: String

        public init(ruleId: String, pack: String, severity: String, confidence: String, path: String, line: Int, column: Int,
                    endLine: Int, endColumn: Int, message: String, snippet: String, fingerprint: String) {
            self.ruleId = ruleId
            self.pack = pack
            self.severity = severity
            self.confidence = confidence
            self.path = path
            self.line = line
            self.column = column
            self.endLine = endLine
            self.endColumn = endColumn
            self.message = message
            self.snippet = snippet
            self.fingerprint = fingerprint
        }
    }
}
