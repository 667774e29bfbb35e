import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCore

@Suite struct ScanConfigTests {
    static func decode(_ text: String) throws(RuleLoadFailure) -> ScanConfig {
        let (config, errors) = ConfigDecoder.decode(text: text, file: ".scan.yml")
        guard errors.isEmpty else { throw RuleLoadFailure(errors: errors) }
        return config
    }

    @Test func aFullConfigurationDecodes() throws {
        let config = try Self.decode("""
            packs:
              only: [dev-keys, auth, mocks]
              disable: mocks
            rules:
              dev-keys-weak-secret: {enabled: false}
              auth-fastapi-unauthenticated-read:
                severity: low
            rule-directories: [scan-rules]
            exclude: [archive/, "*.min.js"]
            contexts:
              test: [qa/]
              fixture: ["samples/**"]
            score:
              weights: {dev-keys: 30, pydantic: 0}
              threshold: 95
            auth:
              public-routes: [/status, "/webhooks/**"]
            fail-on: medium
            baseline: .scan-baseline.json
            """)
        #expect(config.onlyPacks.map(\.value) == ["dev-keys", "auth", "mocks"])
        #expect(config.disabledPacks.map(\.value) == ["mocks"])
        #expect(config.rules.count == 2)
        #expect(config.ruleDirectories.map(\.value) == ["scan-rules"])
        #expect(config.excludes == ["archive/", "*.min.js"])
        #expect(config.contextPatterns.map(\.context) == [.test, .fixture])
        #expect(config.weights == ["dev-keys": 30, "pydantic": 0])
        #expect(config.threshold == 95)
        #expect(config.publicRoutes == ["/status", "/webhooks/**"])
        #expect(config.failOn == .medium)
        #expect(config.baseline == ".scan-baseline.json")

        #expect(config.problems(with: TestSupport.builtinRules).isEmpty)
        let rules = config.apply(to: TestSupport.builtinRules)
        #expect(Set(rules.packs) == ["dev-keys", "auth"])
        #expect(rules.rule(id: "dev-keys-weak-secret") == nil)
        #expect(rules.rule(id: "auth-fastapi-unauthenticated-read")?.severity == .low)
        // Packs chosen on the command line win over the configuration's packs, not over its rule settings.
        let chosen = config.apply(to: TestSupport.builtinRules, choosingPacks: false)
        #expect(chosen.packs.contains("mocks") && chosen.rule(id: "dev-keys-weak-secret") == nil)
        #expect(config.apply(to: ScoringModel()).weight(of: "dev-keys") == 30)
    }

    @Test func unknownKeysAndBadValuesAreErrorsAtTheirPosition() {
        let text = """
            packs:
              disable: [ops]
            rules:
              dev-keys-weak-secret:
                enabeld: false
            score:
              threshold: 120
            colour: red
            fail-on: severe
            """
        #expect(throws: RuleLoadFailure.self) { try Self.decode(text) }
        do {
            _ = try Self.decode(text)
        } catch {
            #expect(error.errors.map { "\($0.line):\($0.column)" } == ["5:5", "7:14", "8:1", "9:10"])
            #expect(error.description.contains(".scan.yml:5:5: error: unknown key 'enabeld' in the settings of rule 'dev-keys-weak-secret' (did you mean 'enabled'?)"))
        }
    }

    @Test func unknownPacksRulesAndWeightsAreErrorsAtTheirLine() throws {
        let config = try Self.decode("packs:\n  disable: [mock]\nrules:\n  dev-keys-weak-secrt: {enabled: false}\nscore:\n  weights: {dev-keyz: 0}\n")
        let errors = config.problems(with: TestSupport.builtinRules)
        #expect(errors.map(\.line) == [2, 4, 6])
        let text = RuleLoadFailure(errors: errors).description
        #expect(text.contains("unknown pack 'mock' (did you mean 'mocks'?)"))
        #expect(text.contains("unknown rule 'dev-keys-weak-secrt' (did you mean 'dev-keys-weak-secret'?)"))
        #expect(text.contains(".scan.yml:6:13: error: unknown pack 'dev-keyz' (did you mean 'dev-keys'?)"))
    }

    @Test func ruleDirectoriesOutsideTheScannedTreeAreRefused() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["repo/rules/a.yml": "", "elsewhere/b.yml": ""], under: root)
        let config = ConfigDecoder.decode(text: "rule-directories: [rules, ../elsewhere, /etc]\n", file: root.appendingPathComponent("repo/.scan.yml").path).config
        let (paths, errors) = config.ruleDirectories(inside: [root.appendingPathComponent("repo").path])
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["rules"])
        #expect(errors.map(\.column) == [27, 41])
        #expect(errors.allSatisfy { $0.message.contains("is outside the scanned tree") })
    }

    @Test func theNearestConfigurationIsFoundUpToTheWorkTreeTop() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["repo/.git/HEAD": "ref: refs/heads/main\n", "repo/.scan.yml": "fail-on: high\n", "repo/src/app/x.py": "", ".scan.yml": "fail-on: low\n"], under: root)
        #expect(ScanConfig.find(from: root.appendingPathComponent("repo/src/app").path)?.hasSuffix("repo/.scan.yml") == true)
        try FileManager.default.removeItem(at: root.appendingPathComponent("repo/.scan.yml"))
        // The file above the work tree belongs to another project.
        #expect(ScanConfig.find(from: root.appendingPathComponent("repo/src/app").path) == nil)
    }

    @Test func contextPatternsComeBeforeTheBuiltInClassification() throws {
        var options = ScanOptions(walk: WalkOptions(jobs: 1))
        options.contextPatterns = [(.test, Glob("qa/")!)]
        let engine = ScanEngine(catalog: RuleCatalog(TestSupport.builtinRules.selecting(packs: ["merge-markers"])), options: options)
        let text = "<<<<<<< HEAD\nA = 1\n=======\nA = 2\n>>>>>>> topic\n"
        #expect(engine.scan(text: text, path: "qa/load/settings.py").findings.first?.context == .test)
        #expect(engine.scan(text: text, path: "app/settings.py").findings.first?.context == .production)
    }
}
