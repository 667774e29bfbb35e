import YAMLKit

/// Decodes `.scan.yml` into a `ScanConfig`, collecting every error (unknown keys included) with its position.
enum ConfigDecoder {
    /// The configuration as far as it decodes, and every error in it, sorted by position.
    static func decode(text: String, file: String) -> (config: ScanConfig, errors: [RuleError]) {
        var reader = YAMLReader(file: file)
        var config = ScanConfig(file: file)
        let documents: [YAMLNode]
        do {
            documents = try YAMLParser.parse(text)
        } catch {
            return (config, [RuleError(file: file, line: error.mark.line, column: error.mark.column, ruleId: nil, message: "invalid YAML: \(error.message)")])
        }
        guard let root = documents.first, !root.isNull else { return (config, []) }
        if documents.count > 1 { reader.fail(documents[1], nil, "a configuration file holds one YAML document") }
        guard let fields = reader.pairs(root, allowed: ScanConfig.keys, what: "the configuration", ruleId: nil) else {
            return (config, reader.errors)
        }
        if let node = fields["packs"], let packs = reader.pairs(node, allowed: ["only", "disable"], what: "'packs'", ruleId: nil) {
            config.onlyPacks = located(packs["only"], key: "only", &reader)
            config.disabledPacks = located(packs["disable"], key: "disable", &reader)
        }
        if let node = fields["rules"] {
            if case .mapping(let entries) = node.value {
                for (key, value) in entries {
                    guard let id = key.scalar else { continue }
                    config.rules[ScanConfig.Located(value: id, line: key.mark.line, column: key.mark.column)] = ruleOverride(value, id: id, &reader)
                }
            } else if !node.isNull {
                reader.fail(node, nil, "'rules' must be a mapping of rule ids to {enabled, severity}, found \(node.kindName)")
            }
        }
        config.ruleDirectories = located(fields["rule-directories"], key: "rule-directories", &reader)
        config.excludes = reader.optionalStrings(fields, "exclude", ruleId: nil)
        if let node = fields["contexts"] {
            let names = FindingContext.allCases.map(\.rawValue)
            // In the file's order: the first pattern that matches a path decides its context.
            if reader.pairs(node, allowed: names, what: "'contexts'", ruleId: nil) != nil, case .mapping(let entries) = node.value {
                for (key, value) in entries {
                    guard let name = key.scalar, let context = FindingContext(rawValue: name) else { continue }
                    for pattern in reader.strings(value, key: name, ruleId: nil) ?? [] {
                        if Glob(pattern) == nil { reader.fail(value, nil, "'\(Redaction.shown(pattern))' is not a path pattern") }
                        config.contextPatterns.append((context, pattern))
                    }
                }
            }
        }
        if let node = fields["score"], let score = reader.pairs(node, allowed: ["weights", "threshold"], what: "'score'", ruleId: nil) {
            if let weights = score["weights"] {
                if case .mapping(let entries) = weights.value {
                    for (key, value) in entries {
                        guard let pack = key.scalar else { continue }
                        if let weight = value.scalar.flatMap(Double.init), weight >= 0, weight <= 1000 {
                            config.weights[pack] = weight
                            config.weightPositions[pack] = ScanConfig.Located(value: pack, line: key.mark.line, column: key.mark.column)
                        } else {
                            reader.fail(value, nil, "the weight of '\(Redaction.shown(pack))' must be a number from 0 to 1000")
                        }
                    }
                } else {
                    reader.fail(weights, nil, "'weights' must be a mapping of pack names to numbers, found \(weights.kindName)")
                }
            }
            if let threshold = score["threshold"] {
                if let value = threshold.scalar.flatMap(Int.init), (0...100).contains(value) {
                    config.threshold = value
                } else {
                    reader.fail(threshold, nil, "'threshold' must be a score from 0 to 100")
                }
            }
        }
        if let node = fields["auth"], let auth = reader.pairs(node, allowed: ["public-routes"], what: "'auth'", ruleId: nil) {
            config.publicRoutes = reader.optionalStrings(auth, "public-routes", ruleId: nil)
        }
        if let node = fields["fail-on"] { config.failOn = severity(node, &reader) }
        if let node = fields["baseline"] { config.baseline = reader.string(node, key: "baseline", ruleId: nil) }
        return (config, reader.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    private static func located(_ node: YAMLNode?, key: String, _ reader: inout YAMLReader) -> [ScanConfig.Located<String>] {
        guard let node else { return [] }
        let items: [YAMLNode]
        if case .sequence(let list) = node.value { items = list } else { items = [node] }
        return items.compactMap { item in
            guard let text = reader.string(item, key: key, ruleId: nil) else { return nil }
            return ScanConfig.Located(value: text, line: item.mark.line, column: item.mark.column)
        }
    }

    private static func ruleOverride(_ node: YAMLNode, id: String, _ reader: inout YAMLReader) -> ScanConfig.RuleOverride {
        var result = ScanConfig.RuleOverride()
        guard let fields = reader.pairs(node, allowed: ["enabled", "severity"], what: "the settings of rule '\(Redaction.shown(id))'", ruleId: nil) else { return result }
        if let enabled = fields["enabled"] {
            switch enabled.scalar {
            case "true": result.enabled = true
            case "false": result.enabled = false
            default: reader.fail(enabled, nil, "'enabled' must be true or false")
            }
        }
        if let node = fields["severity"] { result.severity = severity(node, &reader) }
        return result
    }

    private static func severity(_ node: YAMLNode, _ reader: inout YAMLReader) -> Severity? {
        guard let text = node.scalar, let severity = Severity(rawValue: text) else {
            let names = Severity.allCases.map(\.rawValue)
            let hint = Suggestion.hint(node.scalar.flatMap { Suggestion.closest(to: $0, among: names) })
            reader.fail(node, nil, "a severity is one of \(names.joined(separator: ", ")), found \(node.scalar.map { "'\(Redaction.shown($0))'" } ?? node.kindName)\(hint)")
            return nil
        }
        return severity
    }
}
