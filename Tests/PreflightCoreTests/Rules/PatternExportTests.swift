import Testing
@testable import PreflightCore

@Suite struct PatternExportTests {
    @Test func namedGroupsAreWrittenPortablyAndNothingElseChanges() {
        #expect(PatternExport.portableNames(#"(?<key>[A-Z]+)=(?<value>\w+)"#) == #"(?P<key>[A-Z]+)=(?P<value>\w+)"#)
        // Lookbehinds, escaped parentheses and character classes keep their spelling.
        #expect(PatternExport.portableNames(#"(?<=x)(?<!y)\(?<a>"#) == #"(?<=x)(?<!y)\(?<a>"#)
        #expect(PatternExport.portableNames(#"[(?<a>]x[]]y[^]]"#) == #"[(?<a>]x[]]y[^]]"#)
    }

    @Test func everyBuiltinRuleExportsOneLineWithScopedFlags() {
        for rule in TestSupport.builtinRules.rules {
            let line = PatternExport.line(for: rule)
            #expect(!line.contains("\n") && !line.contains("\r"), "\(rule.id)")
            #expect(line.hasPrefix(rule.regexFlags.contains("caseless") ? "(?i:" : "(?:"), "\(rule.id)")
            #expect(line.hasSuffix(")"))
        }
    }
}
