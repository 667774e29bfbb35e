import YAMLKit

/// Decodes rule files (YAML) into `RuleSpec`s, collecting every shape error with its file, line and column.
public struct RuleDecoder {
    static let ruleKeys: [String] = [
        "id", "aliases", "pack", "title", "description", "help", "severity", "confidence", "message",
        "paths", "languages", "regex", "regex-flags", "keywords", "secret", "min-entropy", "allow", "tags",
        "superseded-by", "window", "in", "block", "has", "lacks", "file-has", "file-lacks", "inside", "not-inside",
        "repo-has", "repo-lacks", "path-exists", "path-missing", "endpoint", "report", "contexts", "examples", "use", "lines",
    ]
    static let requiredKeys: [String] = [
        "id", "pack", "title", "description", "help", "severity", "confidence", "message", "regex",
    ]

    public init() {}

    /// What one rule file holds: its rules, its named fragments (`define:`), its errors, and the rules that had
    /// errors, as far as they decoded: their regular expressions are still checked, so that a misspelt key does
    /// not hide a regex error next to it.
    public struct Decoded {
        public var rules: [RuleSpec] = []
        public var fragments: [RuleFragment] = []
        public var errors: [RuleError] = []
        public var incomplete: [RuleSpec] = []
    }

    /// Decodes the rules and fragments of one file. `file` is the name used in errors.
    public func decode(text: String, file: String) -> Decoded {
        let documents: [YAMLNode]
        do {
            documents = try YAMLParser.parse(text)
        } catch {
            return Decoded(errors: [RuleError(file: file, line: error.mark.line, column: error.mark.column, ruleId: nil, message: "invalid YAML: \(error.message)")])
        }
        var context = YAMLReader(file: file)
        var decoded = Decoded()
        func read(_ node: YAMLNode) {
            if case .mapping(let entries) = node.value, entries.contains(where: { $0.key.scalar == "define" }) {
                if let fragment = context.fragment(node) { decoded.fragments.append(fragment) }
                return
            }
            let before = context.errors.count
            guard let rule = context.rule(node) else { return }
            if context.errors.count == before { decoded.rules.append(rule) } else { decoded.incomplete.append(rule) }
        }
        for document in documents {
            switch document.value {
            case .mapping:
                read(document)
            case .sequence(let items):
                items.forEach(read)
            case .scalar where document.isNull:
                continue
            case .scalar:
                context.fail(document, nil, "a rule file holds a rule (a mapping) or a list of rules, found a scalar")
            }
        }
        decoded.errors = context.errors
        return decoded
    }
}

/// Reading rules out of a rule file.
private extension YAMLReader {
    mutating func rule(_ node: YAMLNode) -> RuleSpec? {
        var ruleId: String?
        if case .mapping(let entries) = node.value,
            let idNode = entries.first(where: { $0.key.scalar == "id" })?.value {
            ruleId = idNode.scalar
        }
        suggested = []
        guard let fields = pairs(node, allowed: RuleDecoder.ruleKeys, what: "a rule", ruleId: ruleId) else { return nil }
        for key in RuleDecoder.requiredKeys where fields[key] == nil && !suggested.contains(key) {
            fail(node, ruleId, "missing required key '\(key)'")
        }
        func text(_ key: String) -> String {
            guard let value = fields[key] else { return "" }
            return string(value, key: key, ruleId: ruleId) ?? ""
        }
        func list(_ key: String) -> [String] { optionalStrings(fields, key, ruleId: ruleId) }
        var spec = RuleSpec(
            id: text("id"), pack: text("pack"), title: text("title"), description: text("description"),
            help: text("help"), severity: text("severity"), confidence: text("confidence"),
            message: text("message"), regex: text("regex"), origin: origin(node)
        )
        spec.aliases = list("aliases")
        spec.languages = list("languages")
        spec.regexFlags = list("regex-flags")
        spec.keywords = list("keywords")
        spec.tags = list("tags")
        spec.supersededBy = list("superseded-by")
        spec.contexts = list("contexts")
        spec.uses = list("use")
        if let secret = fields["secret"] { spec.secret = string(secret, key: "secret", ruleId: ruleId) }
        if let entropy = fields["min-entropy"] {
            if let value = entropy.scalar.flatMap(Double.init), value >= 0 {
                spec.minEntropy = value
            } else {
                fail(entropy, ruleId, "'min-entropy' must be a number of bits per character, 0 or more")
            }
        }
        if let window = fields["window"] {
            if window.scalar == "file" {
                spec.window = nil
            } else if let lines = window.scalar.flatMap(Int.init), (0...1000).contains(lines) {
                spec.window = lines
            } else {
                fail(window, ruleId, "'window' is a number of lines (0 to 1000) or 'file'")
            }
        }
        if let lines = fields["lines"] {
            switch lines.scalar {
            case "logical": spec.logicalLines = true
            case "physical": spec.logicalLines = false
            default: fail(lines, ruleId, "'lines' is 'physical' (the default) or 'logical'")
            }
        }
        spec.structure = structure(fields, ruleId: ruleId)
        if let regions = fields["in"] {
            if case .mapping(let entries) = regions.value {
                for (key, value) in entries {
                    guard let name = key.scalar else { continue }
                    spec.captureRegions[name] = strings(value, key: "in", ruleId: ruleId) ?? []
                }
            } else {
                spec.regions = strings(regions, key: "in", ruleId: ruleId) ?? []
            }
        }
        if let paths = fields["paths"], let scopes = pairs(paths, allowed: ["include", "exclude"], what: "'paths'", ruleId: ruleId) {
            spec.includePaths = scopes["include"].flatMap { strings($0, key: "include", ruleId: ruleId) } ?? []
            spec.excludePaths = scopes["exclude"].flatMap { strings($0, key: "exclude", ruleId: ruleId) } ?? []
        }
        if let allow = fields["allow"] { spec.allow = allows(allow, ruleId: ruleId) }
        if let examples = fields["examples"] { spec.examples = self.examples(examples, ruleId: ruleId) }
        for (key, value) in fields { spec.keyOrigins[key] = origin(value) }
        return spec
    }

    /// A named fragment: `define: name`, an optional `description`, and the conditions it adds to the rules
    /// that use it.
    mutating func fragment(_ node: YAMLNode) -> RuleFragment? {
        guard let fields = pairs(node, allowed: ["define", "description"] + RuleFragment.conditionKeys, what: "a fragment", ruleId: nil),
              let nameNode = fields["define"], let name = string(nameNode, key: "define", ruleId: nil) else { return nil }
        var fragment = RuleFragment(name: name, origin: origin(node))
        if let allow = fields["allow"] { fragment.allow = allows(allow, ruleId: nil) }
        fragment.notInside = enclosing(fields["not-inside"], key: "not-inside", ruleId: nil)
        fragment.lacks = optionalStrings(fields, "lacks", ruleId: nil)
        fragment.fileLacks = optionalStrings(fields, "file-lacks", ruleId: nil)
        fragment.repoHas = optionalStrings(fields, "repo-has", ruleId: nil)
        fragment.repoLacks = optionalStrings(fields, "repo-lacks", ruleId: nil)
        if let paths = fields["paths"], let scopes = pairs(paths, allowed: ["exclude"], what: "a fragment's 'paths'", ruleId: nil) {
            fragment.excludePaths = scopes["exclude"].flatMap { strings($0, key: "exclude", ruleId: nil) } ?? []
        }
        if let description = fields["description"] { _ = string(description, key: "description", ruleId: nil) }
        return fragment
    }

    mutating func structure(_ fields: [String: YAMLNode], ruleId: String?) -> StructureSpec {
        var structure = StructureSpec()
        func list(_ key: String) -> [String] { optionalStrings(fields, key, ruleId: ruleId) }
        if let block = fields["block"] { structure.block = string(block, key: "block", ruleId: ruleId) }
        if let report = fields["report"] { structure.report = string(report, key: "report", ruleId: ruleId) }
        structure.has = list("has")
        structure.lacks = list("lacks")
        structure.fileHas = list("file-has")
        structure.fileLacks = list("file-lacks")
        structure.repoHas = list("repo-has")
        structure.repoLacks = list("repo-lacks")
        structure.pathExists = list("path-exists")
        structure.pathMissing = list("path-missing")
        structure.inside = enclosing(fields["inside"], key: "inside", ruleId: ruleId)
        structure.notInside = enclosing(fields["not-inside"], key: "not-inside", ruleId: ruleId)
        if let node = fields["endpoint"],
            let entries = pairs(node, allowed: ["framework", "method", "path", "guard", "report-methods", "prefix", "methods", "mount"], what: "'endpoint'", ruleId: ruleId) {
            for key in ["framework", "method", "path", "guard"] where entries[key] == nil {
                fail(node, ruleId, "'endpoint' needs '\(key)'")
            }
            func text(_ key: String) -> String { entries[key].flatMap { string($0, key: key, ruleId: ruleId) } ?? "" }
            structure.endpoint = .init(framework: text("framework"), method: text("method"), path: text("path"), guardKind: text("guard"))
            structure.endpoint?.reportMethods = optionalStrings(entries, "report-methods", ruleId: ruleId)
            structure.endpoint?.prefix = entries["prefix"].flatMap { string($0, key: "prefix", ruleId: ruleId) }
            structure.endpoint?.methods = entries["methods"].flatMap { string($0, key: "methods", ruleId: ruleId) }
            structure.endpoint?.mount = entries["mount"].flatMap { string($0, key: "mount", ruleId: ruleId) }
        }
        return structure
    }

    /// `inside` / `not-inside`: one mapping `{header, block}` or a list of them.
    mutating func enclosing(_ node: YAMLNode?, key: String, ruleId: String?) -> [StructureSpec.Enclosing] {
        guard let node else { return [] }
        let items: [YAMLNode]
        if case .sequence(let list) = node.value { items = list } else { items = [node] }
        var result: [StructureSpec.Enclosing] = []
        for item in items {
            guard let entries = pairs(item, allowed: ["header", "block"], what: "'\(key)'", ruleId: ruleId) else { continue }
            guard let headerNode = entries["header"], let header = string(headerNode, key: "header", ruleId: ruleId),
                let blockNode = entries["block"], let block = string(blockNode, key: "block", ruleId: ruleId) else {
                fail(item, ruleId, "'\(key)' needs 'header' (a regex) and 'block' (\(BlockKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            result.append(.init(header: header, block: block, origin: origin(headerNode)))
        }
        return result
    }

    mutating func allows(_ node: YAMLNode, ruleId: String?) -> [RuleSpec.Allow] {
        guard case .sequence(let items) = node.value else {
            fail(node, ruleId, "'allow' must be a list of regexes, found \(node.kindName)")
            return []
        }
        var result: [RuleSpec.Allow] = []
        for item in items {
            if let regex = item.scalar, !item.isNull {
                result.append(.init(target: .secret, regex: regex, origin: origin(item)))
                continue
            }
            guard case .mapping(let entries) = item.value, entries.count == 1, let key = entries[0].key.scalar else {
                fail(item, ruleId, "an 'allow' entry is a regex, or a mapping of one target (secret, match, line or a capture name) to a regex")
                continue
            }
            if let regex = string(entries[0].value, key: key, ruleId: ruleId) {
                result.append(.init(target: RuleSpec.Allow.Target(key: key), regex: regex, origin: origin(entries[0].value)))
            }
        }
        return result
    }

    mutating func examples(_ node: YAMLNode, ruleId: String?) -> [RuleExample] {
        guard let groups = pairs(node, allowed: ["match", "no-match"], what: "'examples'", ruleId: ruleId) else { return [] }
        var result: [RuleExample] = []
        for (key, expectsMatch) in [("match", true), ("no-match", false)] {
            guard let group = groups[key] else { continue }
            guard case .sequence(let items) = group.value else {
                fail(group, ruleId, "'\(key)' must be a list of examples, found \(group.kindName)")
                continue
            }
            for item in items {
                if let code = item.scalar, !item.isNull {
                    result.append(RuleExample(code: code, path: nil, expectsMatch: expectsMatch, origin: origin(item)))
                    continue
                }
                guard let fields = pairs(item, allowed: ["code", "path"], what: "an example", ruleId: ruleId) else { continue }
                guard let codeNode = fields["code"], let code = string(codeNode, key: "code", ruleId: ruleId) else {
                    if fields["code"] == nil { fail(item, ruleId, "an example needs 'code'") }
                    continue
                }
                let path = fields["path"].flatMap { string($0, key: "path", ruleId: ruleId) }
                result.append(RuleExample(code: code, path: path, expectsMatch: expectsMatch, origin: origin(codeNode)))
            }
        }
        return result
    }
}
