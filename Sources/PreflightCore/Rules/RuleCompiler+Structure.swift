import PCRE2Kit

extension RuleCompiler {
    /// Validates and compiles a rule's structural conditions; errors go to `fail(key, message)`.
    func compileStructure(_ spec: RuleSpec, pattern: Pattern?, fail: (String, String) -> Void) -> StructuralConditions {
        let structure = spec.structure
        func blockKind(_ name: String?, key: String) -> BlockKind? {
            guard let name else { return nil }
            guard let kind = BlockKind(rawValue: name) else {
                fail(key, "unknown block '\(Redaction.shown(name))'; use \(BlockKind.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return kind
        }
        func templates(_ sources: [String], key: String, placeholders: Bool = true) -> [PatternTemplate] {
            sources.compactMap { source -> PatternTemplate? in
                do throws(PCRE2Error) {
                    let template = try PatternTemplate(source)
                    if !placeholders && !template.captureNames.isEmpty {
                        fail(key, "'\(key)' is evaluated across the repository and cannot use {{captures}}")
                    }
                    for name in template.captureNames where pattern?.groupNumbers[name] == nil && pattern != nil {
                        fail(key, "'\(key)' refers to '{{\(name)}}', which is not a named capture of the regex")
                    }
                    return template
                } catch {
                    fail(key, "'\(key)' regex does not compile: \(error.message) at offset \(error.patternOffset ?? 0) of the pattern")
                    return nil
                }
            }
        }
        func enclosing(_ items: [StructureSpec.Enclosing], key: String) -> [(header: PatternTemplate, block: BlockKind)] {
            items.compactMap { item in
                guard let header = templates([item.header], key: key).first, let block = blockKind(item.block, key: key) else { return nil }
                return (header, block)
            }
        }
        let block = blockKind(structure.block, key: "block")
        if block == nil && structure.block == nil && (!structure.has.isEmpty || !structure.lacks.isEmpty) {
            fail(structure.has.isEmpty ? "lacks" : "has", "'has' and 'lacks' look inside the match's block: say which with 'block'")
        }
        var endpoint: StructuralConditions.EndpointTemplate?
        if let spec = structure.endpoint {
            let guardKind = StructuralConditions.GuardKind(rawValue: spec.guardKind)
            if guardKind == nil {
                fail("endpoint", "unknown endpoint guard '\(Redaction.shown(spec.guardKind))'; use authentication or rate-limit")
            }
            let method = MessageTemplate(spec.method), path = MessageTemplate(spec.path)
            let methods = spec.methods.map(MessageTemplate.init)
            for name in method.captureNames + path.captureNames + (methods?.captureNames ?? []) where pattern != nil && pattern?.groupNumbers[name] == nil {
                fail("endpoint", "'endpoint' refers to '{{\(name)}}', which is not a named capture of the regex")
            }
            let prefix = spec.prefix.flatMap { templates([$0], key: "endpoint").first }
            if let prefix, prefix.groupNumbers["prefix"] == nil {
                fail("endpoint", "'prefix' needs a named capture 'prefix' (the router's path prefix)")
            }
            var mount: Pattern?
            if let source = spec.mount {
                do {
                    let compiled = try Pattern(source, options: .multiline)
                    if compiled.groupNumbers["ref"] == nil || compiled.groupNumbers["prefix"] == nil {
                        fail("endpoint", "'mount' needs named captures 'ref' (the router) and 'prefix' (its path)")
                    } else if pattern?.groupNumbers["router"] == nil {
                        fail("endpoint", "'mount' matches routers by the regex's 'router' capture, which it does not have")
                    } else {
                        mount = compiled
                    }
                } catch {
                    fail("endpoint", "'mount' regex does not compile: \(error.message) at offset \(error.patternOffset ?? 0) of the pattern")
                }
            }
            if let guardKind {
                endpoint = .init(framework: spec.framework, method: method, path: path, guardKind: guardKind,
                                 reportMethods: spec.reportMethods.isEmpty ? nil : Set(spec.reportMethods.map { $0.uppercased() }), prefix: prefix,
                                 methods: methods, mount: mount)
            }
        }
        /// The repository patterns of `key`: plain ones, and keyed ones that name one of the match's captures.
        func repositoryPatterns(_ sources: [String], key: String) -> (plain: [Pattern], keyed: [KeyedPattern]) {
            var plain: [Pattern] = [], keyed: [KeyedPattern] = []
            for source in sources {
                do throws(KeyedPatternError) {
                    if let condition = try KeyedPattern(source) {
                        if let pattern, pattern.groupNumbers[condition.capture] == nil {
                            fail(key, "'\(key)' refers to '{{\(condition.capture)}}', which is not a named capture of the regex")
                        }
                        keyed.append(condition)
                        continue
                    }
                } catch {
                    switch error {
                    case .severalCaptures: fail(key, "a repository condition may name one capture of the match")
                    case .regex(let error): fail(key, "repository regex does not compile: \(error.message) at offset \(error.patternOffset ?? 0) of the pattern")
                    }
                    continue
                }
                do throws(PCRE2Error) { plain.append(try Pattern(source, options: .multiline)) } catch {
                    fail(key, "repository regex does not compile: \(error.message) at offset \(error.patternOffset ?? 0) of the pattern")
                }
            }
            return (plain, keyed)
        }
        if let report = structure.report, !["once", "each", "unused-suppression"].contains(report) {
            fail("report", "'report' is once, each or unused-suppression, found '\(Redaction.shown(report))'")
        }
        let pathExists = structure.pathExists.compactMap(Glob.init)
        let pathMissing = structure.pathMissing.compactMap(Glob.init)
        if pathExists.count != structure.pathExists.count || pathMissing.count != structure.pathMissing.count {
            fail("path-exists", "path globs must not be empty")
        }
        let repoHas = repositoryPatterns(structure.repoHas, key: "repo-has")
        let repoLacks = repositoryPatterns(structure.repoLacks, key: "repo-lacks")
        return StructuralConditions(
            block: block,
            has: templates(structure.has, key: "has"),
            lacks: templates(structure.lacks, key: "lacks"),
            fileHas: templates(structure.fileHas, key: "file-has"),
            fileLacks: templates(structure.fileLacks, key: "file-lacks"),
            inside: enclosing(structure.inside, key: "inside"),
            notInside: enclosing(structure.notInside, key: "not-inside"),
            repoHas: repoHas.plain,
            repoLacks: repoLacks.plain,
            repoHasKeyed: repoHas.keyed,
            repoLacksKeyed: repoLacks.keyed,
            pathExists: pathExists,
            pathMissing: pathMissing,
            endpoint: endpoint,
            reportsEachMatch: structure.report == "each",
            reportsUnusedSuppressions: structure.report == "unused-suppression"
        )
    }
}
