/// A rule message with `{{name}}` placeholders, split once into literal text and capture references.
/// `{{first|second|fallback}}` takes the first of the named captures that is not empty, else the literal fallback;
/// `{{name:upper}}` upper-cases the text.
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case capture(names: [String], fallback: String?, upper: Bool)
    }

    let parts: [Part]

    /// Splits `template`; an unterminated `{{` is kept as text.
    init(_ template: String) {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            var inside = Substring(rest[open.upperBound..<close.lowerBound])
            let upper = inside.hasSuffix(":upper")
            if upper { inside = inside.dropLast(":upper".count) }
            let alternatives = inside.split(separator: "|", omittingEmptySubsequences: false)
            if alternatives.count > 1 {
                parts.append(.capture(names: alternatives.dropLast().map { $0.trimmingCharacters(in: " ") }, fallback: String(alternatives.last!), upper: upper))
            } else {
                parts.append(.capture(names: [alternatives[0].trimmingCharacters(in: " ")], fallback: nil, upper: upper))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// The capture names the template refers to.
    var captureNames: [String] {
        parts.flatMap { part -> [String] in
            if case .capture(let names, _, _) = part { return names }
            return []
        }
    }

    /// One piece of a rendered message: the template's own text, or text taken from the file.
    struct Piece: Sendable, Hashable {
        let text: String
        let fromFile: Bool
        let upper: Bool

        /// The piece as shown, with `hide` applied to text from the file first.
        func shown(hiding hide: (String) -> String = { $0 }) -> String {
            let visible = fromFile ? hide(text) : text
            return upper ? visible.uppercased() : visible
        }
    }

    /// The message with each placeholder replaced by `value(name)`.
    func render(_ value: (String) -> String) -> String {
        pieces(value).map { $0.shown() }.joined()
    }

    /// The message's pieces, each placeholder replaced by `value(name)` (or its literal fallback).
    func pieces(_ value: (String) -> String) -> [Piece] {
        parts.map { part in
            switch part {
            case .text(let text): return Piece(text: text, fromFile: false, upper: false)
            case .capture(let names, let fallback, let upper):
                if let text = names.lazy.map(value).first(where: { !$0.isEmpty }) { return Piece(text: text, fromFile: true, upper: upper) }
                return Piece(text: fallback ?? "", fromFile: false, upper: upper)
            }
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view.removeFirst() }
        while let last = view.last, set.contains(last) { view.removeLast() }
        return String(view)
    }
}
