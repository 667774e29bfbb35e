import CYAML

/// Parses YAML text into node trees with positions, through libyaml's event API.
///
/// Anchors and aliases are resolved by copying the anchored node; nesting depth and the number of
/// aliases are bounded so that hostile input cannot exhaust the stack or memory.
public enum YAMLParser {
    /// The deepest nesting accepted.
    public static let maximumDepth = 200
    /// The most aliases accepted in one text.
    public static let maximumAliases = 1_000

    /// Parses every document of `text`.
    public static func parse(_ text: String) throws(YAMLError) -> [YAMLNode] {
        let bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(message: "cannot initialise the YAML parser", mark: YAMLMark(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { buffer throws(YAMLError) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var reader = EventReader(parser: &parser)
            return try reader.readStream()
        }
    }
}

/// Pulls events from a libyaml parser and assembles nodes.
private struct EventReader {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    var anchors: [String: YAMLNode] = [:]
    var aliasCount = 0

    init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    /// One event, copied out of libyaml's structure.
    enum Event {
        case streamEnd, documentStart, documentEnd
        case scalar(String, YAMLNode.ScalarStyle, anchor: String?, tag: String?)
        case sequenceStart(anchor: String?, tag: String?), sequenceEnd
        case mappingStart(anchor: String?, tag: String?), mappingEnd
        case alias(String)
        case other
    }

    mutating func next() throws(YAMLError) -> (Event, YAMLMark) {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw parserError() }
        defer { yaml_event_delete(&event) }
        let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT: return (.streamEnd, mark)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, mark)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let style: YAMLNode.ScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            return (.scalar(text, style, anchor: Self.string(scalar.anchor), tag: Self.string(scalar.tag)), mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return (.sequenceStart(anchor: Self.string(start.anchor), tag: Self.string(start.tag)), mark)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return (.mappingStart(anchor: Self.string(start.anchor), tag: Self.string(start.tag)), mark)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, mark)
        case YAML_ALIAS_EVENT: return (.alias(Self.string(event.data.alias.anchor) ?? ""), mark)
        default: return (.other, mark)
        }
    }

    mutating func readStream() throws(YAMLError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        while true {
            let (event, mark) = try next()
            switch event {
            case .streamEnd: return documents
            case .documentStart:
                anchors = [:]
                let (first, firstMark) = try next()
                if case .documentEnd = first {
                    documents.append(YAMLNode(value: .scalar("", .plain), mark: firstMark))
                    continue
                }
                documents.append(try readNode(first, mark: firstMark, depth: 0))
                let (end, endMark) = try next()
                guard case .documentEnd = end else {
                    throw YAMLError(message: "expected the end of the document", mark: endMark)
                }
            case .other: continue
            default: throw YAMLError(message: "unexpected YAML event", mark: mark)
            }
        }
    }

    mutating func readNode(_ event: Event, mark: YAMLMark, depth: Int) throws(YAMLError) -> YAMLNode {
        guard depth < YAMLParser.maximumDepth else {
            throw YAMLError(message: "nesting deeper than \(YAMLParser.maximumDepth) levels", mark: mark)
        }
        switch event {
        case .scalar(let text, let style, let anchor, let tag):
            return remember(YAMLNode(value: .scalar(text, style), mark: mark, tag: tag), anchor: anchor)
        case .sequenceStart(let anchor, let tag):
            var items: [YAMLNode] = []
            while true {
                let (item, itemMark) = try next()
                if case .sequenceEnd = item { break }
                items.append(try readNode(item, mark: itemMark, depth: depth + 1))
            }
            return remember(YAMLNode(value: .sequence(items), mark: mark, tag: tag), anchor: anchor)
        case .mappingStart(let anchor, let tag):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            while true {
                let (keyEvent, keyMark) = try next()
                if case .mappingEnd = keyEvent { break }
                let key = try readNode(keyEvent, mark: keyMark, depth: depth + 1)
                let (valueEvent, valueMark) = try next()
                pairs.append((key, try readNode(valueEvent, mark: valueMark, depth: depth + 1)))
            }
            return remember(YAMLNode(value: .mapping(pairs), mark: mark, tag: tag), anchor: anchor)
        case .alias(let name):
            aliasCount += 1
            guard aliasCount <= YAMLParser.maximumAliases else {
                throw YAMLError(message: "more than \(YAMLParser.maximumAliases) aliases", mark: mark)
            }
            guard let node = anchors[name] else {
                throw YAMLError(message: "unknown anchor '\(name)'", mark: mark)
            }
            return YAMLNode(value: node.value, mark: mark, tag: node.tag)
        default:
            throw YAMLError(message: "unexpected YAML event", mark: mark)
        }
    }

    mutating func remember(_ node: YAMLNode, anchor: String?) -> YAMLNode {
        if let anchor { anchors[anchor] = node }
        return node
    }

    func parserError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = state.context.map { String(cString: $0) }
        let mark = YAMLMark(line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1)
        return YAMLError(message: context.map { "\(problem) \($0)" } ?? problem, mark: mark)
    }

    static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
