import PreflightCore

/// Loads the input as a user rule file. A failure must place every error in that file at a real line; a rule
/// set that loads must compile into a catalog and scan a sample without crashing.
enum RuleLoaderTarget {
    static let fileName = "fuzz-rules.yml"
    /// A few lines most rule packs have something to say about (the key is split so this file scans clean).
    static let sample = """
    import os
    API_KEY = "\("local-dev" + "-key")"  # TODO: replace
    def handler(request):
        return {"ok": True}
    <<<<<<< HEAD
    """

    static func run(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        do {
            let ruleSet = try RuleSet.load([RuleSource(name: fileName, text: text, isBuiltin: false)])
            let engine = ScanEngine(catalog: RuleCatalog(ruleSet), options: ScanOptions(walk: WalkOptions(jobs: 1)))
            for path in ["app/main.py", "src/index.ts", "config/settings.yml"] {
                _ = engine.scan(text: sample, path: path)
            }
        } catch {
            require(!error.errors.isEmpty, "a rule load failed without an error")
            // libyaml also ends lines at a lone CR, NEL, LS and PS; Character.isNewline counts those and more.
            let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            for ruleError in error.errors {
                require(ruleError.file == fileName, "a rule error names \(ruleError.file), not the rule file")
                require(ruleError.line >= 1 && ruleError.line <= max(lineCount, 1) + 1, "a rule error at line \(ruleError.line) of a \(lineCount)-line file: \(ruleError)")
                require(ruleError.column >= 1, "a rule error at column \(ruleError.column): \(ruleError)")
            }
        }
    }
}
