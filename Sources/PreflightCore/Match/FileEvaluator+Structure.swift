import PCRE2Kit

extension FileEvaluator {
    /// What the structural conditions say about a match.
    enum Verdict {
        /// Report it.
        case report
        /// A guard was found (in the block, the file or an enclosing block): the text that guards it and the byte
        /// offset where it starts.
        case guarded(String, at: Int)
        /// A required context is missing (`has`, `file-has`, `inside`): the rule does not apply to this match.
        case notApplicable
    }

    /// The verdict on a match that passed the rule's filters, given its block, file and enclosing blocks.
    /// Conditions that decide whether the rule applies are checked before those that look for a guard.
    func structuralVerdict(rule: Rule, whole: Range<Int>, captures: [String: Range<Int>], in buffer: UnsafeRawBufferPointer) -> Verdict {
        let structure = rule.structure
        let value: (String) -> String = { name in captures[name].map { Self.text(buffer, $0) } ?? "" }
        let regions = structure.needsRegions ? regionMap(for: buffer) : .allCode
        let file = 0..<buffer.count
        let block = structure.block.map { BlockFinder.block($0, from: whole.lowerBound, in: buffer, regions: regions) }
        // Conditions read code and strings, and comments or docstrings only where the rule's own matches may be.
        let skipped = Set([RegionKind.comment, .docstring]).subtracting(rule.regions ?? [])
        let firstMatch = { (template: PatternTemplate, range: Range<Int>) in
            self.firstMatch(template, in: range, of: buffer, skipping: skipped, value: value)
        }
        for template in structure.fileHas where firstMatch(template, file) == nil {
            return .notApplicable
        }
        if let block {
            for template in structure.has where firstMatch(template, block) == nil {
                return .notApplicable
            }
        }
        for (header, kind) in structure.inside where enclosingHeader(header, kind, around: whole.lowerBound, in: buffer, regions: regions, value: value) == nil {
            return .notApplicable
        }
        if let block {
            for template in structure.lacks {
                if let found = firstMatch(template, block) { return .guarded(Self.text(buffer, found), at: found.lowerBound) }
            }
        }
        for template in structure.fileLacks {
            if let found = firstMatch(template, file) { return .guarded(Self.text(buffer, found), at: found.lowerBound) }
        }
        for (header, kind) in structure.notInside {
            if let found = enclosingHeader(header, kind, around: whole.lowerBound, in: buffer, regions: regions, value: value) {
                return .guarded(Self.text(buffer, found), at: found.lowerBound)
            }
        }
        return .report
    }

    /// The first match of `template` that starts inside `range`, or nil. Lookbehinds see the text before it.
    /// Searches of the whole file are remembered for the rest of the file: many routes share one router.
    private func firstMatch(_ template: PatternTemplate, in range: Range<Int>, of buffer: UnsafeRawBufferPointer, skipping skipped: Set<RegionKind>,
                            value: (String) -> String) -> Range<Int>? {
        guard let pattern = template.pattern(captures: value, cache: &renderedPatterns) else { return nil }
        let wholeFile = range == 0..<buffer.count
        let key = FileSearch(pattern: ObjectIdentifier(pattern), skipped: skipped)
        if wholeFile, let known = fileSearches[key] { return known }
        let found = search(pattern, in: range, of: buffer, skipping: skipped)
        if wholeFile { fileSearches[key] = found }
        return found
    }

    /// The first match in `range` that does not start in a `skipped` region: a comment that mentions a guard
    /// (`# Depends(get_current_user) was removed here`) is not the guard.
    private func search(_ pattern: Pattern, in range: Range<Int>, of buffer: UnsafeRawBufferPointer, skipping skipped: Set<RegionKind>) -> Range<Int>? {
        let subject = UnsafeRawBufferPointer(rebasing: buffer[0..<range.upperBound])
        var start = range.lowerBound
        while start <= range.upperBound, (try? pattern.firstMatch(in: subject, from: start, scratch: scratch)) == true,
              let found = scratch.range(ofGroup: 0) {
            if skipped.isEmpty || !skipped.contains(regionMap(for: buffer).kind(at: found.lowerBound)) { return found }
            start = found.lowerBound + 1
        }
        return nil
    }

    /// A search of the whole file, remembered by pattern and by the regions it skips.
    struct FileSearch: Hashable {
        let pattern: ObjectIdentifier
        let skipped: Set<RegionKind>
    }

    /// The header match (its range) whose `kind` block contains `offset`, if any: the first such header before it.
    private func enclosingHeader(_ header: PatternTemplate, _ kind: BlockKind, around offset: Int, in buffer: UnsafeRawBufferPointer,
                                 regions: RegionMap, value: (String) -> String) -> Range<Int>? {
        guard let pattern = header.pattern(captures: value, cache: &renderedPatterns) else { return nil }
        let key = EnclosingKey(pattern: ObjectIdentifier(pattern), kind: kind)
        let blocks = enclosingBlocks[key] ?? headerBlocks(pattern, kind, in: buffer, regions: regions)
        enclosingBlocks[key] = blocks
        return blocks.first { $0.header.lowerBound < offset && $0.block.contains(offset) }?.header
    }

    /// Every header match in the file (not in a comment unless the block is one) and the `kind` block after it.
    private func headerBlocks(_ pattern: Pattern, _ kind: BlockKind, in buffer: UnsafeRawBufferPointer,
                              regions: RegionMap) -> [(header: Range<Int>, block: Range<Int>)] {
        var blocks: [(header: Range<Int>, block: Range<Int>)] = []
        var start = 0
        while start < buffer.count, (try? pattern.firstMatch(in: buffer, from: start, scratch: scratch)) == true, let found = scratch.range(ofGroup: 0) {
            if kind == .comment || regions.kind(at: found.lowerBound) != .comment {
                // The header describes what precedes the block: the block is looked for from its last character.
                blocks.append((found, BlockFinder.block(kind, from: max(found.upperBound - 1, found.lowerBound), in: buffer, regions: regions)))
            }
            start = max(found.upperBound, found.lowerBound + 1)
        }
        return blocks
    }

    /// A header pattern (as rendered for the match) and the block kind it opens.
    struct EnclosingKey: Hashable {
        let pattern: ObjectIdentifier
        let kind: BlockKind
    }
}
