/// A YAML text that libyaml could not parse, or that this wrapper refuses (too deep, too many aliases).
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let mark: YAMLMark

    public init(message: String, mark: YAMLMark) {
        self.message = message
        self.mark = mark
    }

    public var description: String { "\(mark): \(message)" }
}
