extension FileEvaluator {
    /// `findings` with the file's inline suppressions applied. A finding covered by a directive that names its rule
    /// (by id or alias) is marked suppressed, with the directive's reason. Findings of `report: unused-suppression`
    /// rules stay only for directives naming a rule that ran here, or no rule at all, and hid nothing; their message
    /// names those ids.
    func applyingSuppressions(to findings: [Finding], in buffer: UnsafeRawBufferPointer) -> [Finding] {
        let directives = SuppressionDirective.all(in: buffer, lines: lines(of: buffer))
        guard !directives.isEmpty else { return findings }
        var used = Set<DirectiveRule>()
        var result: [Finding] = []
        var unusedReports: [Finding] = []
        for var finding in findings {
            let rule = catalog.rules[catalog.ruleIndex[finding.ruleId]!]
            if rule.structure.reportsUnusedSuppressions {
                unusedReports.append(finding)
                continue
            }
            let line = finding.region.start.line - 1
            for (index, directive) in directives.enumerated() where directive.covers(line: line) {
                for id in directive.ruleIds where canonical(id) == finding.ruleId {
                    used.insert(DirectiveRule(directive: index, id: id))
                    if finding.suppression == nil { finding.suppression = Suppression(kind: .inline, reason: directive.reason) }
                }
            }
            result.append(finding)
        }
        for var report in unusedReports {
            guard let index = directives.firstIndex(where: { $0.line == report.region.start.line - 1 }) else { continue }
            let unused = directives[index].ruleIds.filter { id in
                !used.contains(DirectiveRule(directive: index, id: id))
                    && (catalog.ruleIndex[canonical(id)] != nil || !catalog.knownRuleIds.contains(id))
            }
            guard !unused.isEmpty else { continue }
            let rule = catalog.rules[catalog.ruleIndex[report.ruleId]!]
            report.setMessage(rule.message.pieces { $0 == "ids" ? unused.joined(separator: ", ") : "" })
            result.append(report)
        }
        return result
    }

    /// The rule id that `id` names: itself, or the rule it is an alias of.
    private func canonical(_ id: String) -> String {
        catalog.idsByAlias[id] ?? id
    }

    /// One rule id of one directive of the current file.
    private struct DirectiveRule: Hashable {
        let directive: Int
        let id: String
    }
}
