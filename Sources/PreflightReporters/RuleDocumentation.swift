import Foundation
import PreflightReport

/// The reference pages of the rules, one Markdown page per pack (`docs/rules/<pack>.md`), and the address of
/// each rule's entry, which reports link to.
public enum RuleDocumentation {
    /// Where a rule's entry is published: its pack's page, anchored at the rule id.
    public static func url(ruleId: String, pack: String, informationUri: String?) -> String? {
        guard let base = informationUri else { return nil }
        return "\(base)/blob/main/docs/rules/\(pack).md#\(ruleId)"
    }

    /// The page of one pack: every rule, by id, with what it finds and how to fix it.
    public static func page(pack: String, rules: [Report.RuleInfo]) -> String {
        let rules = rules.filter { $0.pack == pack }.sorted { $0.id < $1.id }
        var out = "# The `\(pack)` pack\n\n"
        out += "Generated from `Rules/\(pack)/` by `make docs`; edit the rule files, not this page. "
        out += "Run this pack alone with `scan check:\(pack) .`\n\n"
        out += "| rule | severity | title |\n| --- | --- | --- |\n"
        for rule in rules { out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.severity) | \(cell(rule.title)) |\n" }
        for rule in rules {
            out += "\n## \(rule.id)\n\n**\(rule.title)**\n\n"
            var facts = ["severity **\(rule.severity)**"]
            if let confidence = rule.confidence { facts.append("confidence **\(confidence)**") }
            if !rule.tags.isEmpty { facts.append("tags " + rule.tags.map { "`\($0)`" }.joined(separator: ", ")) }
            facts.append("source [`Rules/\(pack)/\(rule.id).yml`](../../Rules/\(pack)/\(rule.id).yml)")
            out += facts.joined(separator: " · ") + "\n\n"
            out += rule.description.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
            out += "**How to fix.** " + rule.help.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
