/// The JSON report, contract version 1: what `scan --format json` writes. Fields are only added, never renamed,
/// within one contract version.
public struct Report: Codable, Sendable, Equatable {
    /// The contract version of this shape.
    public static let contractVersion = 1

    public var version: Int
    public var tool: Tool
    /// The scan root as given on the command line; every finding path is relative to it.
    public var root: String
    /// The scan root as an absolute `file:` URI ending in `/`, when known.
    public var rootUri: String?
    public var summary: Summary
    public var diagnostics: [Diagnostic]
    public var findings: [Finding]
    /// Findings hidden by an inline suppression comment or a baseline entry, each with its `suppression`; they do
    /// not count towards the score or the exit code. Absent when there are none.
    public var suppressed: [Finding]?
    /// What the scan inventoried, such as HTTP endpoints; absent when no rule inventories anything.
    public var inventory: Inventory?
    /// The readiness score (docs/scoring.md).
    public var score: Score?
    /// The commit scanned, when the root is a git work tree.
    public var commit: String?
    /// Every rule that ran, with its explanation and fix, sorted by id.
    public var rules: [RuleInfo]?
    /// The packs chosen with `check:PACK`; absent when every pack ran.
    public var packsSelected: [String]?
    /// The trend since an earlier report (`--compare OLD.json`).
    public var comparison: Comparison?
    /// The part of a sharded scan this report covers (`--shard I/N`); absent for a whole scan.
    public var shard: Shard?
    /// The repository configuration that applied and what it changed, and built-in rules that rule files
    /// replaced; absent when neither.
    public var configuration: Configuration?

    public init(tool: Tool, root: String, summary: Summary, diagnostics: [Diagnostic], findings: [Finding], inventory: Inventory? = nil) {
        version = Self.contractVersion
        self.tool = tool
        self.root = root
        self.summary = summary
        self.diagnostics = diagnostics
        self.findings = findings
        self.inventory = inventory
    }

    /// The program that wrote the report.
    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        /// The project's home page; rule documentation lives below it.
        public var informationUri: String?

        public init(name: String, version: String, informationUri: String? = nil) {
            self.name = name
            self.version = version
            self.informationUri = informationUri
        }
    }

    /// One part of a sharded scan: its 1-based index, the number of parts, and the identity of the run they belong
    /// to (a digest of the commit, the rules, the configuration and the options), so that `scan merge` can tell a
    /// missing, repeated or foreign part.
    public struct Shard: Codable, Sendable, Equatable {
        public var index: Int
        public var count: Int
        public var run: String

        public init(index: Int, count: Int, run: String) {
            self.index = index
            self.count = count
            self.run = run
        }
    }

    /// What a `.scan.yml` (or `--config` file) changed, each field absent when the file does not set it, and the
    /// built-in rules replaced by rule files of the same id, from the configuration's rule directories or `--rules`.
    public struct Configuration: Codable, Sendable, Equatable {
        /// The configuration file, relative to the scan root; absent when only `--rules` replaced rules.
        public var file: String?
        public var onlyPacks: [String]?
        public var disabledPacks: [String]?
        public var disabledRules: [String]?
        /// Severity overrides by rule id.
        public var severities: [String: String]?
        public var excludes: [String]?
        public var ruleDirectories: [String]?
        /// Built-in rule ids replaced, with the rule file that replaced each.
        public var replacedRules: [String: String]?
        public var weights: [String: Double]?
        public var threshold: Int?
        public var failOn: String?
        public var baseline: String?
        public var publicRoutes: [String]?
        /// Path patterns by the context they put files in.
        public var contexts: [String: [String]]?

        public init(file: String?) {
            self.file = file
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
        /// How many findings were suppressed (inline or by the baseline); absent when none were.
        public var suppressed: Int?
        /// Files and directories left out, by what left them out: `.gitignore`, `.git/info/exclude` and
        /// `.scanignore` files, `--exclude`, the configuration file, the scan's own files. A directory counts once.
        /// Git's ignore files leave out only files git does not track. Absent when nothing was left out.
        public var excludedBySource: [String: Int]?
        /// True when the tree is a packaged distribution (an sdist or a wheel), whose repository checks for files
        /// a distribution leaves out (CI, container files, lockfiles, tests) did not run; absent otherwise.
        public var packagedDistribution: Bool?

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
        /// The path's exact bytes in base64, present only when they are not UTF-8 (`path` then shows U+FFFD).
        public var pathBytes: String?

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
        /// `production`, or where else the file sits: `test`, `fixture`, `example`, `docs`, `vendor`, `generated`, `archive`, `development`.
        public var context: String
        /// `column` and `endColumn` counted in UTF-16 code units, as SARIF and editors count them.
        public var utf16Column: Int?
        public var utf16EndColumn: Int?
        /// GitHub code scanning's hash of the start line, for SARIF `primaryLocationLineHash`.
        public var lineHash: String?
        /// Why the finding is hidden; only on findings in `suppressed`.
        public var suppression: Suppression?
        /// The path's exact bytes in base64, present only when they are not UTF-8 (`path` then shows U+FFFD).
        public var pathBytes: String?

        public init(ruleId: String, pack: String, severity: String, confidence: String, path: String, line: Int, column: Int,
                    endLine: Int, endColumn: Int, message: String, snippet: String, fingerprint: String, context: String,
                    utf16Column: Int? = nil, utf16EndColumn: Int? = nil, lineHash: String? = nil) {
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
            self.context = context
            self.utf16Column = utf16Column
            self.utf16EndColumn = utf16EndColumn
            self.lineHash = lineHash
        }
    }

    /// Why a finding is hidden: `kind` is `inline` (a comment) or `baseline` (an entry of the baseline file).
    public struct Suppression: Codable, Sendable, Equatable {
        public var kind: String
        public var reason: String?
        /// Baseline entries: `accepted-risk`, `false-positive` or `todo`.
        public var status: String?
        /// Baseline entries: the last day (YYYY-MM-DD) the entry hides the finding.
        public var expires: String?

        public init(kind: String, reason: String?, status: String? = nil, expires: String? = nil) {
            self.kind = kind
            self.reason = reason
            self.status = status
            self.expires = expires
        }
    }

    /// Inventories built during the scan.
    public struct Inventory: Codable, Sendable, Equatable {
        public var endpoints: Endpoints

        public init(endpoints: Endpoints) {
            self.endpoints = endpoints
        }
    }

    /// The HTTP endpoints found, with their guards. `authenticated` and `rateLimited` count only routes that the
    /// corresponding pack looked at; `authChecked` and `rateLimitChecked` say how many those were.
    public struct Endpoints: Codable, Sendable, Equatable {
        public var total: Int
        public var files: Int
        public var authChecked: Int
        public var authenticated: Int
        public var rateLimitChecked: Int
        public var rateLimited: Int
        /// Routes that are public by design (health, login, docs...).
        public var publicRoutes: Int
        public var byFramework: [String: Int]
        public var byFile: [String: Int]
        public var items: [Endpoint]

        public init(total: Int, files: Int, authChecked: Int, authenticated: Int, rateLimitChecked: Int, rateLimited: Int,
                    publicRoutes: Int, byFramework: [String: Int], byFile: [String: Int], items: [Endpoint]) {
            self.total = total
            self.files = files
            self.authChecked = authChecked
            self.authenticated = authenticated
            self.rateLimitChecked = rateLimitChecked
            self.rateLimited = rateLimited
            self.publicRoutes = publicRoutes
            self.byFramework = byFramework
            self.byFile = byFile
            self.items = items
        }
    }

    /// One route: `path` is the HTTP path, `file` and `line` where it is declared.
    public struct Endpoint: Codable, Sendable, Equatable {
        public var framework: String
        public var method: String
        public var path: String
        public var file: String
        public var line: Int
        public var authenticated: Bool?
        public var authenticationGuard: String?
        public var rateLimited: Bool?
        public var rateLimitGuard: String?
        /// Where each guard is (`file:line`); for a guard of the whole project, the first place it was found.
        public var authenticationGuardAt: String?
        public var rateLimitGuardAt: String?
        public var `public`: Bool

        public init(framework: String, method: String, path: String, file: String, line: Int, authenticated: Bool?,
                    authenticationGuard: String?, rateLimited: Bool?, rateLimitGuard: String?, public isPublic: Bool,
                    authenticationGuardAt: String? = nil, rateLimitGuardAt: String? = nil) {
            self.framework = framework
            self.method = method
            self.path = path
            self.file = file
            self.line = line
            self.authenticated = authenticated
            self.authenticationGuard = authenticationGuard
            self.rateLimited = rateLimited
            self.rateLimitGuard = rateLimitGuard
            self.authenticationGuardAt = authenticationGuardAt
            self.rateLimitGuardAt = rateLimitGuardAt
            self.public = isPublic
        }

        /// The guards found, authentication first, each with where it is when that is known.
        public var guards: [(text: String, at: String?)] {
            [(authenticationGuard, authenticationGuardAt), (rateLimitGuard, rateLimitGuardAt)].compactMap { text, at in text.map { ($0, at) } }
        }
    }

    /// The readiness score: overall, grade, verdict against the threshold, and each category's arithmetic.
    public struct Score: Codable, Sendable, Equatable {
        public var overall: Int
        public var grade: String
        public var verdict: String
        public var threshold: Int
        public var criticalFindings: Int
        public var categories: [String: Category]
        /// Why the verdict is not GO (`NO-GO`, or `INCOMPLETE` when the scan could not look at everything).
        public var reasons: [String]?
        /// Findings the baseline hides from the list of new ones that still count towards the score: those
        /// without a decision that makes them safe (accepted risk or false positive, with a reason).
        public var baselineFindingsCounted: Int?

        public init(overall: Int, grade: String, verdict: String, threshold: Int, criticalFindings: Int, categories: [String: Category]) {
            self.overall = overall
            self.grade = grade
            self.verdict = verdict
            self.threshold = threshold
            self.criticalFindings = criticalFindings
            self.categories = categories
        }

        public struct Category: Codable, Sendable, Equatable {
            public var score: Int
            public var weight: Double
            public var findings: Int
            public var deductions: [Deduction]

            public init(score: Int, weight: Double, findings: Int, deductions: [Deduction]) {
                self.score = score
                self.weight = weight
                self.findings = findings
                self.deductions = deductions
            }
        }

        /// What one rule cost: the sum of its findings' points, and what counted after the per-rule cap.
        public struct Deduction: Codable, Sendable, Equatable {
            public var ruleId: String
            public var findings: Int
            public var points: Double
            public var counted: Double

            public init(ruleId: String, findings: Int, points: Double, counted: Double) {
                self.ruleId = ruleId
                self.findings = findings
                self.points = points
                self.counted = counted
            }
        }
    }

    /// A rule as reports explain it.
    public struct RuleInfo: Codable, Sendable, Equatable {
        public var id: String
        public var pack: String
        public var title: String
        public var severity: String
        public var description: String
        public var help: String
        public var tags: [String]
        /// How often a match is a true problem: `high`, `medium` or `low`.
        public var confidence: String?

        public init(id: String, pack: String, title: String, severity: String, description: String, help: String, tags: [String], confidence: String? = nil) {
            self.id = id
            self.pack = pack
            self.title = title
            self.severity = severity
            self.description = description
            self.help = help
            self.tags = tags
            self.confidence = confidence
        }
    }
}

extension Report.Endpoints {
    /// The inventory of `items`, with its totals counted from them.
    public init(items: [Report.Endpoint]) {
        var byFramework: [String: Int] = [:]
        var byFile: [String: Int] = [:]
        for endpoint in items {
            byFramework[endpoint.framework, default: 0] += 1
            byFile[endpoint.file, default: 0] += 1
        }
        self.init(
            total: items.count, files: byFile.count,
            authChecked: items.filter { $0.authenticated != nil }.count,
            authenticated: items.filter { $0.authenticated == true }.count,
            rateLimitChecked: items.filter { $0.rateLimited != nil }.count,
            rateLimited: items.filter { $0.rateLimited == true }.count,
            publicRoutes: items.filter(\.public).count,
            byFramework: byFramework, byFile: byFile, items: items
        )
    }
}
