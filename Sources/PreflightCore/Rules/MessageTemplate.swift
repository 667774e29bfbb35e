/// A rule message with `{{name}}` placeholders, split once into literal text and capture references.
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case capture(name: String)
    }

    let parts: [Part]

    /// Splits `template`; an unterminated `{{` is kept as text.
    init(_ template: String) {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
            parts.append(.capture(name: name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// The capture names the template refers to.
    var captureNames: [String] {
        parts.compactMap { if case .capture(let name) = $0 { return name } else { return nil } }
    }

    /// The message with each placeholder replaced by `value(name)`.
    func render(_ value: (String) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .capture(let name): return value(name)
            }
        }.joined()
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
