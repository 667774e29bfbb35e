import YAMLKit

/// Reads typed values out of a parsed YAML file, collecting every error with its file, line and column (and the
/// rule concerned, for rule files). Shared by the rule decoder and the repository configuration.
struct YAMLReader {
    let file: String
    var errors: [RuleError] = []
    /// Keys suggested for misspelt ones in the current mapping: not reported again as missing.
    var suggested: Set<String> = []

    init(file: String) {
        self.file = file
    }

    func origin(_ node: YAMLNode) -> RuleSpec.Origin {
        RuleSpec.Origin(file: file, line: node.mark.line, column: node.mark.column)
    }

    mutating func fail(_ node: YAMLNode, _ ruleId: String?, _ message: String) {
        errors.append(RuleError(origin(node), ruleId: ruleId, message))
    }

    /// The pairs of a mapping node, after reporting duplicate keys, non-scalar keys and keys not in `allowed`.
    mutating func pairs(_ node: YAMLNode, allowed: [String], what: String, ruleId: String?) -> [String: YAMLNode]? {
        guard case .mapping(let entries) = node.value else {
            fail(node, ruleId, "\(what) must be a mapping, found \(node.kindName)")
            return nil
        }
        var result: [String: YAMLNode] = [:]
        for (key, value) in entries {
            guard let name = key.scalar else {
                fail(key, ruleId, "keys of \(what) must be scalars, found \(key.kindName)")
                continue
            }
            guard allowed.contains(name) else {
                let suggestion = Suggestion.closest(to: name, among: allowed)
                if let suggestion { suggested.insert(suggestion) }
                fail(key, ruleId, "unknown key '\(Redaction.shown(name))' in \(what)\(Suggestion.hint(suggestion))")
                continue
            }
            if result[name] != nil {
                fail(key, ruleId, "duplicate key '\(Redaction.shown(name))' in \(what)")
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func string(_ node: YAMLNode, key: String, ruleId: String?) -> String? {
        guard case .scalar(let text, _) = node.value, !node.isNull else {
            fail(node, ruleId, "'\(key)' must be a string, found \(node.kindName)")
            return nil
        }
        return text
    }

    /// The strings under `key`, or none when the key is absent.
    mutating func optionalStrings(_ fields: [String: YAMLNode], _ key: String, ruleId: String?) -> [String] {
        guard let value = fields[key] else { return [] }
        return strings(value, key: key, ruleId: ruleId) ?? []
    }

    /// A list of strings; a single string is accepted as a list of one.
    mutating func strings(_ node: YAMLNode, key: String, ruleId: String?) -> [String]? {
        switch node.value {
        case .scalar(let text, _) where !node.isNull:
            return [text]
        case .sequence(let items):
            var values: [String] = []
            for item in items {
                guard let text = item.scalar, !item.isNull else {
                    fail(item, ruleId, "items of '\(key)' must be strings, found \(item.kindName)")
                    continue
                }
                values.append(text)
            }
            return values
        default:
            fail(node, ruleId, "'\(key)' must be a string or a list of strings, found \(node.kindName)")
            return nil
        }
    }
}
