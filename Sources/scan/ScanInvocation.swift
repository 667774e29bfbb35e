import ArgumentParser
import Foundation
import PreflightCore
import PreflightReport
import PreflightReporters

/// What to scan and how: the targets, the rules and every option that shapes the findings. Shared by `check`
/// and the `baseline` commands, so that a baseline is made from exactly the scan it will later filter.
struct ScanInvocation: ParsableArguments {
    @Argument(help: ArgumentHelp("Packs as check:PACK[,PACK] and paths to scan (default: the current directory).", valueName: "check:pack | path"))
    var targets: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Worker threads (default: one per core).", valueName: "count"))
    var jobs: Int?

    /// The worker threads to run.
    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: ArgumentHelp("Skip files larger than this (bytes, or with K, M, G).", valueName: "size"))
    var maxFileSize: ByteSize = ByteSize(argument: "10M")!

    @Option(help: ArgumentHelp("Stop the rules on a file after this many seconds and report it (0: no limit).", valueName: "seconds"))
    var timeoutPerFile: Double = 60

    @Option(help: ArgumentHelp("Stop checking files once this many findings are found, and report the first ones (0: no limit).", valueName: "count"))
    var maxFindings: Int = 0

    @Flag(help: "Show secrets in full in every output.")
    var noRedact = false

    @Flag(help: "Follow symbolic links (loops are detected).")
    var followSymlinks = false

    @Flag(help: "Do not read .gitignore, .scanignore or .git/info/exclude.")
    var noIgnore = false

    @Option(help: ArgumentHelp("Exclude paths matching this gitignore-style pattern, relative to the scan root. Repeatable.", valueName: "glob"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("The repository configuration to use instead of the nearest .scan.yml (see docs/config.md).", valueName: "file"))
    var config: String?

    @Flag(help: "Do not read a .scan.yml.")
    var noConfig = false

    @Flag(help: "Report suppression comments that hide no finding (always on with validate:production).")
    var reportUnusedSuppressions = false

    @Option(help: ArgumentHelp("Report only findings not recorded in this baseline file (see `scan baseline`); known findings still count in the readiness score unless accepted.", valueName: "file"))
    var baseline: String?

    @Flag(help: "Scan what the git index holds for the staged files (what will be committed), not the work tree. Repository-level rules are skipped.")
    var staged = false

    @Option(help: ArgumentHelp("Check only files changed since the merge base of REF and HEAD (committed, staged or not, and untracked); the rest of the tree still informs repository-level rules.", valueName: "ref"))
    var since: String?

    @Flag(help: "With --since: report only findings on added or modified lines.")
    var changedLinesOnly = false

    @Option(help: ArgumentHelp("Check only shard I of N of the files (split by path hash), for parallel CI jobs; combine the JSON reports with `scan merge`.", valueName: "i/n"))
    var shard: ShardArgument?

    @Flag(help: "Treat files and directories that cannot be read as an incomplete scan (exit 3).")
    var strict = false

    @Flag(name: [.short, .long], help: "No progress line; in text format, print nothing when nothing is found.")
    var quiet = false

    @Option(help: ArgumentHelp("Readiness score needed for GO (0-100, default 90); used by validate:production.", valueName: "score"))
    var failUnder: Int?

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        guard timeoutPerFile >= 0 && timeoutPerFile.isFinite else { throw ValidationError("--timeout-per-file takes a number of seconds, 0 for no limit") }
        guard maxFindings >= 0 else { throw ValidationError("--max-findings takes a count, 0 for no limit") }
        if let failUnder, !(0...100).contains(failUnder) { throw ValidationError("--fail-under takes a score from 0 to 100") }
        if staged && since != nil { throw ValidationError("--staged and --since cannot be combined") }
        if changedLinesOnly && since == nil { throw ValidationError("--changed-lines-only needs --since REF") }
        if (staged || since != nil) && TargetSelection(targets).validateProduction {
            throw ValidationError("validate:production judges the whole repository; --\(staged ? "staged" : "since") checks part of it (use check:PACK, or no pack, for the findings of that part)")
        }
    }

    /// A finished scan: the report every output is rendered from, and what it was made of.
    struct Run {
        var report: Report
        let result: ScanResult
        let selection: TargetSelection
        let plan: ScanPlan
        /// The repository configuration that applied, if any.
        let settings: ScanConfig?
    }

    /// Loads the rules, walks the targets, applies the baseline and builds the report; usage errors exit 2.
    /// `writing` names the files this run will write (its reports, a baseline): they are not scanned, even when
    /// they are below the scan root and left over from an earlier run; nor is the baseline it applies.
    func run(writing: [String] = []) throws -> Run {
        let selection = TargetSelection(targets)
        // Git copies the staged files out while the rules load: a pre-commit hook waits for both.
        let pathspecs = selection.paths
        let stagedIndex = staged ? BackgroundTask { try StagedIndex.export(pathspecs: pathspecs) } : nil
        defer {
            if let directory = (try? stagedIndex?.value())?.directory { try? FileManager.default.removeItem(atPath: directory) }
        }
        let scanDirectory = staged ? FileManager.default.currentDirectoryPath : ScanPlan.directory(of: selection.paths)
        let (settings, loaded) = try loadSettingsAndRules(scanDirectory)
        var rules = loaded
        if let settings { rules = settings.apply(to: loaded, choosingPacks: selection.packs.isEmpty) }
        let unusedSuppressions = rules.rules.filter(\.reportsUnusedSuppressions)
        rules = try selection.rules(from: rules)
        if !reportUnusedSuppressions && !selection.validateProduction {
            rules = rules.removing(ids: Set(unusedSuppressions.map(\.id)))
        } else {
            // Asked for, they run whatever packs were chosen: they report on the directives of every pack.
            rules = rules.adding(unusedSuppressions)
        }
        // A configured baseline that does not exist yet (before `scan baseline create`) hides nothing.
        let configuredBaseline = settings.flatMap { config in config.baseline.map(config.resolve) }
        let baselinePath = baseline ?? configuredBaseline.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        let known = try baselinePath.map(Self.loadBaseline)
        var scoring = settings?.apply(to: ScoringModel()) ?? ScoringModel()
        if let failUnder { scoring.threshold = failUnder }
        var walk = WalkOptions(jobs: workers, maxFileSize: maxFileSize.bytes, followSymlinks: followSymlinks, useIgnoreFiles: !noIgnore)
        // Baseline files hold findings' messages: they are the scanner's records, not the project's code.
        walk.excludes = Self.exclusions(exclude, source: WalkExclusion.commandLine)
            + Self.exclusions(settings?.excludes ?? [], source: settings.map { ($0.file as NSString).lastPathComponent } ?? "")
            + Self.exclusions([Baseline.defaultFileName], source: WalkExclusion.scanOutput)
        var options = ScanOptions(walk: walk, redact: !noRedact, limits: MatchLimits(timePerFile: timeoutPerFile > 0 ? timeoutPerFile : nil))
        options.strict = strict
        options.maxFindings = maxFindings > 0 ? maxFindings : nil
        options.contextPatterns = settings?.contextPatterns.compactMap { item in Glob(item.pattern).map { (item.context, $0) } } ?? []
        let plan: ScanPlan
        var changes: ChangeSet?
        if let stagedIndex {
            let index = try stagedIndex.value()
            plan = ScanPlan(root: index.root, directory: index.directory)
            options.walk.ignoreFileNames = [".scanignore"]
            let paths = Set(index.paths)
            options.focus = { paths.contains($0) }
            rules = rules.removing(ids: Set(rules.rules.filter(\.isRepositoryLevel).map(\.id)))
        } else {
            plan = try ScanPlan(paths: selection.paths, packs: loaded.packs)
            // The reports and the baseline are the scan's own files, not the project's.
            options.walk.excludes += (writing + [baselinePath].compactMap { $0 }).compactMap(plan.exclusion)
                .map { WalkExclusion(glob: $0, source: WalkExclusion.scanOutput) }
            if let since {
                let changeSet = try ChangeSet(since: since, scanRoot: plan.root, withLines: changedLinesOnly)
                options.focus = { changeSet.contains($0) }
                changes = changeSet
            }
        }
        if let shard = shard?.shard {
            let focus = options.focus
            options.focus = { path in shard.contains(path) && (focus?(path) ?? true) }
        }
        let catalog = RuleCatalog(rules, knownRuleIds: loaded.knownIds)
        var line: ProgressLine?
        if ProgressLine.isWanted(quiet: quiet) {
            let progress = ScanProgress()
            options.progress = progress
            line = ProgressLine(progress: progress)
        }
        var result = ScanEngine(catalog: catalog, options: options).scan(plan.targets)
        line?.stop()
        options.progress = nil
        if let changes {
            var baseOptions = options
            baseOptions.focus = nil
            result = try changes.branchFindings(of: result, scanner: ScanEngine(catalog: catalog, options: baseOptions))
        }
        result = result.treatingAsPublic(routes: settings?.publicRoutes ?? [])
        if let known {
            let today = Baseline.today()
            result = result.suppressing { known.suppression(for: $0, today: today) }
        }
        var report = Report(result: result, root: plan.root, rules: rules.rules, scoring: scoring)
        report.commit = GitHead.commit(of: plan.root)
        report.rootUri = URL(fileURLWithPath: plan.root, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath().absoluteString
        if !selection.packs.isEmpty { report.packsSelected = Array(Set(selection.packs)).sorted() }
        // A commit or a branch is part of a repository: a readiness score of it would disagree with the full scan.
        if staged || since != nil { report.score = nil }
        report.configuration = Report.Configuration(
            settings: settings, file: settings.map { Self.relativePath($0.file, from: scanDirectory) },
            replaced: loaded.replacedBuiltins.mapValues { Self.relativePath($0, from: scanDirectory) }
        )
        if let shard = shard?.shard {
            report.shard = Report.Shard(index: shard.index, count: shard.count, run: runIdentity(of: report, settings: settings, shards: shard.count))
        }
        return Run(report: report, result: result, selection: selection, plan: plan, settings: settings)
    }

    /// What the parts of one sharded scan share, as a short digest: the commit, the tool and its rules, the
    /// configuration file's content and the options that shape the findings. `scan merge` refuses parts that differ.
    private func runIdentity(of report: Report, settings: ScanConfig?, shards: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let rules = (try? encoder.encode(report.rules ?? [])) ?? Data()
        let configuration = Array((settings?.digest ?? "").utf8)
        let options = [
            report.commit ?? "", report.tool.version, report.packsSelected?.joined(separator: ",") ?? "", String(shards),
            String(maxFileSize.bytes), String(followSymlinks), String(noIgnore), exclude.joined(separator: "\n"), since ?? "",
            String(changedLinesOnly), String(noConfig), baseline ?? "",
        ].joined(separator: "\u{0}")
        return String(SHA256.hex(Array(rules) + [0] + configuration + [0] + Array(options.utf8)).prefix(16))
    }

    /// `path` as reports show it: relative to `directory` (with `../` when above it).
    static func relativePath(_ path: String, from directory: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let base = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }

    /// The patterns among `patterns` that are globs, as exclusions from `source`.
    private static func exclusions(_ patterns: [String], source: String) -> [WalkExclusion] {
        patterns.compactMap(Glob.init).map { WalkExclusion(glob: $0, source: source) }
    }

    /// `--shard I/N`.
    struct ShardArgument: ExpressibleByArgument {
        let shard: Shard

        init?(argument: String) {
            guard let shard = Shard(argument) else { return nil }
            self.shard = shard
        }
    }

    /// The configuration given with --config, or the nearest `.scan.yml` from `directory` up to the work tree's
    /// top, and the rules with those of its rule directories. Every error of the configuration and of the rule
    /// files is printed at once (file:line:column), and exits 2.
    private func loadSettingsAndRules(_ directory: String) throws -> (ScanConfig?, RuleSet) {
        var errors: [RuleError] = []
        var settings: ScanConfig?
        var ruleDirectories: [String] = []
        if !noConfig, let path = config ?? ScanConfig.find(from: directory) {
            let read = ScanConfig.read(path: path)
            settings = read.config
            errors += read.errors
            if let settings {
                let allowed = settings.ruleDirectories(inside: [directory, settings.directory])
                ruleDirectories = allowed.paths
                errors += allowed.errors
            }
        }
        var rules: RuleSet?
        do {
            rules = try ruleOptions.loadRules(configured: ruleDirectories)
        } catch {
            errors += error.errors
        }
        if let settings, let rules { errors += settings.problems(with: rules) }
        guard errors.isEmpty, let rules else {
            let sorted = errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
            throw RuleOptions.fail(RuleLoadFailure(errors: sorted), what: settings == nil ? "rule" : "configuration and rule")
        }
        return (settings, rules)
    }

    /// Reads a baseline file, or prints why it cannot be used and exits 2.
    static func loadBaseline(_ path: String) throws -> Baseline {
        do {
            return try Baseline.load(path: path)
        } catch {
            Console.error(error.description)
            throw ExitStatus.usageError.exitCode
        }
    }
}
