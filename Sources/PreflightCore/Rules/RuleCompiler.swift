import PCRE2Kit

/// Validates a decoded `RuleSpec` and compiles its patterns once.
struct RuleCompiler {
    static let flagOptions: [String: PatternOptions] = [
        "caseless": .caseless, "dotall": .dotAll, "extended": .extended,
    ]

    /// The compiled rule, or every error found in the spec.
    func compile(_ spec: RuleSpec, isBuiltin: Bool) -> Result<Rule, RuleRejectedError> {
        var errors: [RuleError] = []
        func fail(_ key: String, _ message: String) {
            errors.append(RuleError(spec.origin(of: key), ruleId: spec.id, message))
        }
        if !Self.isKebabCase(spec.id) { fail("id", "rule ids are kebab-case (lower-case words joined by '-'), found '\(Redaction.shown(spec.id))'") }
        for alias in spec.aliases where !Self.isKebabCase(alias) { fail("aliases", "alias '\(Redaction.shown(alias))' is not kebab-case") }
        if !Self.isKebabCase(spec.pack) { fail("pack", "pack names are kebab-case, found '\(Redaction.shown(spec.pack))'") }
        for key in ["title", "description", "help", "message"] where Self.value(of: key, in: spec).allSatisfy(\.isWhitespace) {
            fail(key, "'\(key)' must not be empty")
        }
        let severity = Severity(rawValue: spec.severity)
        if severity == nil {
            fail("severity", "unknown severity '\(Redaction.shown(spec.severity))'; use one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let confidence = Confidence(rawValue: spec.confidence)
        if confidence == nil {
            fail("confidence", "unknown confidence '\(Redaction.shown(spec.confidence))'; use one of \(Confidence.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for language in spec.languages where !Language.names.contains(language) {
            let hint = Suggestion.hint(Suggestion.closest(to: language, among: Language.names))
            fail("languages", "unknown language '\(Redaction.shown(language))'\(hint)")
        }
        for keyword in spec.keywords where keyword.isEmpty { fail("keywords", "keywords must not be empty") }

        let pattern = Self.pattern(of: spec, fail: fail)
        var secretGroup: Int?
        if let secret = spec.secret, let pattern {
            if let number = Int(secret), number >= 0, number <= pattern.captureCount {
                secretGroup = number
            } else if let number = pattern.groupNumbers[secret] {
                secretGroup = number
            } else {
                fail("secret", "'secret' names '\(Redaction.shown(secret))', which is not a capture group of the regex")
            }
        }
        if let pattern {
            for name in MessageTemplate(spec.message).captureNames where name != "secret" && pattern.groupNumbers[name] == nil {
                fail("message", "the message refers to '{{\(name)}}', which is not a named capture of the regex")
            }
        }
        var allows: [(target: RuleSpec.Allow.Target, pattern: Pattern)] = []
        for allow in spec.allow {
            if case .capture(let name) = allow.target, let pattern, pattern.groupNumbers[name] == nil {
                errors.append(RuleError(allow.origin, ruleId: spec.id, "'allow' targets '\(Redaction.shown(name))', which is neither secret, match, line nor a named capture of the regex"))
                continue
            }
            switch Self.pattern(of: allow, ruleId: spec.id) {
            case .success(let compiled): allows.append((allow.target, compiled))
            case .failure(let error): errors.append(error)
            }
        }
        func regionSet(_ names: [String]) -> Set<RegionKind>? {
            var kinds = Set<RegionKind>()
            for name in names {
                if name == "any" { return nil }
                guard let kind = RegionKind(rawValue: name) else {
                    fail("in", "unknown region '\(Redaction.shown(name))'; use code, comment, string, docstring or any")
                    continue
                }
                kinds.insert(kind)
            }
            return kinds.isEmpty ? nil : kinds
        }
        let regions = regionSet(spec.regions)
        var captureRegions: [String: Set<RegionKind>] = [:]
        for (name, kinds) in spec.captureRegions {
            if let pattern, pattern.groupNumbers[name] == nil {
                fail("in", "'in' names '\(Redaction.shown(name))', which is not a named capture of the regex")
            }
            captureRegions[name] = regionSet(kinds)
        }
        let structure = compileStructure(spec, pattern: pattern, fail: fail)
        var contexts = Set<FindingContext>()
        for name in spec.contexts {
            if let context = FindingContext(rawValue: name) {
                contexts.insert(context)
            } else {
                fail("contexts", "unknown context '\(Redaction.shown(name))'; use \(FindingContext.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let includes = spec.includePaths.compactMap(Glob.init)
        let excludes = spec.excludePaths.compactMap(Glob.init)
        if includes.count != spec.includePaths.count || excludes.count != spec.excludePaths.count {
            fail("paths", "path globs must not be empty")
        }
        guard errors.isEmpty, let severity, let confidence, let pattern else {
            return .failure(RuleRejectedError(errors: errors))
        }
        return .success(Rule(
            spec: spec, severity: severity, confidence: confidence, pattern: pattern, secretGroup: secretGroup,
            allows: allows, includes: includes, excludes: excludes, regions: regions,
            captureRegions: captureRegions.compactMapValues { $0 }, structure: structure,
            contexts: contexts.isEmpty ? nil : contexts, isBuiltin: isBuiltin
        ))
    }

    /// The errors of a rule's regular expressions alone (its flags, its regex, its allow patterns), for a rule
    /// whose other keys had errors: a misspelt key must not hide the regex error next to it.
    func patternErrors(of spec: RuleSpec) -> [RuleError] {
        var errors: [RuleError] = []
        _ = Self.pattern(of: spec) { key, message in errors.append(RuleError(spec.origin(of: key), ruleId: spec.id, message)) }
        for allow in spec.allow {
            if case .failure(let error) = Self.pattern(of: allow, ruleId: spec.id) { errors.append(error) }
        }
        return errors
    }

    /// An allow pattern compiled, or the error that names it.
    private static func pattern(of allow: RuleSpec.Allow, ruleId: String) -> Result<Pattern, RuleError> {
        do {
            return .success(try Pattern(allow.regex, options: .multiline))
        } catch {
            return .failure(RuleError(allow.origin, ruleId: ruleId, "allow regex does not compile: \(error.message) at offset \(error.patternOffset ?? 0) of the pattern"))
        }
    }

    /// The rule's regex compiled with its flags, or nil after reporting why not.
    private static func pattern(of spec: RuleSpec, fail: (String, String) -> Void) -> Pattern? {
        var options: PatternOptions = .multiline
        for flag in spec.regexFlags {
            if let option = flagOptions[flag] {
                options.insert(option)
            } else {
                fail("regex-flags", "unknown regex flag '\(Redaction.shown(flag))'; use \(flagOptions.keys.sorted().joined(separator: ", "))")
            }
        }
        do {
            return try Pattern(spec.regex, options: options)
        } catch {
            fail("regex", "regex does not compile: \(error.message) at offset \(error.patternOffset ?? 0) of the pattern")
            return nil
        }
    }

    static func isKebabCase(_ text: String) -> Bool {
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        return !text.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    private static func value(of key: String, in spec: RuleSpec) -> String {
        switch key {
        case "title": return spec.title
        case "description": return spec.description
        case "help": return spec.help
        default: return spec.message
        }
    }
}

/// The errors that kept one rule from compiling.
struct RuleRejectedError: Error {
    let errors: [RuleError]
}
