/// The parts of Preflight that take untrusted input, each as a function of arbitrary bytes that must return
/// without crashing, hanging or breaking the part's own invariants. libFuzzer drives them (`scripts/fuzz.sh`);
/// the tests replay the seeds and every input that once failed.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A rule file: YAML text, decoded, validated and, when it loads, compiled and run over a sample line.
    case ruleLoader = "rule-loader"
    /// A source file for one language's lexer: `NAME\nCONTENT`, the language chosen by the file name.
    case lexer
    /// An ignore file and paths matched against it: `PATTERNS\0PATH\nPATH...`.
    case ignore
    /// Findings, diagnostics and endpoints decoded from the bytes, rendered by every reporter.
    case reporters
    /// A whole file scanned by every built-in rule: `PATH\nCONTENT`.
    case scanFile = "scan-file"
    /// Ignore files read from disk by the walker: `GITIGNORE\0SCANIGNORE\0PATH\nPATH...`.
    case ignoreFiles = "ignore-files"
    /// Text from scanned files in the text and markdown reports.
    case escaping

    /// Runs the target on one input; a broken invariant stops the process with a message.
    public func run(_ data: [UInt8]) {
        switch self {
        case .ruleLoader: RuleLoaderTarget.run(data)
        case .lexer: LexerTarget.run(data)
        case .ignore: IgnoreTarget.run(data)
        case .reporters: ReportersTarget.run(data)
        case .scanFile: FileScanTarget.run(data)
        case .ignoreFiles: IgnoreFilesTarget.run(data)
        case .escaping: EscapingTarget.run(data)
        }
    }
}

/// Splits an input at its first `separator`: the text before it (a name) and the bytes after it.
func splitHeader(_ data: [UInt8], separator: UInt8 = 0x0A) -> (header: String, body: [UInt8]) {
    guard let index = data.firstIndex(of: separator) else { return (String(decoding: data, as: UTF8.self), []) }
    return (String(decoding: data[..<index], as: UTF8.self), Array(data[(index + 1)...]))
}

/// Stops the fuzzed process when an invariant does not hold.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { preconditionFailure(message()) }
}
