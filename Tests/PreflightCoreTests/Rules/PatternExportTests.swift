import PCRE2Kit
import Testing
@testable import PreflightCore

@Suite struct PatternExportTests {
    @Test func namedGroupsAreRewrittenForEachEngineAndNothingElseChanges() {
        #expect(PatternExport.rewritingNames(#"(?<key>[A-Z]+)=(?P<value>\w+)"#, as: "(?P<") == #"(?P<key>[A-Z]+)=(?P<value>\w+)"#)
        #expect(PatternExport.rewritingNames(#"(?<key>[A-Z]+)=(?P<value>\w+)"#, as: nil) == #"([A-Z]+)=(\w+)"#)
        // Lookbehinds, escaped parentheses and character classes keep their spelling.
        #expect(PatternExport.rewritingNames(#"(?<=x)(?<!y)\(?<a>"#, as: nil) == #"(?<=x)(?<!y)\(?<a>"#)
        #expect(PatternExport.rewritingNames(#"[(?<a>]x[]]y[^]]"#, as: nil) == #"[(?<a>]x[]]y[^]]"#)
    }

    @Test func everyBuiltinRuleExportsOneLineWithScopedFlagsThatCompiles() throws {
        for rule in TestSupport.builtinRules.rules {
            let line = PatternExport.line(for: rule)
            #expect(!line.contains("\n") && !line.contains("\r"), "\(rule.id)")
            #expect(line.hasPrefix(rule.regexFlags.contains("caseless") ? "(?Ji:" : "(?J:"), "\(rule.id)")
            // Joined, the lines exceed PCRE2's compiled-size limit; scripts/bench.sh batches them for rg -P.
            _ = try Pattern(line, options: .multiline)
            let rust = PatternExport.line(for: rule, syntax: .rust)
            #expect(!rust.contains("(?P<"), "\(rule.id)")
        }
    }
}
