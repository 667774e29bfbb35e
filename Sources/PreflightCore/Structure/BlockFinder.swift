/// Finds the block of a match: a Python suite, a balanced `{…}`, a call's arguments, or the line.
/// Brackets inside strings and comments do not count.
enum BlockFinder {
    /// The byte range of the `kind` block that starts with the match at `start`.
    static func block(_ kind: BlockKind, from start: Int, in buffer: UnsafeRawBufferPointer, regions: RegionMap) -> Range<Int> {
        switch kind {
        case .line: return FileEvaluator.lines(around: start..<start, in: buffer)
        case .braces: return balanced(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), from: start, in: buffer, regions: regions)
        case .call: return balanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")"), from: start, in: buffer, regions: regions)
        case .value: return bracketed(from: start, in: buffer, regions: regions)
        case .python: return pythonSuite(from: start, in: buffer)
        case .indented: return indentedLines(from: start, in: buffer)
        case .comment: return commentBlock(from: start, in: buffer, regions: regions)
        case .decorated:
            let body = balanced(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), from: start, in: buffer, regions: regions)
            return decoratorStackStart(before: start, in: buffer)..<body.upperBound
        }
    }

    /// The start of the first of the consecutive lines above `offset`'s line that begin with `@` (after indentation).
    static func decoratorStackStart(before offset: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        var lineStart = offset
        while lineStart > 0 && buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
        while lineStart > 0 {
            var previous = lineStart - 1
            while previous > 0 && buffer[previous - 1] != 0x0A { previous -= 1 }
            var first = previous
            while first < lineStart && (buffer[first] == 0x20 || buffer[first] == 0x09) { first += 1 }
            guard first < lineStart && buffer[first] == UInt8(ascii: "@") else { break }
            lineStart = previous
        }
        return lineStart
    }

    /// From `start` to just after the bracket closing the first `open` found in code; the rest of the file when unbalanced.
    static func balanced(open: UInt8, close: UInt8, from start: Int, in buffer: UnsafeRawBufferPointer, regions: RegionMap) -> Range<Int> {
        var index = start
        var depth = 0
        while index < buffer.count {
            let byte = buffer[index]
            if (byte == open || byte == close) && regions.kind(at: index) == .code {
                if byte == open {
                    depth += 1
                } else if depth > 0 {
                    depth -= 1
                    if depth == 0 { return start..<(index + 1) }
                }
            }
            index += 1
        }
        return start..<buffer.count
    }

    /// From `start` to just after the bracket closing the first `(`, `[` or `{` found in code.
    static func bracketed(from start: Int, in buffer: UnsafeRawBufferPointer, regions: RegionMap) -> Range<Int> {
        let pairs: [UInt8: UInt8] = [UInt8(ascii: "("): UInt8(ascii: ")"), UInt8(ascii: "["): UInt8(ascii: "]"), UInt8(ascii: "{"): UInt8(ascii: "}")]
        var index = start
        while index < buffer.count {
            if let close = pairs[buffer[index]], regions.kind(at: index) == .code {
                return start..<balanced(open: buffer[index], close: close, from: index, in: buffer, regions: regions).upperBound
            }
            index += 1
        }
        return start..<buffer.count
    }

    /// From the start of `start`'s line through the last of the lines below it that are indented deeper than it
    /// (blank lines between them included).
    static func indentedLines(from start: Int, in buffer: UnsafeRawBufferPointer) -> Range<Int> {
        let count = buffer.count
        var lineStart = start
        while lineStart > 0 && buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
        let indent = { (line: Int) -> Int in
            var offset = line
            while offset < count && (buffer[offset] == 0x20 || buffer[offset] == 0x09) { offset += 1 }
            return offset - line
        }
        let headerIndent = indent(lineStart)
        var end = lineStart
        while end < count && buffer[end] != 0x0A { end += 1 }
        var line = end + 1
        while line < count {
            var lineEnd = line
            while lineEnd < count && buffer[lineEnd] != 0x0A { lineEnd += 1 }
            let width = indent(line)
            let blank = line + width >= lineEnd || buffer[line + width] == 0x0D
            if !blank {
                guard width > headerIndent else { break }
                end = lineEnd
            }
            line = lineEnd + 1
        }
        return lineStart..<min(end, count)
    }

    /// From the start of the match's line through the first `def`/`class` at or below it and its suite:
    /// the following lines indented deeper than that statement (blank lines included, trailing ones not). When
    /// the match's own line opens a compound statement (`if`, `for`, `with`, `try`...), its suite.
    static func pythonSuite(from start: Int, in buffer: UnsafeRawBufferPointer) -> Range<Int> {
        let count = buffer.count
        var lineStart = start
        while lineStart > 0 && buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
        var line = lineStart
        var headerIndent: Int?
        // Brackets left open by the header's lines: a header wrapped over several lines (`def f(\n    a,\n):`)
        // goes on, whatever the indentation of its closing line.
        var headerDepth = 0
        var end = count
        var lastContentEnd = lineStart
        while line < count {
            var lineEnd = line
            while lineEnd < count && buffer[lineEnd] != 0x0A { lineEnd += 1 }
            var indent = 0
            while line + indent < lineEnd && (buffer[line + indent] == 0x20 || buffer[line + indent] == 0x09) { indent += 1 }
            let blank = line + indent >= lineEnd || buffer[line + indent] == 0x0D
            if let header = headerIndent {
                if headerDepth > 0 {
                    headerDepth = max(0, headerDepth + bracketBalance(line..<lineEnd, in: buffer))
                } else if !blank && indent <= header {
                    end = lastContentEnd
                    break
                }
            } else if !blank && (startsDefinition(at: line + indent, in: buffer) || (line == lineStart && startsCompoundStatement(at: line + indent, in: buffer))) {
                headerIndent = indent
                headerDepth = max(0, bracketBalance(line..<lineEnd, in: buffer))
            }
            if !blank { lastContentEnd = lineEnd }
            line = lineEnd + 1
            if line >= count { end = lastContentEnd }
        }
        return lineStart..<max(min(end, count), lineStart)
    }

    /// From the start of `start`'s line through the last of the consecutive lines after it whose first
    /// non-blank character starts or continues a comment. An empty line ends the block.
    static func commentBlock(from start: Int, in buffer: UnsafeRawBufferPointer, regions: RegionMap) -> Range<Int> {
        let count = buffer.count
        var lineStart = start
        while lineStart > 0 && buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
        var end = start
        while end < count && buffer[end] != 0x0A { end += 1 }
        var line = end + 1
        while line < count {
            var first = line
            while first < count && (buffer[first] == 0x20 || buffer[first] == 0x09) { first += 1 }
            guard first < count && buffer[first] != 0x0A && buffer[first] != 0x0D && regions.kind(at: first) == .comment else { break }
            end = first
            while end < count && buffer[end] != 0x0A { end += 1 }
            line = end + 1
        }
        return lineStart..<min(end, count)
    }

    /// Opening minus closing brackets on a line, outside quotes and after no `#` (a rough count for headers).
    private static func bracketBalance(_ range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Int {
        var balance = 0
        var quote: UInt8?
        for index in range {
            let byte = buffer[index]
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "#"): return balance
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): balance += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): balance -= 1
            default: break
            }
        }
        return balance
    }

    private static func startsDefinition(at offset: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        starts(at: offset, in: buffer, withOneOf: ["def ", "async def ", "class "])
    }

    /// `if`, `elif`, `else`, `for`, `while`, `with`, `try`, `except`, `finally`: a header whose own suite is the
    /// block when the match is on it (an `if insecure:` branch), as a definition's is.
    private static func startsCompoundStatement(at offset: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        starts(at: offset, in: buffer, withOneOf: ["if ", "elif ", "else:", "for ", "while ", "with ", "async with ", "async for ", "try:", "except", "finally:"])
    }

    private static func starts(at offset: Int, in buffer: UnsafeRawBufferPointer, withOneOf keywords: [String]) -> Bool {
        keywords.contains { keyword in
            let bytes = Array(keyword.utf8)
            return offset + bytes.count <= buffer.count && bytes.indices.allSatisfy { buffer[offset + $0] == bytes[$0] }
        }
    }
}
