import ArgumentParser
import PreflightCore

/// The documented exit codes of `scan`.
enum ExitStatus: Int32 {
    /// No finding at or above the `--fail-on` severity.
    case clean = 0
    /// Findings at or above the `--fail-on` severity.
    case findings = 1
    /// A usage, configuration or rule error; nothing was scanned.
    case usageError = 2
    /// The scan could not look at everything; what it found was still written.
    case incomplete = 3
    /// A report, baseline or other output could not be written (the others were); wins over 1 and 3.
    case outputError = 4

    var exitCode: ExitCode { ExitCode(rawValue) }
}

enum PreflightVersion {
    static let text = "\(Preflight.name) \(Preflight.version)"
}
