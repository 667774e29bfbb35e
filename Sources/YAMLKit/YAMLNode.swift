/// A node of a parsed YAML document, with the position where it starts.
public struct YAMLNode: Sendable {
    /// How a scalar was written; plain scalars are the only ones a schema may read as numbers or booleans.
    public enum ScalarStyle: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The content of a node.
    public indirect enum Value: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public let value: Value
    public let mark: YAMLMark
    /// An explicit tag such as `!!str`, when one was written.
    public let tag: String?

    public init(value: Value, mark: YAMLMark, tag: String? = nil) {
        self.value = value
        self.mark = mark
        self.tag = tag
    }

    /// The scalar text, when this node is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// True for a plain `null`, `~` or empty scalar without a tag.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = value, tag == nil else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A short name of the node's kind, for error messages.
    public var kindName: String {
        switch value {
        case .scalar: return isNull ? "null" : "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
