import PCRE2Kit
#if canImport(Glibc)
import Glibc
#endif

/// Runs every applicable rule of a catalog over one file's bytes. One per thread: it owns the match scratch.
final class FileEvaluator {
    let catalog: RuleCatalog
    let scratch: MatchScratch
    private let redact: Bool
    /// The time budget for one file's rules, in nanoseconds (`--timeout-per-file`); nil for none.
    private let budgetNanoseconds: UInt64?
    private let contextPatterns: [(context: FindingContext, glob: Glob)]
    /// For each automaton entry (each rule, then each repository pattern), where its literals end in the current
    /// file; filled on first use in a file.
    private var keywordHits: [[Int]]
    private var keywordsScanned = false

    /// The longest snippet kept, in bytes, around the start of a finding.
    static let snippetLimit = 240

    init(catalog: RuleCatalog, options: ScanOptions) {
        self.catalog = catalog
        redact = options.redact
        contextPatterns = options.contextPatterns
        let limits = options.limits
        // Capped at a billion seconds, which the monotonic clock cannot overflow: `--timeout-per-file 1e12` is no limit.
        budgetNanoseconds = limits.timePerFile.map { UInt64(min(max(0, $0), 1e9) * 1_000_000_000) }
        scratch = MatchScratch(capacity: catalog.captureCapacity, matchLimit: limits.matchLimit, depthLimit: limits.depthLimit)
        keywordHits = Array(repeating: [], count: catalog.automaton.entryCount)
        foundPatterns = Array(repeating: nil, count: catalog.repositoryPatterns.count)
        foundNames = Array(repeating: KeyedNames(), count: catalog.keyedPatterns.count)
        foundPaths = Array(repeating: false, count: catalog.pathGlobs.count)
        pathFilters = PathFilterCache(catalog: catalog)
    }

    /// The current file's lexical regions, computed on the first match of a rule that needs them.
    private var regions: RegionMap?
    private var language: String?

    /// A match that passed the rule's filters, before positions are computed.
    private struct Hit {
        let rule: Int
        let range: Range<Int>
        /// The secret capture, when the rule names one.
        let secret: Range<Int>?
        let captures: [String: Range<Int>]
    }

    /// What one file yields.
    struct Outcome {
        var findings: [Finding] = []
        var diagnostics: [Diagnostic] = []
        /// Findings of repository-level rules, decided after the walk.
        var repositoryCandidates: [Finding] = []
        var endpoints: [Endpoint] = []
        /// The secrets the file's findings hold, so that the scan can hide them wherever else they occur.
        var secrets: [String] = []
    }

    /// Repository facts seen by this evaluator so far: patterns found, path globs matched, and the names each
    /// keyed pattern found.
    private(set) var foundPatterns: [GuardSite?]
    private(set) var foundNames: [KeyedNames]
    /// The path of the file being evaluated.
    private var currentPath = ""
    private(set) var foundPaths: [Bool]
    /// Where the production files read so far mount routers.
    private(set) var foundMounts: [RouterMount] = []
    /// The rules' path filters and the path fact globs, decided once per directory.
    private var pathFilters: PathFilterCache
    /// Condition patterns rendered with a match's captures, per file.
    var renderedPatterns: [String: Pattern] = [:]
    /// Results of whole-file condition searches in the current file, by pattern and skipped regions.
    var fileSearches: [FileSearch: Range<Int>?] = [:]
    /// The current file's headers of `inside`/`not-inside` conditions and their blocks, by pattern and block kind:
    /// found once per file, however many matches ask.
    var enclosingBlocks: [EnclosingKey: [(header: Range<Int>, block: Range<Int>)]] = [:]
    private var lineIndex: LineIndex?
    /// The current file's logical lines (`lines: logical`), built on first use.
    private var joinedLines: [UInt8]?
    /// The current file's context.
    private var context = FindingContext.production
    private var endpoints: [String: Endpoint] = [:]

    /// The findings, diagnostics, repository candidates and endpoints of the file at `path` holding `buffer`;
    /// with `repositoryRulesOnly`, only the candidates of repository-level rules (for a file outside a partial scan,
    /// so that every part decides those rules from the same candidates).
    func evaluate(_ buffer: UnsafeRawBufferPointer, path: String, repositoryRulesOnly: Bool = false) -> Outcome {
        keywordsScanned = false
        currentPath = path
        defer { searchRepositoryPatterns(in: buffer) }
        return evaluateRules(buffer, path: path, repositoryRulesOnly: repositoryRulesOnly)
    }

    /// Records that a file exists at `path`, for `path-exists` and `path-missing`.
    func notePath(_ path: String) {
        guard foundPaths.contains(false) else { return }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        pathFilters.enter(path: path, components: components)
        for index in foundPaths.indices where !foundPaths[index] && pathFilters.matchesFact(index, components: components) {
            foundPaths[index] = true
        }
    }

    /// Runs the keyword automaton over the current file, once.
    private func scanKeywords(_ buffer: UnsafeRawBufferPointer) {
        guard !keywordsScanned else { return }
        keywordsScanned = true
        for index in keywordHits.indices where !keywordHits[index].isEmpty { keywordHits[index].removeAll(keepingCapacity: true) }
        catalog.automaton.scan(buffer, into: &keywordHits)
    }

    /// Searches the repository patterns not found yet, in a file that holds one of their literals. Only production
    /// code counts: a guard, a limiter or a route registered in tests, examples or vendored code does not apply to
    /// what ships.
    private func searchRepositoryPatterns(in buffer: UnsafeRawBufferPointer) {
        guard context.isProduction else { return }
        // A pattern found already is looked for again only in a file that sorts before the one it was found in.
        for (index, pattern) in catalog.repositoryPatterns.enumerated() where foundPatterns[index].map({ currentPath < $0.path }) ?? true {
            if catalog.repositoryPatternPrefiltered[index] {
                scanKeywords(buffer)
                if keywordHits[catalog.automatonEntry(ofRepositoryPattern: index)].isEmpty { continue }
            }
            if (try? pattern.firstMatch(in: buffer, from: 0, scratch: scratch)) == true, let whole = scratch.range(ofGroup: 0) {
                foundPatterns[index] = GuardSite(path: currentPath, line: lines(of: buffer).line(containing: whole.lowerBound) + 1)
            }
        }
        for (index, pattern) in catalog.mountPatterns.enumerated() {
            if catalog.mountPatternPrefiltered[index] {
                scanKeywords(buffer)
                if keywordHits[catalog.automatonEntry(ofMountPattern: index)].isEmpty { continue }
            }
            foundMounts += mounts(of: pattern, in: buffer)
        }
        for (index, condition) in catalog.keyedPatterns.enumerated() {
            if catalog.keyedPatternPrefiltered[index] {
                scanKeywords(buffer)
                if keywordHits[catalog.automatonEntry(ofKeyedPattern: index)].isEmpty { continue }
            }
            for found in condition.names(in: buffer, scratch: scratch) {
                let site = GuardSite(path: currentPath, line: lines(of: buffer).line(containing: found.offset) + 1)
                foundNames[index].add(found.name, bound: found.bound, at: site)
            }
        }
    }

    private func evaluateRules(_ buffer: UnsafeRawBufferPointer, path: String, repositoryRulesOnly: Bool) -> Outcome {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        pathFilters.enter(path: path, components: components)
        let language = Language.of(fileName: components.last.map(String.init) ?? path)
        self.language = language
        regions = nil
        lineIndex = nil
        joinedLines = nil
        context = contextPatterns.first { $0.glob.matchesFileOrAncestor(components: components) }?.context
            ?? ContextClassifier.context(of: path, head: buffer)
        endpoints = [:]
        renderedPatterns = [:]
        fileSearches = [:]
        enclosingBlocks = [:]
        let rules = catalog.rules
        var applicable: [Int] = []
        var needsKeywords = false
        for index in catalog.rules(forLanguage: language) {
            let rule = rules[index]
            guard (!repositoryRulesOnly || rule.structure.isRepositoryLevel) && rule.contexts.map({ $0.contains(context) }) ?? true
                && pathFilters.admits(rule: index, components: components) else { continue }
            applicable.append(index)
            if !rule.prefilter.isEmpty { needsKeywords = true }
        }
        guard !applicable.isEmpty else { return Outcome() }
        if needsKeywords { scanKeywords(buffer) }
        var hits: [Hit] = []
        var diagnostics: [Diagnostic] = []
        let deadline = budgetNanoseconds.map { Self.now() &+ $0 }
        rules: for (position, index) in applicable.enumerated() {
            let rule = rules[index]
            if let deadline, Self.now() >= deadline {
                diagnostics.append(timeout(path: path, stoppedAt: rule.id, rulesLeft: applicable.count - position))
                break
            }
            if !rule.prefilter.isEmpty && keywordHits[index].isEmpty { continue }
            let run = { (subject: UnsafeRawBufferPointer) -> Bool in
                let windows: [Range<Int>]
                if !rule.prefilter.isEmpty, !rule.keywords.isEmpty, let lines = rule.window {
                    windows = Self.windows(around: self.keywordHits[index], lines: lines, in: subject)
                } else {
                    windows = [0..<buffer.count]
                }
                for (number, window) in windows.enumerated() {
                    if number > 0, let deadline, Self.now() >= deadline {
                        diagnostics.append(self.timeout(path: path, stoppedAt: rule.id, rulesLeft: applicable.count - position))
                        return false
                    }
                    if let diagnostic = self.collect(rule: index, in: buffer, matching: subject, window: window, path: path, into: &hits) {
                        diagnostics.append(diagnostic)
                        break
                    }
                }
                return true
            }
            let finished = rule.logicalLines ? logicalLines(of: buffer).withUnsafeBytes(run) : run(buffer)
            if !finished { break rules }
        }
        var outcome = Outcome(diagnostics: diagnostics, endpoints: endpoints.values.sorted(by: Endpoint.reportOrder))
        guard !hits.isEmpty else { return outcome }
        let kept = dropSuperseded(hits)
        let secrets = Self.merged(kept.compactMap(\.secret).filter { !$0.isEmpty })
        outcome.secrets = secrets.map { Self.text(buffer, $0) }
        for finding in applyingSuppressions(to: findings(for: kept, secrets: secrets, in: buffer, path: path), in: buffer) {
            if catalog.rules[catalog.ruleIndex[finding.ruleId]!].structure.isRepositoryLevel {
                outcome.repositoryCandidates.append(finding)
            } else {
                outcome.findings.append(finding)
            }
        }
        return outcome
    }

    /// Monotonic time in nanoseconds.
    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The diagnostic of a file whose rules ran out of time: the findings before `rule` are kept.
    private func timeout(path: String, stoppedAt rule: String, rulesLeft: Int) -> Diagnostic {
        let budget = Self.duration(budgetNanoseconds ?? 0)
        return Diagnostic(
            kind: .timeout, level: .error, path: path,
            message: "the rules ran out of the time budget of \(budget) per file (--timeout-per-file) at rule '\(rule)'; \(rulesLeft) rule\(rulesLeft == 1 ? "" : "s") that apply to this file did not finish, so findings may be missing",
            ruleId: rule
        )
    }

    /// A duration for people to read: `60 s`, `1.5 s`, `250 ms`, `10 µs`, `1 ns`.
    static func duration(_ nanoseconds: UInt64) -> String {
        for (unit, size) in [("s", 1e9), ("ms", 1e6), ("µs", 1e3)] where Double(nanoseconds) >= size {
            let value = Double(nanoseconds) / size
            return (value == value.rounded() ? String(Int(value)) : String(format: "%.3g", value)) + " " + unit
        }
        return "\(nanoseconds) ns"
    }

    /// The ranges of whole lines around each keyword occurrence (`lines` lines before and after), merged:
    /// a later occurrence extends the window it falls in. An occurrence on the line of the one before is passed
    /// over, and one inside the last window only moves its end, so that a long line or a run of lines with many
    /// occurrences (minified code, data, `if` in C) is walked once rather than once per occurrence.
    static func windows(around offsets: [Int], lines: Int, in buffer: UnsafeRawBufferPointer) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        /// Where the line of the last occurrence handled ends.
        var lineEnd = -1
        for offset in offsets where offset > lineEnd {
            var end = offset
            for step in 0...lines {
                while end < buffer.count && !isLineBreak(buffer[end]) { end += 1 }
                if step == 0 { lineEnd = end }
                if end == buffer.count || step == lines { break }
                if buffer[end] == 0x0D && end + 1 < buffer.count && buffer[end + 1] == 0x0A { end += 1 }
                end += 1
            }
            if let last = windows.last, offset - 1 < last.upperBound {
                // Its window starts inside the last one (walking back from a later line lands no earlier).
                windows[windows.count - 1] = last.lowerBound..<max(end, last.upperBound)
                continue
            }
            var start = offset - 1
            for _ in 0...lines {
                while start > 0 && !isLineBreak(buffer[start - 1]) { start -= 1 }
                if start == 0 { break }
                start -= 1
            }
            if start > 0 { start += 1 }
            if let last = windows.last, start <= last.upperBound {
                windows[windows.count - 1] = last.lowerBound..<max(end, last.upperBound)
            } else {
                windows.append(start..<end)
            }
        }
        return windows
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    /// Appends the rule's accepted matches that start in `window`; returns a diagnostic when a PCRE2 limit stopped it.
    /// The regex runs on `text` (the file, or its logical lines: the same bytes at the same offsets but for
    /// newlines), the conditions on the file itself. The subject ends with the window, so a match cannot reach
    /// past it; lookbehinds still see the text before it.
    private func collect(rule index: Int, in buffer: UnsafeRawBufferPointer, matching text: UnsafeRawBufferPointer, window: Range<Int>,
                         path: String, into hits: inout [Hit]) -> Diagnostic? {
        let rule = catalog.rules[index]
        let subject = UnsafeRawBufferPointer(rebasing: text[0..<window.upperBound])
        var start = window.lowerBound
        while start <= subject.count {
            do {
                guard try rule.pattern.firstMatch(in: subject, from: start, scratch: scratch) else { return nil }
            } catch {
                return Diagnostic(
                    kind: .matchLimit, level: .error, path: path,
                    message: "rule '\(rule.id)' stopped at byte \(start): \(error.message); later matches of this rule in this file may be missing",
                    ruleId: rule.id
                )
            }
            guard let whole = scratch.range(ofGroup: 0) else { return nil }
            start = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
            let secret = rule.secretGroup.map { scratch.range(ofGroup: $0) ?? whole }
            var captures: [String: Range<Int>] = [:]
            for name in rule.capturesUsed {
                if let group = rule.pattern.groupNumbers[name], let range = scratch.range(ofGroup: group) {
                    captures[name] = range
                }
            }
            guard inAllowedRegions(rule: rule, whole: whole, captures: captures, in: buffer) else { continue }
            let passes = passesFilters(rule: rule, whole: whole, secret: secret, captures: captures, in: buffer)
            var verdict = Verdict.report
            if !rule.structure.isEmpty {
                verdict = structuralVerdict(rule: rule, whole: whole, captures: captures, in: buffer)
                if case .notApplicable = verdict { continue }
            }
            var reportedMethod = true
            if let template = rule.structure.endpoint {
                // A guard found counts even on a route that is public by purpose: the inventory says what protects it.
                var guardText: String?
                var guardLine: Int?
                if case .guarded(let text, let offset) = verdict {
                    guardText = text
                    guardLine = lines(of: buffer).line(containing: offset) + 1
                }
                let methods = record(template, rule: rule, whole: whole, captures: captures, in: buffer, path: path,
                                     isPublic: !passes && guardText == nil, guardText: guardText, guardLine: guardLine)
                reportedMethod = template.reportMethods.map { !$0.isDisjoint(with: methods) } ?? true
            }
            let report: Bool
            if case .report = verdict { report = passes && reportedMethod } else { report = false }
            if report {
                hits.append(Hit(rule: index, range: whole, secret: secret, captures: captures))
            }
        }
        return nil
    }

    /// Whether the match and its constrained captures start in the lexical regions the rule asks for.
    private func inAllowedRegions(rule: Rule, whole: Range<Int>, captures: [String: Range<Int>], in buffer: UnsafeRawBufferPointer) -> Bool {
        guard rule.regions != nil || !rule.captureRegions.isEmpty else { return true }
        let map = regionMap(for: buffer)
        if let kinds = rule.regions, !kinds.contains(map.kind(at: whole.lowerBound)) { return false }
        for (name, kinds) in rule.captureRegions {
            if let range = captures[name], !kinds.contains(map.kind(at: range.lowerBound)) { return false }
        }
        return true
    }

    /// Whether the match passes the rule's entropy floor and none of its allow patterns.
    private func passesFilters(rule: Rule, whole: Range<Int>, secret: Range<Int>?, captures: [String: Range<Int>], in buffer: UnsafeRawBufferPointer) -> Bool {
        if let minimum = rule.minEntropy, Entropy.shannon(UnsafeRawBufferPointer(rebasing: buffer[secret ?? whole])) < minimum {
            return false
        }
        for allow in rule.allows {
            let range: Range<Int>
            switch allow.target {
            case .secret: range = secret ?? whole
            case .match: range = whole
            case .line: range = Self.lines(around: whole, in: buffer)
            case .capture(let name):
                guard let found = captures[name] else { continue }
                range = found
            }
            let subject = UnsafeRawBufferPointer(rebasing: buffer[range])
            if (try? allow.pattern.firstMatch(in: subject, from: 0, scratch: scratch)) == true { return false }
        }
        return true
    }

    /// The routers that `pattern` finds mounted in the current file, with their prefixes.
    private func mounts(of pattern: Pattern, in buffer: UnsafeRawBufferPointer) -> [RouterMount] {
        guard let refGroup = pattern.groupNumbers["ref"], let prefixGroup = pattern.groupNumbers["prefix"] else { return [] }
        var found: [RouterMount] = []
        var start = 0
        while start <= buffer.count, (try? pattern.firstMatch(in: buffer, from: start, scratch: scratch)) == true, let whole = scratch.range(ofGroup: 0) {
            // A mount in a comment (`# app.include_router(old.router, prefix="/v0")`) mounts nothing.
            if let ref = scratch.range(ofGroup: refGroup), let prefix = scratch.range(ofGroup: prefixGroup),
               regionMap(for: buffer).kind(at: whole.lowerBound) == .code {
                found.append(RouterMount(ref: Self.text(buffer, ref), prefix: Self.text(buffer, prefix), path: currentPath))
            }
            start = max(whole.upperBound, whole.lowerBound + 1)
        }
        return found
    }

    /// The `prefix` capture of the first match of `template` in the file's code (`router = APIRouter(prefix="/jobs")`).
    private func routePrefix(_ template: PatternTemplate, in buffer: UnsafeRawBufferPointer, value: (String) -> String) -> String? {
        guard let pattern = template.pattern(captures: value, cache: &renderedPatterns), let group = pattern.groupNumbers["prefix"] else { return nil }
        var start = 0
        while start <= buffer.count, (try? pattern.firstMatch(in: buffer, from: start, scratch: scratch)) == true, let whole = scratch.range(ofGroup: 0) {
            if regionMap(for: buffer).kind(at: whole.lowerBound) == .code {
                return scratch.range(ofGroup: group).map { Self.text(buffer, $0) }
            }
            start = whole.lowerBound + 1
        }
        return nil
    }

    /// The current file's logical lines: its bytes, with each line break inside an open `(`, `[` or `{` of code
    /// turned into a space, so that `allow_origins=[\n    "https://a.example",\n]` reads as one line. Offsets
    /// are those of the file.
    func logicalLines(of buffer: UnsafeRawBufferPointer) -> [UInt8] {
        if let joinedLines { return joinedLines }
        var bytes = Array(buffer)
        var depth = 0
        // Region by region: brackets count in code only, line breaks are joined in any region inside a bracket.
        for run in regionMap(for: buffer).runs(length: bytes.count) {
            let isCode = run.kind == .code
            for index in run.range {
                switch bytes[index] {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                    if isCode { depth += 1 }
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if isCode && depth > 0 { depth -= 1 }
                case 0x0A, 0x0D:
                    if depth > 0 { bytes[index] = 0x20 }
                default:
                    break
                }
            }
        }
        joinedLines = bytes
        return bytes
    }

    /// The current file's line index, built on first use.
    func lines(of buffer: UnsafeRawBufferPointer) -> LineIndex {
        if let lineIndex { return lineIndex }
        let index = LineIndex(buffer)
        lineIndex = index
        return index
    }

    /// Adds a route to the file's endpoints, merged with what other rules found about it; returns its method.
    private func record(_ template: StructuralConditions.EndpointTemplate, rule: Rule, whole: Range<Int>, captures: [String: Range<Int>],
                        in buffer: UnsafeRawBufferPointer, path: String, isPublic: Bool, guardText: String?, guardLine: Int?) -> [String] {
        let guarded = guardText != nil
        let location = guardLine.map { "\(path):\($0)" }
        let value: (String) -> String = { name in captures[name].map { Self.text(buffer, $0) } ?? "" }
        var route = template.path.render(value)
        let prefix = template.prefix.flatMap { routePrefix($0, in: buffer, value: value) }
        if let prefix { route = Endpoint.joined(prefix, route) }
        var methods = template.methods.map { Self.httpMethods(in: $0.render(value)) } ?? []
        if methods.isEmpty { methods = [template.method.render(value).uppercased()] }
        let line = lines(of: buffer).line(containing: whole.lowerBound) + 1
        let router = template.mount == nil ? nil : captures["router"].flatMap { Self.text(buffer, $0).split(separator: ".").last.map(String.init) }
        let pending = !guarded && !isPublic && rule.structure.isRepositoryLevel
        let pendingKeys = pending ? Self.keys(of: rule, captures: captures, in: buffer) : [:]
        for method in methods {
            var endpoint = Endpoint(framework: template.framework, method: method, route: route, path: path, line: line)
            endpoint.isPublic = isPublic
            endpoint.isPrefixed = prefix != nil
            endpoint.rules = [rule.id]
            endpoint.router = router
            if pending {
                endpoint.pendingRule = rule.id
                endpoint.pendingKeys = pendingKeys
            }
            switch template.guardKind {
            case .authentication:
                endpoint.authenticated = guarded
                endpoint.authenticationGuard = guardText
                endpoint.authenticationGuardLocation = location
            case .rateLimit:
                endpoint.rateLimited = guarded
                endpoint.rateLimitGuard = guardText
                endpoint.rateLimitGuardLocation = location
            }
            if var existing = endpoints[endpoint.key] {
                existing.merge(endpoint)
                endpoints[endpoint.key] = existing
            } else {
                endpoints[endpoint.key] = endpoint
            }
        }
        return methods
    }

    /// The HTTP methods a list names (`["GET", "POST"]`, `('get', 'post')`), upper-cased, in order, once each.
    static func httpMethods(in text: String) -> [String] {
        let known: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
        var found: [String] = []
        for word in text.split(whereSeparator: { !$0.isLetter }).map({ $0.uppercased() }) where known.contains(word) && !found.contains(word) {
            found.append(word)
        }
        return found
    }

    /// The lexical regions of the current file; files of a language without a lexer are all code.
    func regionMap(for buffer: UnsafeRawBufferPointer) -> RegionMap {
        if let regions { return regions }
        let map = LexerSyntax.forLanguage(language).map { Lexer(syntax: $0).regions(of: buffer) } ?? .allCode
        regions = map
        return map
    }

    /// Drops hits that overlap a hit of a rule that supersedes theirs.
    private func dropSuperseded(_ hits: [Hit]) -> [Hit] {
        hits.filter { hit in
            let superseding = catalog.supersededBy[hit.rule]
            guard !superseding.isEmpty else { return true }
            return !hits.contains { other in superseding.contains(other.rule) && other.range.overlaps(hit.range) }
        }
    }

    /// The findings of `hits`. `secrets` (sorted, disjoint) are every secret the file's hits hold: they are hidden
    /// in every finding's message and snippet (unless redaction is off), since a rule without a secret of its own
    /// (an .env file committed, a TODO) may show the same line, and always in what the fingerprint and the line
    /// hash are computed from. The fingerprint itself is assigned once the whole scan's secrets are known.
    private func findings(for hits: [Hit], secrets: [Range<Int>], in buffer: UnsafeRawBufferPointer, path: String) -> [Finding] {
        let lines = lines(of: buffer)
        let ordered = hits.sorted { ($0.range.lowerBound, $0.rule) < ($1.range.lowerBound, $1.rule) }
        let lineHashes = Self.withSecretsHidden(secrets, in: buffer) { hidden in
            LineHash.hashes(of: hidden, lines: Set(ordered.map { lines.line(containing: $0.range.lowerBound) + 1 }))
        }
        let shown = redact ? secrets : []
        return ordered.map { hit in
            let rule = catalog.rules[hit.rule]
            let message = rule.message.pieces { name in
                guard let range = name == "secret" ? hit.secret : hit.captures[name] else { return "" }
                let text = Self.text(buffer, range)
                guard redact, shown.contains(where: { range.overlaps($0) || range == $0 }) else { return text }
                return Redaction.redact(text)
            }
            var end = hit.range.upperBound
            while end > hit.range.lowerBound && (buffer[end - 1] == 0x0A || buffer[end - 1] == 0x0D) { end -= 1 }
            let region = TextRegion(start: lines.position(of: hit.range.lowerBound, in: buffer), end: lines.position(of: end, in: buffer))
            let hiddenSnippet = snippet(for: hit, secrets: secrets, lines: lines, in: buffer)
            var finding = Finding(
                ruleId: rule.id, pack: rule.pack, severity: rule.severity, confidence: rule.confidence, path: path,
                region: region, message: message.map { $0.shown() }.joined(), snippet: redact ? hiddenSnippet : snippet(for: hit, secrets: [], lines: lines, in: buffer),
                fingerprint: "", context: context, lineHash: lineHashes[region.start.line]
            )
            finding.pending = Finding.Pending(fingerprint: Self.normalised(Self.text(buffer, hit.range, hiding: secrets)), line: hiddenSnippet, message: message)
            finding.repositoryKeys = Self.keys(of: rule, captures: hit.captures, in: buffer)
            return finding
        }
    }

    /// The text of `range` with each secret in it replaced by its redacted form (a secret cut by the range's start
    /// by the mask alone).
    static func text(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>, hiding secrets: [Range<Int>]) -> String {
        var text = ""
        var position = range.lowerBound
        for whole in secrets where whole.overlaps(range) {
            let secret = whole.clamped(to: range)
            text += Self.text(buffer, position..<secret.lowerBound)
            text += secret.lowerBound == whole.lowerBound ? Redaction.redact(Self.text(buffer, whole)) : Redaction.mask
            position = secret.upperBound
        }
        return text + Self.text(buffer, position..<range.upperBound)
    }

    /// Calls `body` with the file's bytes, each secret replaced by its redacted form followed by the line breaks it
    /// held (so that every line keeps its number).
    private static func withSecretsHidden<Result>(_ secrets: [Range<Int>], in buffer: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        guard !secrets.isEmpty else { return body(buffer) }
        var hidden: [UInt8] = []
        hidden.reserveCapacity(buffer.count)
        var position = 0
        for secret in secrets {
            hidden += buffer[position..<secret.lowerBound]
            hidden += Array(Redaction.redact(text(buffer, secret)).utf8)
            hidden += buffer[secret].filter { $0 == 0x0A || $0 == 0x0D }
            position = secret.upperBound
        }
        hidden += buffer[position...]
        return hidden.withUnsafeBytes(body)
    }

    /// The texts of the captures that a rule's keyed repository conditions look up.
    static func keys(of rule: Rule, captures: [String: Range<Int>], in buffer: UnsafeRawBufferPointer) -> [String: String] {
        var keys: [String: String] = [:]
        for name in rule.structure.keyedCaptureNames { keys[name] = captures[name].map { text(buffer, $0) } ?? "" }
        return keys
    }

    /// Sorted ranges with those that overlap joined.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The start line of the hit, cut to a window around it, with every secret of the file (`secrets`, sorted
    /// and disjoint) redacted: a secret that starts in the window shows its first characters, one cut by the
    /// window's start only the mask.
    private func snippet(for hit: Hit, secrets: [Range<Int>], lines: LineIndex, in buffer: UnsafeRawBufferPointer) -> String {
        let line = lines.range(ofLine: lines.line(containing: hit.range.lowerBound), in: buffer)
        var window = line
        if line.count > Self.snippetLimit {
            let from = Self.characterStart(max(line.lowerBound, hit.range.lowerBound - Self.snippetLimit / 3), in: buffer)
            let to = Self.characterStart(min(line.upperBound, from + Self.snippetLimit), in: buffer)
            window = from..<to
        }
        var text = window.lowerBound > line.lowerBound ? "…" : ""
        text += Self.text(buffer, window, hiding: secrets)
        if window.upperBound < line.upperBound { text += "…" }
        return text
    }

    /// The lines (whole, without the final line break) that `range` stands on.
    static func lines(around range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Range<Int> {
        var start = range.lowerBound
        while start > 0 && buffer[start - 1] != 0x0A && buffer[start - 1] != 0x0D { start -= 1 }
        var end = max(range.upperBound, start)
        while end < buffer.count && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
        return start..<end
    }

    /// `offset` moved back to the first byte of the UTF-8 sequence it falls in.
    private static func characterStart(_ offset: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        var offset = offset
        while offset > 0 && offset < buffer.count && buffer[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
    }

    static func text(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// Runs of white space folded to one space, ends trimmed: what a fingerprint hashes.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Bounds on the work spent on one file: PCRE2's limits for one match attempt, and a time budget for all the
/// rules of a file.
public struct MatchLimits: Sendable {
    public var matchLimit: UInt32
    public var depthLimit: UInt32
    /// Seconds the rules may spend on one file; nil for no limit.
    public var timePerFile: Double?

    public init(matchLimit: UInt32 = 10_000_000, depthLimit: UInt32 = 100_000, timePerFile: Double? = nil) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.timePerFile = timePerFile
    }
}
