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
    /// The text with control characters (C0, DEL, C1) and bidirectional formatting characters written as visible
    /// escapes (`\n`, `\t`, `\u{1B}`, `\u{202E}`), so that text from a scanned file cannot break a line of a
    /// report, send a terminal escape sequence (clear the screen, set the title, write the clipboard, make a link)
    /// or reorder what a reader sees.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: Self.mustEscape) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Self.mustEscape(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.isBidiControl
    }
}
