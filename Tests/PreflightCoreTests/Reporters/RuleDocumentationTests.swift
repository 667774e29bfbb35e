import Foundation
import Testing
@testable import PreflightCore
import PreflightReport
import PreflightReporters

/// The rule reference pages in docs/rules/ are generated from the rules; reports link to them, so they must
/// exist for every pack and be current. Regenerate with `make docs`.
@Suite struct RuleDocumentationTests {
    static let directory = TestSupport.packageRoot.appendingPathComponent("docs/rules")

    @Test("each pack's page is current", arguments: TestSupport.builtinRules.packs)
    func pageIsCurrent(_ pack: String) throws {
        let rules = TestSupport.builtinRules.rules.map(Report.RuleInfo.init)
        let page = RuleDocumentation.page(pack: pack, rules: rules)
        let file = Self.directory.appendingPathComponent("\(pack).md")
        let committed = try? String(contentsOf: file, encoding: .utf8)
        #expect(committed == page, "docs/rules/\(pack).md is missing or stale: run `make docs`")
        for rule in rules where rule.pack == pack {
            #expect(page.contains("\n## \(rule.id)\n"), "no entry for \(rule.id)")
        }
    }

    @Test func reportsLinkToTheRulesEntry() {
        #expect(RuleDocumentation.url(ruleId: "ops-no-ci", pack: "ops", informationUri: "https://example.org/p")
            == "https://example.org/p/blob/main/docs/rules/ops.md#ops-no-ci")
        #expect(RuleDocumentation.url(ruleId: "ops-no-ci", pack: "ops", informationUri: nil) == nil)
    }
}
