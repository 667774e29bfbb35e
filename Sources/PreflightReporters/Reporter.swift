import PreflightReport

/// Turns a report into one output format. Each format is one type, listed once in `ReportFormat`.
public protocol Reporter {
    func render(_ report: Report) -> String
}

/// The output formats, and the reporter behind each.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, markdown

    /// The reporter for this format; `color` matters only to formats meant for a terminal.
    public func reporter(color: Bool, scoreCard: Bool = false) -> any Reporter {
        switch self {
        case .text: return TextReporter(color: color, scoreCard: scoreCard)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .markdown: return MarkdownReporter()
        }
    }
}
