import Testing
@testable import PreflightCore

@Suite struct RequiredLiteralsTests {
    func literals(_ regex: String, flags: [String] = []) -> [String]? { RequiredLiterals.of(regex, flags: flags) }

    @Test func plainTextIsItsOwnLiteralCaseFolded() {
        #expect(literals(#"django\.contrib\.auth"#) == ["django.contrib.auth"])
        #expect(literals("(?i:SlowAPI)") == ["slowapi"])
    }

    @Test func alternativesGiveOneLiteralEach() {
        #expect(literals(#"\bAPP_GUARD\b|\.useGlobalGuards\("#) == [".useglobalguards(", "app_guard"])
        #expect(literals("https?://") == ["http://", "https://"])
        #expect(literals("(?:foo|bar)baz") == ["barbaz", "foobaz"])
    }

    @Test func theLongestRequiredPieceWinsAcrossUnknownText() {
        #expect(literals(#"\w+\s*=\s*password\b"#) == ["password"])
        #expect(literals(#"\w+\s*=\s*["']password["']"#) == [#""password""#, #""password'"#, #"'password""#, "'password'"])
        #expect(literals(#"^<{7}(?!<)[ \t]?(?<ours>[^\r\n]*)$"#) == ["<<<<<<<"])
        #expect(literals(#"(?<=["'])(?<secret>sk_live_[0-9a-zA-Z]{24})"#) == ["sk_live_"])
    }

    @Test func smallClassesMultiplyOut() {
        #expect(literals("[Ss]ecret[_-]key") == ["secret-key", "secret_key"])
    }

    @Test func noGuaranteeMeansNoLiterals() {
        #expect(literals(#"\A"#) == nil)
        #expect(literals(#"\w+@\w+"#) == nil)
        #expect(literals("(?:secret)?token|[a-z]+") == nil, "a branch without literals")
        #expect(literals("ab") == nil, "shorter than the minimum")
        #expect(literals("(?:password)*") == nil, "may match nothing")
        #expect(literals(#"(\w+)\1"#) == nil)
    }

    @Test func syntaxItCannotAnalyseGivesNoLiterals() {
        #expect(literals("(?x) secret # comment") == nil)
        #expect(literals("secret", flags: ["extended"]) == nil)
        #expect(literals("(?(1)secret|token)") == nil)
        #expect(literals("(?R)secret|token") == nil)
        #expect(literals("secret(") == nil)
        #expect(literals("token(*ACCEPT)secret") == nil, "a verb can end the match before the literal")
        #expect(literals("secretx{,3}") == nil, "{,n} is a quantifier in newer PCRE2 releases")
        #expect(literals("é{2}tag") == ["tag"], "non-ASCII text counts as unknown")
    }

    /// The analysis is only useful if it is sound: every match example of every built-in rule contains one of
    /// the literals derived from the rule's regex.
    @Test func everyBuiltinMatchExampleContainsOneOfItsRulesLiterals() {
        var analysed = 0
        for rule in TestSupport.builtinRules.rules {
            guard let found = literals(rule.regexSource, flags: rule.regexFlags) else { continue }
            analysed += 1
            for example in rule.examples where example.expectsMatch {
                let text = example.code.replacingOccurrences(of: RuleExample.joint, with: "")
                    .replacingOccurrences(of: String(RuleExample.marker), with: "").lowercased()
                #expect(found.contains { text.contains($0) }, "\(rule.id): \(found) in \(text)")
            }
        }
        #expect(analysed > 60)
    }
}

extension RequiredLiteralsTests {
    @Test func aLiteralHoldingAnotherIsDropped() {
        #expect(literals(#"\bos\.getenv\b|\bos\.getenv\("#) == ["os.getenv"])
    }
}

extension RequiredLiteralsTests {
    /// A rule without keywords in extended mode: "api key" in the pattern means "apikey" in the text, so the
    /// pattern's text must not become a prefilter that skips the file.
    @Test func anExtendedModeRuleWithoutKeywordsStillFindsItsMatches() throws {
        let rules = try TestSupport.load(["x.yml": """
            id: spaced-pattern
            pack: mocks
            title: Spaced pattern
            description: A pattern written with spaces in extended mode.
            help: Nothing to do.
            severity: low
            confidence: low
            message: found
            regex: 'api key \\s* = \\s* 1'
            regex-flags: [extended]
            examples:
              match: ['apikey = 1']
              no-match: ['api key = 1']
            """])
        #expect(rules.rules[0].prefilter.isEmpty)
        let findings = TestSupport.scanner(rules).scan(text: "apikey = 1\n", path: "a.py").findings
        #expect(findings.map(\.ruleId) == ["spaced-pattern"])
    }
}
