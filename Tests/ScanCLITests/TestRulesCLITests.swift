import Foundation
import PreflightTestSupport
import Testing

/// `scan test-rules DIR` on a user's rule directory, and on the built-in rules.
@Suite struct TestRulesCLITests {
    static let rule = """
        id: acme-internal-token
        pack: acme
        title: ACME internal token
        description: An ACME internal service token in the code.
        help: Load it from the vault.
        severity: high
        confidence: high
        message: ACME internal token
        regex: '\\bacme_[a-z0-9]{12}\\b'
        examples:
          match:
            - 'token = "↓acme_abcdef123456"'
          no-match:
            - 'token = vault.read("acme")'
        """

    @Test func eachCaseIsReportedWithItsPlaceAndMissesFail() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            "rules/acme.yml": Self.rule,
            // A YAML fixture under fixtures/ is a fixture, not a rule file.
            "rules/fixtures/deploy/values.yml": "# ruleid: acme-internal-token\ntoken: acme_abcdef123456\n",
            "rules/fixtures/src/client.py": "# ruleid: acme-internal-token\nTOKEN = \"acme_abcdef123456\"\n# ok: acme-internal-token\nNAME = \"acme_short\"\n",
        ], under: root)
        let passing = try CLI.run(["test-rules", "rules"], in: root)
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(passing.stdout.contains("hit    rules/acme.yml:12  acme-internal-token  match example 1"))
        #expect(passing.stdout.contains("clean  rules/acme.yml:14  acme-internal-token  no-match example 1"))
        #expect(passing.stdout.contains("hit    rules/fixtures/src/client.py:2  acme-internal-token"))
        #expect(passing.stdout.contains("hit    rules/fixtures/deploy/values.yml:2  acme-internal-token"))
        #expect(passing.stdout.contains("1 rules, 5 cases: 3 hit, 2 clean, 0 miss, 0 noise"))

        FileTree.write(["rules/fixtures/src/extra.py": "# ruleid: acme-internal-token\nx = 1\nY = \"acme_zzzzzz999999\"\n"], under: root)
        let failing = try CLI.run(["test-rules", "--quiet", "rules"], in: root)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("miss   rules/fixtures/src/extra.py:2  acme-internal-token  not reported"))
        #expect(failing.stdout.contains("noise  rules/fixtures/src/extra.py:3  acme-internal-token"))
        #expect(!failing.stdout.contains("hit "), "--quiet shows only failures")
    }

    @Test func brokenRulesExitTwoAndTheBuiltInRulesPass() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(["rules/bad.yml": "id: Bad Id\n"], under: root)
        let broken = try CLI.run(["test-rules", "rules"], in: root)
        #expect(broken.status == 2 && broken.stderr.contains("rules/bad.yml:1:1"))
        let builtin = try CLI.run(["test-rules", "--quiet"])
        #expect(builtin.status == 0, "\(builtin.stdout)")
        #expect(builtin.stdout.contains(" 0 miss, 0 noise"))
    }
}
