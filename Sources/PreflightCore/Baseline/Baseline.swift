import Foundation

/// Findings recorded as known (`scan baseline create`), so that later scans report only new ones (`--baseline`).
///
/// Entries are keyed by rule id, path and content fingerprint: never by line, so that a finding stays known when
/// lines above it move or its own line is re-indented. The file holds no timestamp and is sorted, so that it only
/// changes when findings or decisions change.
public struct Baseline: Codable, Sendable, Equatable {
    /// The default file name, at the repository root.
    public static let defaultFileName = ".scan-baseline.json"
    public static let formatVersion = 1

    public var version: Int
    /// Sorted by path, rule id and fingerprint.
    public private(set) var entries: [Entry]

    /// One known finding, with the decision taken about it, if any.
    public struct Entry: Codable, Sendable, Equatable {
        public var ruleId: String
        public var path: String
        public var fingerprint: String
        /// The finding's message when it was recorded (secrets redacted), for people reading the file.
        public var message: String?
        public var status: Status?
        public var reason: String?
        /// The last day (YYYY-MM-DD) the entry hides its finding; after it, the finding is reported again.
        public var expires: String?

        public init(ruleId: String, path: String, fingerprint: String, message: String? = nil, status: Status? = nil,
                    reason: String? = nil, expires: String? = nil) {
            self.ruleId = ruleId
            self.path = path
            self.fingerprint = fingerprint
            self.message = message
            self.status = status
            self.reason = reason
            self.expires = expires
        }

        /// The entry of `finding`, without a decision.
        public init(_ finding: Finding) {
            self.init(ruleId: finding.ruleId, path: finding.path, fingerprint: finding.fingerprint, message: finding.message)
        }

        var key: Key { Key(ruleId: ruleId, path: path, fingerprint: fingerprint) }
    }

    /// What a reviewer decided about a known finding.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case acceptedRisk = "accepted-risk"
        case falsePositive = "false-positive"
        case todo
    }

    struct Key: Hashable {
        let ruleId: String
        let path: String
        let fingerprint: String

        init(ruleId: String, path: String, fingerprint: String) {
            self.ruleId = ruleId
            self.path = path
            self.fingerprint = fingerprint
        }

        init(_ finding: Finding) {
            self.init(ruleId: finding.ruleId, path: finding.path, fingerprint: finding.fingerprint)
        }
    }

    public init(entries: [Entry]) {
        version = Self.formatVersion
        self.entries = Self.sorted(entries)
    }

    /// The baseline of `findings`; decisions already taken in `previous` are carried over to the same findings.
    public init(findings: [Finding], keepingDecisionsOf previous: Baseline? = nil) {
        let decided = previous?.index ?? [:]
        self.init(entries: findings.map { finding in
            var entry = Entry(finding)
            if let old = decided[entry.key] {
                entry.status = old.status
                entry.reason = old.reason
                entry.expires = old.expires
            }
            return entry
        })
    }

    /// The suppression the baseline gives `finding`: its entry's decision, unless the entry expired before `today`
    /// (YYYY-MM-DD).
    public func suppression(for finding: Finding, today: String) -> Suppression? {
        guard let entry = index[Key(finding)] else { return nil }
        if let expires = entry.expires, expires < today { return nil }
        return Suppression(kind: .baseline, reason: entry.reason, status: entry.status?.rawValue, expires: entry.expires)
    }

    /// The baseline without the entries that `covered` says the scan looked at and that match none of `findings`,
    /// and how many were dropped. Entries outside the scan (another pack, another directory) stay.
    public func pruned(keeping findings: [Finding], covered: (Entry) -> Bool) -> (baseline: Baseline, removed: Int) {
        let present = Set(findings.map(Key.init))
        let kept = entries.filter { !covered($0) || present.contains($0.key) }
        return (Baseline(entries: kept), entries.count - kept.count)
    }

    /// The baseline with `entry` added, or replacing the entry of the same finding.
    public func recording(_ entry: Entry) -> Baseline {
        Baseline(entries: entries.filter { $0.key != entry.key } + [entry])
    }

    private var index: [Key: Entry] {
        Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func sorted(_ entries: [Entry]) -> [Entry] {
        entries.sorted { ($0.path, $0.ruleId, $0.fingerprint) < ($1.path, $1.ruleId, $1.fingerprint) }
    }

    /// Reads a baseline file; the error names the file and what is wrong.
    public static func load(path: String) throws(BaselineError) -> Baseline {
        let data: Data
        switch RegularFile.read(path, limit: RegularFile.dataFileLimit, followingLinks: true) {
        case .success(let bytes): data = Data(bytes)
        case .failure(let failure): throw BaselineError(path: path, message: "cannot read the file: \(failure)")
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw BaselineError(path: path, message: "not a baseline file: \(Self.describe(error))")
        }
        guard baseline.version == formatVersion else {
            throw BaselineError(path: path, message: "baseline version \(baseline.version) is not supported (this scan reads version \(formatVersion))")
        }
        for (number, entry) in baseline.entries.enumerated() {
            if let expires = entry.expires, !isDay(expires) {
                throw BaselineError(path: path, message: "entry \(number + 1) (\(entry.ruleId) in \(entry.path)): 'expires' must be a day as YYYY-MM-DD, found '\(Redaction.shown(expires))'")
            }
        }
        return Baseline(entries: baseline.entries)
    }

    /// The file's bytes: pretty, with sorted keys, ending in a newline.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// Today in UTC as YYYY-MM-DD, the form `expires` takes.
    public static func today(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "\(context.debugDescription) at \(path(context.codingPath))"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// A baseline file that cannot be used.
public struct BaselineError: Error, CustomStringConvertible {
    public let path: String
    public let message: String

    public var description: String { "error: \(path): \(message)" }
}
