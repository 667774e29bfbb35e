/// Everything a scan needs besides its rules and targets.
public struct ScanOptions: Sendable {
    public var walk: WalkOptions
    /// Hide secrets in messages and snippets.
    public var redact: Bool
    public var limits: MatchLimits
    /// Stop checking files once this many findings are found (`--max-findings`); nil for no limit.
    public var maxFindings: Int?
    /// When set, only files whose path (relative to the scan root) it accepts are checked by the rules; the
    /// others are still read for the repository facts and candidates of repository-level rules, which are then
    /// decided over the whole tree and reported when they fall in an accepted file (`--since`, `--shard`).
    public var focus: (@Sendable (String) -> Bool)?
    /// Updated after each file when set, for a progress display.
    public var progress: ScanProgress?
    /// Files and directories that cannot be read make the scan incomplete (`--strict`).
    public var strict = false
    /// Path patterns that put a file in a context before the built-in classification does (`contexts` in `.scan.yml`).
    public var contextPatterns: [(context: FindingContext, glob: Glob)] = []

    public init(walk: WalkOptions, redact: Bool = true, limits: MatchLimits = MatchLimits()) {
        self.walk = walk
        self.redact = redact
        self.limits = limits
    }
}
