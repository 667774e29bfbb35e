import Testing
@testable import PreflightCore

/// Every kind of rule-file error is reported with its file, line, column and rule id, and all of them at once.
@Suite struct RuleLoaderTests {
    static let valid = """
        id: demo-rule
        pack: demo
        title: Demo
        description: A demo rule.
        help: Fix it.
        severity: high
        confidence: medium
        message: "found {{word}}"
        regex: '(?<word>demo)'
        """

    func errors(_ files: [String: String]) -> [RuleError] {
        do {
            _ = try TestSupport.load(files)
            return []
        } catch {
            return error.errors
        }
    }

    func single(_ text: String) throws -> RuleError {
        let found = errors(["rules/demo.yml": text])
        try #require(found.count == 1, "expected one error, got \(found)")
        return found[0]
    }

    @Test func validRuleLoads() throws {
        let rules = try TestSupport.load(["rules/demo.yml": Self.valid])
        #expect(rules.rules.map(\.id) == ["demo-rule"])
        #expect(rules.rules[0].window == RuleSpec.defaultWindow)
    }

    @Test func unknownKeySuggestsTheRightOne() throws {
        let error = try single(Self.valid.replacingOccurrences(of: "severity: high", with: "sevrity: high"))
        #expect(error.file == "rules/demo.yml")
        #expect((error.line, error.column) == (6, 1))
        #expect(error.ruleId == "demo-rule")
        #expect(error.message.contains("unknown key 'sevrity'") && error.message.contains("did you mean 'severity'"))
        #expect(errors(["rules/demo.yml": Self.valid.replacingOccurrences(of: "severity: high", with: "sevrity: high")]).count == 1)
    }

    @Test func missingFieldIsReportedAtTheRule() throws {
        let error = try single(Self.valid.replacingOccurrences(of: "message: \"found {{word}}\"\n", with: ""))
        #expect((error.line, error.column) == (1, 1))
        #expect(error.message == "missing required key 'message'")
    }

    @Test func wrongTypeNamesTheKey() throws {
        let error = try single(Self.valid.replacingOccurrences(of: "title: Demo", with: "title: [a, b]"))
        #expect((error.line, error.column) == (3, 8))
        #expect(error.message.contains("'title' must be a string, found a list"))
    }

    @Test func regexThatDoesNotCompileGivesPCRE2MessageAndOffset() throws {
        let error = try single(Self.valid.replacingOccurrences(of: "regex: '(?<word>demo)'", with: "regex: '(?<word>demo'"))
        #expect((error.line, error.column) == (9, 8))
        #expect(error.message.contains("regex does not compile") && error.message.contains("offset 12"))
    }

    @Test func badEnumValuesAndUnknownCapturesAreErrors() throws {
        var text = Self.valid.replacingOccurrences(of: "severity: high", with: "severity: urgent")
        text = text.replacingOccurrences(of: "{{word}}", with: "{{missing}}")
        let found = errors(["rules/demo.yml": text])
        #expect(found.count == 2)
        #expect(found.contains { $0.line == 6 && $0.message.contains("unknown severity 'urgent'") })
        #expect(found.contains { $0.line == 8 && $0.message.contains("'{{missing}}'") })
    }

    @Test func duplicateIdsAcrossFilesPointAtTheSecond() throws {
        let found = errors(["rules/a.yml": Self.valid, "rules/b.yml": Self.valid])
        #expect(found.count == 1)
        #expect(found[0].file == "rules/b.yml")
        #expect(found[0].message.contains("duplicate rule id; first defined at rules/a.yml:1:1"))
    }

    @Test func invalidYAMLIsReportedWithPosition() throws {
        let error = try single("id: x\n  pack: [unclosed\n")
        #expect(error.line == 2)
        #expect(error.message.hasPrefix("invalid YAML"))
    }

    @Test func everyErrorOfEveryFileIsCollected() {
        let found = errors([
            "rules/a.yml": Self.valid.replacingOccurrences(of: "pack: demo", with: "pack: Demo Pack"),
            "rules/b.yml": Self.valid.replacingOccurrences(of: "demo-rule", with: "other-rule").replacingOccurrences(of: "confidence: medium", with: "confidence: sure"),
            "rules/c.yml": "- 42\n",
        ])
        #expect(Set(found.map(\.file)) == ["rules/a.yml", "rules/b.yml", "rules/c.yml"])
        #expect(found.allSatisfy { !$0.description.isEmpty && $0.description.contains(": error: ") })
    }

    @Test func secretAndAllowTargetsMustNameCaptures() {
        let text = Self.valid + "\nsecret: nope\nallow:\n  - ghost: 'x'\n"
        let found = errors(["rules/demo.yml": text])
        #expect(found.contains { $0.message.contains("'secret' names 'nope'") && $0.line == 10 })
        #expect(found.contains { $0.message.contains("'allow' targets 'ghost'") && $0.line == 12 })
    }

    @Test func aUserRuleReplacesTheBuiltInRuleWithItsId() throws {
        let builtin = RuleSource(name: "Rules/demo.yml", text: Self.valid, isBuiltin: true)
        let user = RuleSource(name: "mine/demo.yml", text: Self.valid.replacingOccurrences(of: "severity: high", with: "severity: low"), isBuiltin: false)
        let rules = try RuleSet.load([builtin, user])
        #expect(rules.rules.count == 1)
        #expect(rules.rules[0].severity == .low)
        #expect(!rules.rules[0].isBuiltin)
    }

    @Test func linesArePhysicalOrLogical() throws {
        #expect(try TestSupport.load(["r.yml": Self.valid + "\nlines: logical\n"]).rules[0].logicalLines)
        #expect(try !TestSupport.load(["r.yml": Self.valid]).rules[0].logicalLines)
        #expect(errors(["r.yml": Self.valid + "\nlines: joined\n"]).first?.message.contains("'lines' is 'physical'") == true)
    }

    @Test func windowAcceptsLinesOrFile() throws {
        let file = try TestSupport.load(["r.yml": Self.valid + "\nwindow: file\n"])
        #expect(file.rules[0].window == nil)
        let lines = try TestSupport.load(["r.yml": Self.valid + "\nwindow: 5\n"])
        #expect(lines.rules[0].window == 5)
        #expect(errors(["r.yml": Self.valid + "\nwindow: lots\n"]).first?.message.contains("'window'") == true)
    }

    @Test func builtInRulesAreKebabCaseAndDocumented() {
        for rule in TestSupport.builtinRules.rules {
            #expect(RuleCompiler.isKebabCase(rule.id), "\(rule.id)")
            #expect(rule.help.count > 40, "\(rule.id) needs a help text that says how to fix it")
            #expect(rule.description.count > 40, "\(rule.id) needs a description that says why it matters")
        }
    }

    @Test func regionsMustBeKnownKindsAndCaptures() {
        let found = errors(["r.yml": Self.valid + "\nin: {word: code, nope: string}\n", "s.yml": Self.valid.replacingOccurrences(of: "demo-rule", with: "other") + "\nin: [code, docs]\n"])
        #expect(found.contains { $0.file == "r.yml" && $0.message.contains("'in' names 'nope'") })
        #expect(found.contains { $0.file == "s.yml" && $0.message.contains("unknown region 'docs'") })
    }

    static let fragment = """
        define: quiet-demo
        description: Where demo words say nothing.
        allow:
          - line: 'quiet'
        not-inside:
          header: '^if __name__'
          block: python
        paths:
          exclude: [tools/]
        """

    @Test func aFragmentAddsItsConditionsToTheRulesThatUseIt() throws {
        let builtin = RuleSource(name: "Rules/shared/quiet-demo.yml", text: Self.fragment, isBuiltin: true)
        // A user rule may use a fragment the built-in rules define.
        let user = RuleSource(name: "mine/demo.yml", text: Self.valid + "\nuse: [quiet-demo]\n", isBuiltin: false)
        let rule = try #require(try RuleSet.load([builtin, user]).rules.first)
        #expect(rule.allows.count == 1)
        #expect(rule.structure.notInside.count == 1)
        #expect(!rule.admits(components: ["tools", "seed.py"]) && rule.admits(components: ["app", "seed.py"]))
    }

    /// A user fragment with a built-in fragment's name replaces it for every rule, built-in ones too, as a user
    /// rule replaces a built-in rule of the same id; a copy of the built-in rule directory loads over them.
    @Test func aUserFragmentReplacesTheBuiltinOfTheSameName() throws {
        let builtinFragment = RuleSource(name: "Rules/shared/quiet-demo.yml", text: Self.fragment, isBuiltin: true)
        let builtinRule = RuleSource(name: "Rules/demo.yml", text: Self.valid + "\nuse: [quiet-demo]\n", isBuiltin: true)
        let replacement = Self.fragment.replacingOccurrences(of: "  - line: 'quiet'\n", with: "  - line: 'quiet'\n  - line: 'hushed'\n")
        let userFragment = RuleSource(name: "mine/shared/quiet-demo.yml", text: replacement, isBuiltin: false)
        let rule = try #require(try RuleSet.load([builtinFragment, builtinRule, userFragment]).rules.first)
        #expect(rule.allows.count == 2)
    }

    @Test func aFragmentIsNamedOnceAndUsedByItsName() {
        let found = errors([
            "a.yml": Self.fragment, "b.yml": Self.fragment,
            "r.yml": Self.valid + "\nuse: [quiet-dem]\n",
        ])
        #expect(found.contains { $0.file == "b.yml" && $0.line == 1 && $0.message.contains("fragment 'quiet-demo' is already defined at a.yml:1:1") })
        #expect(found.contains { $0.file == "r.yml" && $0.line == 10 && $0.ruleId == "demo-rule" && $0.message.contains("'use' names 'quiet-dem'") && $0.message.contains("did you mean 'quiet-demo'") }, "\(found)")
        let broken = errors(["a.yml": Self.fragment.replacingOccurrences(of: "'quiet'", with: "'(quiet'"), "r.yml": Self.valid + "\nuse: [quiet-demo]\n"])
        #expect(broken.contains { $0.file == "a.yml" && $0.line == 4 }, "an error in a fragment's pattern names the fragment's file: \(broken)")
    }
}
