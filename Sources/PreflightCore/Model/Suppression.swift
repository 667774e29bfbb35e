/// Why a finding is not reported as active: an inline comment or a baseline entry said so.
public struct Suppression: Sendable, Hashable, Codable {
    /// Where the decision was recorded.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A suppression comment on the finding's line or alone on the line above it.
        case inline
        /// An entry of the baseline file given with `--baseline`.
        case baseline
        /// A setting of the repository configuration (a route listed in `auth.public-routes`).
        case config
    }

    public let kind: Kind
    /// The reason written with the decision, if any.
    public let reason: String?
    /// For baseline entries: `accepted-risk`, `false-positive` or `todo`.
    public let status: String?
    /// For baseline entries: the day (YYYY-MM-DD) after which the entry no longer hides the finding.
    public let expires: String?

    public init(kind: Kind, reason: String?, status: String? = nil, expires: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.status = status
        self.expires = expires
    }
}
