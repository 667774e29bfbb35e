import PreflightReport

/// Turns a report into one output format. Each format is one type, listed once in `ReportFormat`.
public protocol Reporter {
    func render(_ report: Report) -> String
}

/// The output formats, and the reporter behind each.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, markdown, html

    /// The reporter for this format; `color` matters only to formats meant for a terminal.
    public func reporter(color: Bool, scoreCard: Bool = false) -> any Reporter {
        switch self {
        case .text: return TextReporter(color: color, scoreCard: scoreCard)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .markdown: return MarkdownReporter()
        case .html: return HTMLReporter()
        }
    }
}

extension String {
    /// The text with control characters written as escapes (`\n`, `\t`, `\u{1B}`), so that a file name cannot
    /// break a line of a report or send a terminal escape sequence.
    var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.properties.generalCategory == .control: out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
