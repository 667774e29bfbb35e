/// An inline suppression comment: the directive word, one or more rule ids, and an optional reason after `--`.
///
/// It counts only after a comment opener on its line (`#`, `//`, `/*`, `<!--`, `--`, `;`, or a leading `*`).
/// On a line of its own it covers that line and the next; after code it covers its own line.
public struct SuppressionDirective: Sendable, Equatable {
    /// The directive word, split so that this file holds no directive itself.
    public static let keyword = "scan:" + "ignore"
    static let word = Array(keyword.utf8)

    /// The 0-based line the comment stands on.
    let line: Int
    /// Whether nothing but white space precedes the comment on its line.
    let standsAlone: Bool
    /// The rule ids (or aliases) named, in the order written.
    let ruleIds: [String]
    let reason: String?

    /// Whether the directive covers findings that start on 0-based `line`.
    func covers(line findingLine: Int) -> Bool {
        findingLine == line || (standsAlone && findingLine == line + 1)
    }

    /// The well-formed directives of `buffer`, in order. A directive without a rule id is not one (a rule reports it).
    static func all(in buffer: UnsafeRawBufferPointer, lines: LineIndex) -> [SuppressionDirective] {
        var directives: [SuppressionDirective] = []
        var from = 0
        while let offset = find(word, in: buffer, from: from) {
            from = offset + word.count
            let lineNumber = lines.line(containing: offset)
            let line = lines.range(ofLine: lineNumber, in: buffer)
            guard isWordStart(offset, in: buffer, lineStart: line.lowerBound),
                  let opener = commentOpener(in: buffer, from: line.lowerBound, to: offset) else { continue }
            let rest = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[from..<line.upperBound]), as: UTF8.self)
            guard let (ids, reason) = parse(rest) else { continue }
            let lead = UnsafeRawBufferPointer(rebasing: buffer[line.lowerBound..<opener])
            let alone = lead.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            directives.append(SuppressionDirective(line: lineNumber, standsAlone: alone, ruleIds: ids, reason: reason))
        }
        return directives
    }

    /// The ids and reason of the text after the directive word, or nil when it does not start with an id.
    static func parse(_ rest: String) -> (ids: [String], reason: String?)? {
        guard let first = rest.first, first == " " || first == "\t" else { return nil }
        var body = Substring(rest)
        var reason: String?
        if let dashes = body.range(of: " --") ?? body.range(of: "\t--") {
            reason = clean(body[dashes.upperBound...])
            body = body[..<dashes.lowerBound]
        }
        var ids: [String] = []
        for item in body.split(separator: ",") {
            let entry = trimmed(item)
            let word = entry.prefix { isIdCharacter($0) }
            guard let head = word.first, head.isASCII, head.isLetter || head.isNumber else { break }
            ids.append(String(word))
            // Text after the id (such as the end of a block comment) ends the list.
            if entry.count != word.count { break }
        }
        return ids.isEmpty ? nil : (ids, reason)
    }

    /// The reason without comment closers and surrounding white space; nil when nothing is left.
    private static func clean(_ text: Substring) -> String? {
        var reason = trimmed(text)
        for closer in ["*/", "-->", "#}", "--}}", "%>"] where reason.hasSuffix(closer) {
            reason = trimmed(reason.dropLast(closer.count))
        }
        return reason.isEmpty ? nil : String(reason)
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var result = text.drop { $0 == " " || $0 == "\t" }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }

    private static func isIdCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_" || character == ".")
    }

    /// Whether the byte before `offset` does not continue a word.
    private static func isWordStart(_ offset: Int, in buffer: UnsafeRawBufferPointer, lineStart: Int) -> Bool {
        guard offset > lineStart else { return true }
        let byte = buffer[offset - 1]
        return !(byte == 0x5F || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A))
    }

    /// The offset of the first comment opener between `start` and `end`, or nil when there is none.
    private static func commentOpener(in buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end && (buffer[index] == 0x20 || buffer[index] == 0x09) { index += 1 }
        if index < end && buffer[index] == 0x2A { return index }  // `*` continuing a block comment
        for position in start..<end {
            let byte = buffer[position]
            let next = position + 1 < end ? buffer[position + 1] : 0
            switch byte {
            case 0x23, 0x3B: return position  // `#`, `;`
            case 0x2F where next == 0x2F || next == 0x2A: return position  // `//`, `/*`
            case 0x2D where next == 0x2D: return position  // `--`
            case 0x3C where next == 0x21 && position + 3 < end && buffer[position + 2] == 0x2D && buffer[position + 3] == 0x2D:
                return position  // `<!--`
            default: continue
            }
        }
        return nil
    }

    /// The offset of the first occurrence of `needle` at or after `from`.
    private static func find(_ needle: [UInt8], in buffer: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let first = needle.first, buffer.count >= needle.count else { return nil }
        var index = from
        let last = buffer.count - needle.count
        while index <= last {
            if buffer[index] == first {
                var matched = true
                for step in 1..<needle.count where buffer[index + step] != needle[step] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
