/// Everything a scan needs besides its rules and targets.
public struct ScanOptions: Sendable {
    public var walk: WalkOptions
    /// Hide secrets in messages and snippets.
    public var redact: Bool
    public var limits: MatchLimits

    public init(walk: WalkOptions, redact: Bool = true, limits: MatchLimits = MatchLimits()) {
        self.walk = walk
        self.redact = redact
        self.limits = limits
    }
}
