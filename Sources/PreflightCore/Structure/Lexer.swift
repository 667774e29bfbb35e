/// A single-pass lexer that marks every byte of a file as code, comment or string, driven by a `LexerSyntax`.
///
/// It does not tokenise: it only follows comments, string literals (with escapes, triple quotes, raw and
/// verbatim forms, template interpolation, heredocs, YAML block scalars) and, for JavaScript, regex literals.
/// Unterminated constructs end at the end of the line (single-line forms) or of the file; it never fails.
struct Lexer {
    let syntax: LexerSyntax

    /// Keywords after which a `/` starts a regex literal rather than a division.
    private static let regexKeywords: Set<String> = ["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "instanceof"]
    private static let regexAfter = Set("(,=:[!&|?{};+-*%<>~^".utf8)

    /// Something that starts on the next line.
    private enum Pending {
        case heredoc(tag: [UInt8], indented: Bool)
        case blockScalar(parentIndent: Int)
    }

    /// The regions of `buffer`.
    func regions(of buffer: UnsafeRawBufferPointer) -> RegionMap {
        var state = State(buffer: buffer, syntax: syntax)
        state.run()
        return state.map
    }

    private struct State {
        let b: UnsafeRawBufferPointer
        let syntax: LexerSyntax
        let n: Int
        var map = RegionMap()
        var i = 0
        /// Only blanks since the start of the line.
        var atLineStart = true
        var lineStartOffset = 0
        var lastSignificant: UInt8?
        var lastWord: [UInt8] = []
        /// Open interpolations: the string form to resume and the brace depth inside the interpolation.
        var interpolations: [(form: LexerSyntax.StringForm, depth: Int)] = []
        var pending: [Pending] = []
        /// The bytes that open one of the language's string forms: the others are passed over without trying each.
        let opensString: [Bool]

        init(buffer: UnsafeRawBufferPointer, syntax: LexerSyntax) {
            b = buffer
            self.syntax = syntax
            n = buffer.count
            var opens = [Bool](repeating: false, count: 256)
            for form in syntax.strings { if let first = form.open.first { opens[Int(first)] = true } }
            opensString = opens
        }

        func matches(_ token: [UInt8], at offset: Int) -> Bool {
            guard !token.isEmpty, offset + token.count <= n else { return false }
            for (index, byte) in token.enumerated() where b[offset + index] != byte { return false }
            return true
        }

        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isNewline(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x24 || byte >= 0x80
        }

        /// The offset of the next line break at or after `offset` (or the end).
        func lineEnd(from offset: Int) -> Int {
            var index = offset
            while index < n && !isNewline(b[index]) { index += 1 }
            return index
        }

        /// The offset just after the line break at `offset`.
        func afterNewline(_ offset: Int) -> Int {
            if offset < n && b[offset] == 0x0D && offset + 1 < n && b[offset + 1] == 0x0A { return offset + 2 }
            return min(offset + 1, n)
        }

        mutating func run() {
            while i < n {
                let byte = b[i]
                if isNewline(byte) {
                    i = afterNewline(i)
                    atLineStart = true
                    lineStartOffset = i
                    if !pending.isEmpty { consumePending() }
                    continue
                }
                if isBlank(byte) {
                    i += 1
                    continue
                }
                if !interpolations.isEmpty && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")) {
                    if byte == UInt8(ascii: "{") {
                        interpolations[interpolations.count - 1].depth += 1
                    } else if interpolations[interpolations.count - 1].depth == 0 {
                        let form = interpolations.removeLast().form
                        map.begin(.string, at: i)
                        i += 1
                        scanStringBody(form)
                        continue
                    } else {
                        interpolations[interpolations.count - 1].depth -= 1
                    }
                    note(byte)
                    i += 1
                    continue
                }
                if lexComment() || lexString() { continue }
                note(byte)
                i += 1
            }
        }

        /// Remembers the last significant byte and word, for the regex-literal heuristic.
        mutating func note(_ byte: UInt8) {
            if isWord(byte) {
                if let last = lastSignificant, isWord(last), i > 0, isWord(b[i - 1]) {
                    lastWord.append(byte)
                } else {
                    lastWord = [byte]
                }
            } else {
                lastWord = []
            }
            lastSignificant = byte
            atLineStart = false
        }

        // MARK: Comments

        mutating func lexComment() -> Bool {
            if syntax.rubyBlockComments && atLineStart && i == lineStartOffset && matches(Array("=begin".utf8), at: i) {
                map.begin(.comment, at: i)
                var line = i
                while line < n {
                    let end = lineEnd(from: line)
                    if line != i && matches(Array("=end".utf8), at: line) {
                        i = end
                        map.begin(.code, at: i)
                        return true
                    }
                    line = afterNewline(end)
                    if end >= n { break }
                }
                i = n
                return true
            }
            for opener in syntax.lineComments where matches(opener, at: i) {
                if syntax.lineCommentOnlyAtLineStart && !atLineStart { continue }
                if syntax.lineCommentNeedsBoundary && !atLineStart {
                    let before = b[i - 1]
                    if !(isBlank(before) || before == UInt8(ascii: ";") || before == UInt8(ascii: "&") || before == UInt8(ascii: "|") || before == UInt8(ascii: "(")) { continue }
                }
                if syntax.lineCommentExceptions.contains(where: { matches($0, at: i) }) { continue }
                map.begin(.comment, at: i)
                i = lineEnd(from: i)
                map.begin(.code, at: i)
                return true
            }
            for (open, close) in syntax.blockComments where matches(open, at: i) {
                map.begin(.comment, at: i)
                i += open.count
                var depth = 1
                while i < n {
                    if syntax.blockCommentsNest && matches(open, at: i) {
                        depth += 1
                        i += open.count
                    } else if matches(close, at: i) {
                        depth -= 1
                        i += close.count
                        if depth == 0 { break }
                    } else {
                        i += 1
                    }
                }
                map.begin(.code, at: i)
                atLineStart = false
                return true
            }
            return false
        }

        // MARK: Strings

        mutating func lexString() -> Bool {
            if syntax.swiftRawStrings && b[i] == UInt8(ascii: "#") && lexSwiftRawString() { return true }
            if syntax.rubyPercentLiterals && b[i] == UInt8(ascii: "%") && lexPercentLiteral() { return true }
            if syntax.heredoc != nil && b[i] == UInt8(ascii: "<") && lexHeredocStart() { return true }
            if syntax.yamlBlockScalars && (b[i] == UInt8(ascii: "|") || b[i] == UInt8(ascii: ">")) && lexBlockScalarHeader() { return true }
            if syntax.regexLiterals && b[i] == UInt8(ascii: "/") && lexRegexLiteral() { return true }
            // A prefix letter belongs to the string only where no identifier runs into it (u""" but not menu""").
            guard opensString[Int(b[i])], !(isWord(b[i]) && i > 0 && isWord(b[i - 1])) else { return false }
            for form in syntax.strings where matches(form.open, at: i) {
                let opensStatement = atLineStart && (lastSignificant == nil || lastSignificant == UInt8(ascii: ":"))
                map.begin(form.docstring && opensStatement ? .docstring : .string, at: i)
                i += form.open.count
                atLineStart = false
                scanStringBody(form)
                return true
            }
            return false
        }

        /// Scans from inside a string to just after its end (or into an interpolation, which is code).
        mutating func scanStringBody(_ form: LexerSyntax.StringForm) {
            while i < n {
                let byte = b[i]
                if form.backslashEscapes && byte == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if matches(form.close, at: i) {
                    if form.doubledCloseEscapes && matches(form.close, at: i + form.close.count) {
                        i += 2 * form.close.count
                        continue
                    }
                    i += form.close.count
                    map.begin(.code, at: i)
                    lastSignificant = UInt8(ascii: "\"")
                    lastWord = []
                    return
                }
                if let opener = form.interpolation, matches(opener, at: i) {
                    i += opener.count
                    map.begin(.code, at: i)
                    interpolations.append((form, 0))
                    return
                }
                if !form.multiline && isNewline(byte) {
                    map.begin(.code, at: i)
                    return
                }
                i += 1
            }
            i = n
        }

        /// `#"…"#`, `##"…"##`, `#"""…"""#`.
        mutating func lexSwiftRawString() -> Bool {
            var hashes = 0
            while i + hashes < n && b[i + hashes] == UInt8(ascii: "#") { hashes += 1 }
            let quoteAt = i + hashes
            guard quoteAt < n && b[quoteAt] == UInt8(ascii: "\"") else { return false }
            let triple = matches(Array("\"\"\"".utf8), at: quoteAt)
            let close = Array((triple ? "\"\"\"" : "\"").utf8) + Array(repeating: UInt8(ascii: "#"), count: hashes)
            map.begin(.string, at: i)
            i = quoteAt + (triple ? 3 : 1)
            while i < n {
                if matches(close, at: i) {
                    i += close.count
                    map.begin(.code, at: i)
                    return true
                }
                if !triple && isNewline(b[i]) { break }
                i += 1
            }
            map.begin(.code, at: i)
            return true
        }

        /// Ruby `%q(…)`, `%w[…]`, `%(…)`.
        mutating func lexPercentLiteral() -> Bool {
            if let last = lastSignificant, isWord(last) || last == UInt8(ascii: ")") || last == UInt8(ascii: "]") { return false }
            var index = i + 1
            if index < n, "qQwWiIrsx".utf8.contains(b[index]) { index += 1 }
            guard index < n else { return false }
            let open = b[index]
            let pairs: [UInt8: UInt8] = [UInt8(ascii: "("): UInt8(ascii: ")"), UInt8(ascii: "["): UInt8(ascii: "]"), UInt8(ascii: "{"): UInt8(ascii: "}"), UInt8(ascii: "<"): UInt8(ascii: ">")]
            let close: UInt8
            if let pair = pairs[open] {
                close = pair
            } else if "|!/^".utf8.contains(open) {
                close = open
            } else {
                return false
            }
            map.begin(.string, at: i)
            i = index + 1
            var depth = 1
            while i < n {
                let byte = b[i]
                if byte == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if byte == open && open != close { depth += 1 }
                if byte == close {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        break
                    }
                }
                i += 1
            }
            map.begin(.code, at: min(i, n))
            note(UInt8(ascii: "\""))
            return true
        }

        /// `<<EOF` (shell), `<<~EOS` (Ruby), `<<<EOT` (PHP): the body starts on the next line.
        mutating func lexHeredocStart() -> Bool {
            guard let style = syntax.heredoc else { return false }
            var index = i
            switch style {
            case .php:
                guard matches(Array("<<<".utf8), at: index) else { return false }
                index += 3
            case .shell, .ruby:
                guard matches(Array("<<".utf8), at: index), !matches(Array("<<<".utf8), at: index) else { return false }
                index += 2
            }
            var indented = style == .php
            if style != .php, index < n, b[index] == UInt8(ascii: "-") || b[index] == UInt8(ascii: "~") {
                indented = true
                index += 1
            }
            if style == .shell { while index < n && isBlank(b[index]) { index += 1 } }
            var quote: UInt8?
            if index < n, b[index] == UInt8(ascii: "'") || b[index] == UInt8(ascii: "\"") {
                quote = b[index]
                index += 1
            }
            let tagStart = index
            while index < n && isWord(b[index]) && b[index] != UInt8(ascii: "$") { index += 1 }
            guard index > tagStart else { return false }
            let tag = Array(b[tagStart..<index])
            if let first = tag.first, first >= 0x30 && first <= 0x39 { return false }
            if style == .ruby && quote == nil && !tag.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) }) { return false }
            if let quote {
                guard index < n && b[index] == quote else { return false }
                index += 1
            }
            pending.append(.heredoc(tag: tag, indented: indented))
            i = index
            atLineStart = false
            return true
        }

        /// A YAML `key: |` or `- >-` header: the more-indented lines below it are a string.
        mutating func lexBlockScalarHeader() -> Bool {
            var before = i - 1
            while before >= lineStartOffset && isBlank(b[before]) { before -= 1 }
            let previous: UInt8? = before >= lineStartOffset ? b[before] : nil
            guard previous == nil || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-") else { return false }
            var index = i + 1
            while index < n && "-+0123456789".utf8.contains(b[index]) { index += 1 }
            while index < n && isBlank(b[index]) { index += 1 }
            guard index >= n || isNewline(b[index]) || b[index] == UInt8(ascii: "#") else { return false }
            var indent = 0
            while lineStartOffset + indent < n && b[lineStartOffset + indent] == 0x20 { indent += 1 }
            pending.append(.blockScalar(parentIndent: indent))
            i += 1
            atLineStart = false
            return true
        }

        /// A `/…/flags` regex literal where an expression may start.
        mutating func lexRegexLiteral() -> Bool {
            guard i + 1 < n, b[i + 1] != UInt8(ascii: "/"), b[i + 1] != UInt8(ascii: "*") else { return false }
            if let last = lastSignificant {
                let afterKeyword = isWord(last) && Lexer.regexKeywords.contains(String(decoding: lastWord, as: UTF8.self))
                guard Lexer.regexAfter.contains(last) || afterKeyword else { return false }
            }
            var index = i + 1
            var inClass = false
            while index < n {
                let byte = b[index]
                if isNewline(byte) { return false }
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "[") { inClass = true }
                if byte == UInt8(ascii: "]") { inClass = false }
                if byte == UInt8(ascii: "/") && !inClass { break }
                index += 1
            }
            guard index < n else { return false }
            index += 1
            while index < n && isWord(b[index]) { index += 1 }
            map.begin(.string, at: i)
            i = index
            map.begin(.code, at: i)
            note(UInt8(ascii: "\""))
            return true
        }

        /// At the start of a line after a heredoc opener or block-scalar header: marks their bodies as strings.
        mutating func consumePending() {
            let items = pending
            pending = []
            for item in items {
                switch item {
                case .heredoc(let tag, let indented):
                    map.begin(.string, at: i)
                    var line = i
                    while line < n {
                        let end = lineEnd(from: line)
                        var start = line
                        if indented { while start < end && isBlank(b[start]) { start += 1 } }
                        var stop = end
                        while stop > start && (isBlank(b[stop - 1]) || b[stop - 1] == UInt8(ascii: ";") || b[stop - 1] == UInt8(ascii: ",") || b[stop - 1] == UInt8(ascii: ")")) { stop -= 1 }
                        if stop - start == tag.count && matches(tag, at: start) {
                            i = end
                            break
                        }
                        if end >= n {
                            i = n
                            break
                        }
                        line = afterNewline(end)
                    }
                    map.begin(.code, at: i)
                case .blockScalar(let parentIndent):
                    var line = i
                    var lastBodyEnd: Int?
                    while line < n {
                        let end = lineEnd(from: line)
                        var indent = 0
                        while line + indent < end && b[line + indent] == 0x20 { indent += 1 }
                        let blank = line + indent == end
                        if !blank && indent <= parentIndent { break }
                        if !blank { lastBodyEnd = end }
                        if end >= n { break }
                        line = afterNewline(end)
                    }
                    if let lastBodyEnd {
                        map.begin(.string, at: i)
                        i = lastBodyEnd
                        map.begin(.code, at: i)
                    }
                }
            }
            atLineStart = i < n && (i == 0 || isNewline(b[i - 1]))
            if atLineStart { lineStartOffset = i }
        }
    }
}
