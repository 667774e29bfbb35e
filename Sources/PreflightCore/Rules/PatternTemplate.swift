import PCRE2Kit

/// A condition regex that may refer to the match's captures as `{{name}}`; the capture's text is inserted
/// literally (quoted with `\Q…\E`). Without placeholders it is compiled once, at load time.
final class PatternTemplate: Sendable {
    let source: String
    private let template: MessageTemplate
    private let compiled: Pattern?
    /// Capture groups of the pattern and the numbers of its named ones (the same for every rendering).
    let captureCount: Int
    let groupNumbers: [String: Int]

    /// The capture names the template refers to.
    var captureNames: [String] { template.captureNames }

    init(_ source: String) throws(PCRE2Error) {
        self.source = source
        template = MessageTemplate(source)
        compiled = template.captureNames.isEmpty ? try Pattern(source, options: .multiline) : nil
        // Without a compiled form, compile once with placeholder text so that syntax errors show at load time.
        let shape: Pattern
        if let compiled { shape = compiled } else { shape = try Pattern(template.render { _ in "x" }, options: .multiline) }
        captureCount = shape.captureCount
        groupNumbers = shape.groupNumbers
    }

    /// The pattern for a match whose captures are `captures`, from `cache` when it was built before.
    func pattern(captures: (String) -> String, cache: inout [String: Pattern]) -> Pattern? {
        if let compiled { return compiled }
        let text = template.render { name in Self.quoted(captures(name)) }
        if let cached = cache[text] { return cached }
        guard let pattern = try? Pattern(text, options: .multiline) else { return nil }
        cache[text] = pattern
        return pattern
    }

    /// `text` as a literal inside a PCRE2 pattern.
    static func quoted(_ text: String) -> String {
        "\\Q" + text.replacingOccurrences(of: "\\E", with: "\\E\\\\E\\Q") + "\\E"
    }
}
