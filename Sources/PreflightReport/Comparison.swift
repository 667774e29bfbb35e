extension Report {
    /// The trend between an earlier report and this one: score deltas per category, findings fixed and new.
    /// Findings are matched by fingerprint (rule, path and matched text), so a finding whose line moved is
    /// unchanged, and one whose file was renamed counts as fixed in the old place and new in the other.
    public struct Comparison: Codable, Sendable, Equatable {
        /// What the earlier report was.
        public var baseline: Baseline
        /// The overall score before and after; absent when either report has no score.
        public var overall: Delta?
        /// Each category present in either report.
        public var categories: [String: Delta]
        public var fixed: [FindingReference]
        public var new: [FindingReference]
        public var unchanged: Int

        public struct Baseline: Codable, Sendable, Equatable {
            public var root: String
            public var commit: String?
            public var findings: Int
            public var grade: String?
            public var verdict: String?
        }

        /// A score before and after.
        public struct Delta: Codable, Sendable, Equatable {
            public var old: Int?
            public var new: Int?
            public var delta: Int
        }

        /// Enough of a finding to recognise it in a list.
        public struct FindingReference: Codable, Sendable, Equatable {
            public var ruleId: String
            public var pack: String
            public var severity: String
            public var path: String
            public var line: Int
            public var message: String
            public var fingerprint: String
            public var context: String
        }

        /// Compares `old` with `new`.
        public init(old: Report, new: Report) {
            baseline = Baseline(root: old.root, commit: old.commit, findings: old.findings.count, grade: old.score?.grade, verdict: old.score?.verdict)
            if let before = old.score, let after = new.score {
                overall = Delta(old: before.overall, new: after.overall, delta: after.overall - before.overall)
            }
            var categories: [String: Delta] = [:]
            let packs = Set((old.score?.categories.keys).map(Array.init) ?? []).union((new.score?.categories.keys).map(Array.init) ?? [])
            for pack in packs {
                let before = old.score?.categories[pack]?.score
                let after = new.score?.categories[pack]?.score
                // A category that appears or disappears compares with a clean 100.
                categories[pack] = Delta(old: before, new: after, delta: (after ?? 100) - (before ?? 100))
            }
            self.categories = categories
            let oldPrints = Set(old.findings.map(\.fingerprint))
            let newPrints = Set(new.findings.map(\.fingerprint))
            fixed = old.findings.filter { !newPrints.contains($0.fingerprint) }.map(FindingReference.init)
            self.new = new.findings.filter { !oldPrints.contains($0.fingerprint) }.map(FindingReference.init)
            unchanged = new.findings.filter { oldPrints.contains($0.fingerprint) }.count
        }
    }
}

extension Report.Comparison.FindingReference {
    init(_ finding: Report.Finding) {
        self.init(ruleId: finding.ruleId, pack: finding.pack, severity: finding.severity, path: finding.path, line: finding.line,
                  message: finding.message, fingerprint: finding.fingerprint, context: finding.context)
    }
}
