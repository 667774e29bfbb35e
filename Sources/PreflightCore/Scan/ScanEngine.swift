import Foundation

/// Runs a catalog of rules over files: the whole engine behind one call.
public struct ScanEngine: Sendable {
    public let catalog: RuleCatalog
    public let options: ScanOptions

    public init(catalog: RuleCatalog, options: ScanOptions) {
        self.catalog = catalog
        self.options = options
    }

    /// Scans the targets on `options.walk.jobs` threads and returns the sorted result.
    public func scan(_ targets: [WalkTarget]) -> ScanResult {
        let started = DispatchTime.now()
        let catalog = self.catalog
        var layout = self.options
        // After the configuration's own patterns: a project's tool folders are development code (ProjectLayout).
        for target in targets where target.displayPath.isEmpty {
            layout.contextPatterns += ProjectLayout.contextPatterns(root: target.fileSystemPath)
        }
        let options = layout
        let budget = options.maxFindings.map(FindingBudget.init)
        let handlers = Walker(options: options.walk).walk(targets) {
            ScanHandler(evaluator: FileEvaluator(catalog: catalog, options: options), options: options, budget: budget)
        }
        var findings: [Finding] = []
        var diagnostics: [Diagnostic] = []
        var candidates: [Finding] = []
        var secrets: [String] = []
        var endpoints: [Endpoint] = []
        var skipped: [Diagnostic.Kind: Int] = [:]
        var excluded: [String: Int] = [:]
        var files = 0, bytes = 0
        var facts = RepositoryFacts(catalog: catalog)
        for handler in handlers {
            findings += handler.outcome.findings
            diagnostics += handler.outcome.diagnostics
            candidates += handler.outcome.repositoryCandidates
            endpoints += handler.outcome.endpoints
            secrets += handler.outcome.secrets
            files += handler.files
            bytes += handler.bytes
            skipped.merge(handler.skipped, uniquingKeysWith: +)
            excluded.merge(handler.excluded, uniquingKeysWith: +)
            facts.add(handler.evaluator)
        }
        // Candidates come from every file, so that each part of a partial scan decides the same way; a part
        // reports those in its own files.
        findings += facts.decide(candidates).filter { options.focus?($0.path) ?? true }
        var settled = facts.settle(endpoints)
        RouterMount.publicByFullPath(&settled, findings: &findings, catalog: catalog)
        findings.sort(by: Finding.reportOrder)
        Fingerprint.finish(&findings, secrets: SecretIndex(secrets), redact: options.redact)
        let suppressed = findings.filter { $0.suppression != nil }
        findings.removeAll { $0.suppression != nil }
        if let budget, findings.count > budget.limit || skipped[.findingLimit] != nil {
            diagnostics.append(Self.findingLimitReached(budget.limit, found: findings.count, filesNotChecked: skipped[.findingLimit] ?? 0))
            findings.removeSubrange(min(budget.limit, findings.count)...)
        }
        diagnostics.sort { ($0.path, $0.kind.rawValue, $0.ruleId ?? "") < ($1.path, $1.kind.rawValue, $1.ruleId ?? "") }
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        return ScanResult(
            findings: findings, suppressed: suppressed, diagnostics: diagnostics, endpoints: settled.sorted(by: Endpoint.reportOrder),
            filesScanned: files, bytesScanned: bytes, skipped: skipped, excluded: excluded, isDistribution: facts.isDistribution,
            durationMilliseconds: elapsed
        )
    }

    /// The diagnostic of a scan stopped by `--max-findings`: it names how many were found and left unchecked.
    static func findingLimitReached(_ limit: Int, found: Int, filesNotChecked: Int) -> Diagnostic {
        Diagnostic(
            kind: .findingLimit, level: .error, path: ".",
            message: "the scan reached its limit of \(limit) finding\(limit == 1 ? "" : "s") (--max-findings): \(found) were found, the first \(min(limit, found)) in report order are shown, and \(filesNotChecked) file\(filesNotChecked == 1 ? " was" : "s were") not checked"
        )
    }

    /// Scans one in-memory file as if it were at `path` (relative to a scan root) and the whole repository:
    /// for rule examples and tests.
    public func scan(text: String, path: String) -> (findings: [Finding], diagnostics: [Diagnostic], endpoints: [Endpoint]) {
        scan(bytes: Array(text.utf8), path: path)
    }

    /// Scans one in-memory file given as bytes, which need not be valid UTF-8.
    public func scan(bytes: [UInt8], path: String) -> (findings: [Finding], diagnostics: [Diagnostic], endpoints: [Endpoint]) {
        let evaluator = FileEvaluator(catalog: catalog, options: options)
        var bytes = bytes
        evaluator.notePath(path)
        let outcome: FileEvaluator.Outcome = bytes.withUnsafeMutableBytes { raw in
            evaluator.evaluate(UnsafeRawBufferPointer(raw), path: path)
        }
        var facts = RepositoryFacts(catalog: catalog)
        facts.add(evaluator)
        var findings = (outcome.findings + facts.decide(outcome.repositoryCandidates)).sorted(by: Finding.reportOrder)
        Fingerprint.finish(&findings, secrets: SecretIndex(outcome.secrets), redact: options.redact)
        return (findings.filter { $0.suppression == nil }, outcome.diagnostics, facts.settle(outcome.endpoints))
    }
}

/// One worker's share of a scan.
final class ScanHandler: WalkHandler {
    let evaluator: FileEvaluator
    var outcome = FileEvaluator.Outcome()
    var skipped: [Diagnostic.Kind: Int] = [:]
    /// Paths left out by ignore files and exclusion patterns, by source.
    var excluded: [String: Int] = [:]
    var files = 0
    var bytes = 0

    let focus: (@Sendable (String) -> Bool)?
    let progress: ScanProgress?
    let budget: FindingBudget?
    let strict: Bool

    init(evaluator: FileEvaluator, options: ScanOptions, budget: FindingBudget?) {
        self.evaluator = evaluator
        focus = options.focus
        progress = options.progress
        strict = options.strict
        self.budget = budget
    }

    func scan(path: String, bytes buffer: UnsafeRawBufferPointer) {
        evaluator.notePath(path)
        if let focus, !focus(path) {
            addRepositoryCandidates(evaluator.evaluate(buffer, path: path, repositoryRulesOnly: true))
            return
        }
        if let budget, budget.isSpent {
            // Unchecked, but still read for the repository-level rules, which are decided over the whole tree.
            skipped[.findingLimit, default: 0] += 1
            addRepositoryCandidates(evaluator.evaluate(buffer, path: path, repositoryRulesOnly: true))
            return
        }
        files += 1
        bytes += buffer.count
        let result = evaluator.evaluate(buffer, path: path)
        budget?.spend(result.findings.lazy.filter { $0.suppression == nil }.count)
        outcome.findings += result.findings
        outcome.diagnostics += result.diagnostics
        outcome.repositoryCandidates += result.repositoryCandidates
        outcome.endpoints += result.endpoints
        outcome.secrets += result.secrets
        progress?.record(bytes: buffer.count, findings: result.findings.count)
    }

    /// The candidates of repository-level rules from a file outside the part checked, with their secrets.
    private func addRepositoryCandidates(_ result: FileEvaluator.Outcome) {
        outcome.repositoryCandidates += result.repositoryCandidates
        outcome.secrets += result.secrets
    }

    /// A file or directory passed over: counted by reason; with `strict`, one that could not be read makes the
    /// scan incomplete.
    func skip(_ diagnostic: Diagnostic) {
        if diagnostic.kind != .symlink && diagnostic.kind != .symlinkLoop { evaluator.notePath(diagnostic.path) }
        if let focus, !focus(diagnostic.path) { return }
        skipped[diagnostic.kind, default: 0] += 1
        if strict && diagnostic.kind == .unreadable {
            outcome.diagnostics.append(Diagnostic(kind: diagnostic.kind, level: .error, path: diagnostic.path, message: diagnostic.message + " (--strict: the scan is incomplete)"))
        } else if diagnostic.level != .note {
            outcome.diagnostics.append(diagnostic)
        }
    }

    func exclude(path: String, source: String) {
        excluded[source, default: 0] += 1
    }

    /// A problem that leaves no file out; in a partial scan, reported by the part its path falls in.
    func warn(_ diagnostic: Diagnostic) {
        if let focus, !focus(diagnostic.path) { return }
        outcome.diagnostics.append(diagnostic)
    }
}
