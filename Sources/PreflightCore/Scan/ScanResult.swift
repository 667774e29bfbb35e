/// What a scan found, sorted and ready for reporters.
public struct ScanResult: Sendable {
    /// Sorted by path, line, column and rule id.
    public let findings: [Finding]
    /// Findings hidden by an inline comment or a baseline entry, in the same order; they do not count.
    public let suppressed: [Finding]
    /// Warnings and errors, sorted by path; notes (binary files, links not followed) are only counted.
    public let diagnostics: [Diagnostic]
    /// HTTP routes found by rules with an `endpoint`, sorted by path and line.
    public let endpoints: [Endpoint]
    public let filesScanned: Int
    public let bytesScanned: Int
    /// Files and directories passed over, by reason.
    public let skipped: [Diagnostic.Kind: Int]
    /// Files and directories left out by ignore files and exclusion patterns, by source (`.gitignore`,
    /// `.scanignore`, `--exclude`, the configuration file...); a directory counts once.
    public let excluded: [String: Int]
    /// The tree is a packaged distribution (an sdist's `PKG-INFO`, a wheel's `*.dist-info`), not a repository: the
    /// repository checks that look for files a distribution leaves out (CI, container files) did not run.
    public let isDistribution: Bool
    public let durationMilliseconds: Int

    public init(findings: [Finding], suppressed: [Finding] = [], diagnostics: [Diagnostic], endpoints: [Endpoint] = [], filesScanned: Int,
                bytesScanned: Int, skipped: [Diagnostic.Kind: Int], excluded: [String: Int] = [:], isDistribution: Bool = false,
                durationMilliseconds: Int) {
        self.findings = findings
        self.suppressed = suppressed
        self.diagnostics = diagnostics
        self.endpoints = endpoints
        self.filesScanned = filesScanned
        self.bytesScanned = bytesScanned
        self.skipped = skipped
        self.excluded = excluded
        self.isDistribution = isDistribution
        self.durationMilliseconds = durationMilliseconds
    }

    public var filesSkipped: Int { skipped.values.reduce(0, +) }

    /// The same result with only the findings (active and suppressed) that `isKept` accepts.
    public func keeping(_ isKept: (Finding) -> Bool) -> ScanResult {
        replacing(findings: findings.filter(isKept), suppressed: suppressed.filter(isKept))
    }

    /// The same result with the findings that `suppression` gives a reason for moved to `suppressed` (kept in report order).
    public func suppressing(_ suppression: (Finding) -> Suppression?) -> ScanResult {
        var active: [Finding] = []
        var hidden = suppressed
        for finding in findings {
            if let reason = suppression(finding) {
                var marked = finding
                marked.suppression = reason
                hidden.append(marked)
            } else {
                active.append(finding)
            }
        }
        hidden.sort(by: Finding.reportOrder)
        return replacing(findings: active, suppressed: hidden)
    }

    /// The same result with some of its findings, suppressed findings or endpoints replaced.
    func replacing(findings: [Finding]? = nil, suppressed: [Finding]? = nil, endpoints: [Endpoint]? = nil) -> ScanResult {
        ScanResult(findings: findings ?? self.findings, suppressed: suppressed ?? self.suppressed, diagnostics: diagnostics,
                   endpoints: endpoints ?? self.endpoints, filesScanned: filesScanned, bytesScanned: bytesScanned, skipped: skipped,
                   excluded: excluded, isDistribution: isDistribution, durationMilliseconds: durationMilliseconds)
    }

    /// False when something may have been missed: a rule stopped by a limit, a target that could not be opened.
    public var isComplete: Bool { !diagnostics.contains { $0.level == .error } }
}
