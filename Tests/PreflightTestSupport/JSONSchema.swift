import Foundation

/// A JSON value, decoded without Foundation's number/boolean ambiguity.
public enum JSONValue: Decodable, Equatable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    public var string: String? { if case .string(let text) = self { return text } else { return nil } }
    public var array: [JSONValue]? { if case .array(let items) = self { return items } else { return nil } }
    public var object: [String: JSONValue]? { if case .object(let members) = self { return members } else { return nil } }
    public var number: Double? { if case .number(let value) = self { return value } else { return nil } }

    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }
}

/// A validator for the JSON Schema draft-04 keywords that the SARIF 2.1.0 schema uses: `$ref` to definitions, `type`,
/// `properties`, `required`, `additionalProperties`, `items`, `enum`, `minimum`, `maximum`, `minItems`, `uniqueItems`,
/// `pattern`, `format` (uri, uri-reference, date-time), `anyOf`, `oneOf`, `allOf` and `not`. Any other keyword in
/// the schema is an error, so that the validator cannot silently check less than the schema says.
public struct JSONSchema: Sendable {
    let root: JSONValue
    static let annotations: Set<String> = ["$schema", "id", "title", "description", "default", "definitions"]
    static let keywords: Set<String> = [
        "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "minimum", "maximum",
        "minItems", "uniqueItems", "pattern", "format", "anyOf", "oneOf", "allOf", "not",
    ]

    public init(_ data: Data) throws {
        root = try JSONValue.parse(data)
    }

    /// The official SARIF 2.1.0 schema kept with the tests.
    public static func sarif() throws -> JSONSchema {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/sarif-schema-2.1.0.json")
        return try JSONSchema(Data(contentsOf: url))
    }

    /// Every violation, as `path: problem`; empty when the document is valid.
    public func errors(in document: JSONValue) -> [String] {
        var errors: [String] = []
        check(document, against: root, at: "$", into: &errors, patterns: Patterns())
        return errors
    }

    /// Compiled `pattern` regexes, reused across one validation.
    final class Patterns {
        var compiled: [String: NSRegularExpression?] = [:]

        func regex(_ pattern: String) -> NSRegularExpression? {
            if let regex = compiled[pattern] { return regex }
            let regex = try? NSRegularExpression(pattern: pattern)
            compiled[pattern] = regex
            return regex
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var node: JSONValue? = root
        for part in reference.dropFirst().split(separator: "/") {
            node = node?[String(part).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return node
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String], patterns: Patterns) {
        guard let keywords = schema.object else { return errors.append("\(path): schema is not an object") }
        for key in keywords.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            errors.append("\(path): unsupported schema keyword \(key)")
        }
        if let reference = keywords["$ref"]?.string {
            guard let target = resolve(reference) else { return errors.append("\(path): unresolved $ref \(reference)") }
            check(value, against: target, at: path, into: &errors, patterns: patterns)
        }
        if let type = keywords["type"] {
            let allowed = type.array?.compactMap(\.string) ?? type.string.map { [$0] } ?? []
            if !allowed.contains(where: { Self.value(value, isOfType: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(Self.typeName(value))")
                return
            }
        }
        if let choices = keywords["enum"]?.array, !choices.contains(value) {
            errors.append("\(path): \(Self.describe(value)) is not one of the allowed values")
        }
        switch value {
        case .object(let members):
            let properties = keywords["properties"]?.object ?? [:]
            for name in keywords["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
                errors.append("\(path): missing required property \(name)")
            }
            for (name, member) in members {
                if let propertySchema = properties[name] {
                    check(member, against: propertySchema, at: "\(path).\(name)", into: &errors, patterns: patterns)
                } else if let additional = keywords["additionalProperties"] {
                    if case .bool(false) = additional {
                        errors.append("\(path): property \(name) is not allowed")
                    } else if additional.object != nil {
                        check(member, against: additional, at: "\(path).\(name)", into: &errors, patterns: patterns)
                    }
                }
            }
        case .array(let items):
            if let minimum = keywords["minItems"]?.number, Double(items.count) < minimum {
                errors.append("\(path): \(items.count) items, at least \(Int(minimum)) required")
            }
            if case .bool(true)? = keywords["uniqueItems"] {
                for (index, item) in items.enumerated() where items[..<index].contains(item) {
                    errors.append("\(path)[\(index)]: duplicate item")
                }
            }
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(index)]", into: &errors, patterns: patterns) }
            }
        case .number(let number):
            if let minimum = keywords["minimum"]?.number, number < minimum { errors.append("\(path): \(number) is below \(minimum)") }
            if let maximum = keywords["maximum"]?.number, number > maximum { errors.append("\(path): \(number) is above \(maximum)") }
        case .string(let text):
            if let pattern = keywords["pattern"]?.string {
                if patterns.regex(pattern)?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    errors.append("\(path): \(Self.describe(value)) does not match \(pattern)")
                }
            }
            if let format = keywords["format"]?.string, !Self.value(text, hasFormat: format) {
                errors.append("\(path): \(Self.describe(value)) is not a valid \(format)")
            }
        default:
            break
        }
        if let all = keywords["allOf"]?.array {
            for sub in all { check(value, against: sub, at: path, into: &errors, patterns: patterns) }
        }
        if let any = keywords["anyOf"]?.array, !any.contains(where: { passes(value, $0, patterns) }) {
            errors.append("\(path): matches none of the anyOf schemas")
        }
        if let one = keywords["oneOf"]?.array, one.filter({ passes(value, $0, patterns) }).count != 1 {
            errors.append("\(path): must match exactly one of the oneOf schemas")
        }
        if let not = keywords["not"], passes(value, not, patterns) {
            errors.append("\(path): matches a schema it must not match")
        }
    }

    private func passes(_ value: JSONValue, _ schema: JSONValue, _ patterns: Patterns) -> Bool {
        var errors: [String] = []
        check(value, against: schema, at: "$", into: &errors, patterns: patterns)
        return errors.isEmpty
    }

    static func value(_ value: JSONValue, isOfType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): return true
        case ("integer", .number(let number)): return number == number.rounded()
        default: return false
        }
    }

    static func value(_ text: String, hasFormat format: String) -> Bool {
        switch format {
        case "uri":
            guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isLetter else { return false }
            return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && !text.contains(" ")
        case "uri-reference":
            return !text.contains(" ") && URLComponents(string: text) != nil
        case "date-time":
            return text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
        default:
            return true
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func describe(_ value: JSONValue) -> String {
        if case .string(let text) = value { return "\"\(text.prefix(60))\"" }
        return typeName(value)
    }
}
