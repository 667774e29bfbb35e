import PreflightReport

extension Report.Score {
    /// Why the verdict is not GO, as the markdown and HTML reports write it ("Not GO: …." or, for an incomplete
    /// scan, "No verdict: …."); nil when there is no reason to give.
    var reasonsSentence: String? {
        guard let reasons, !reasons.isEmpty else { return nil }
        return "\(verdict == "INCOMPLETE" ? "No verdict" : "Not GO"): \(reasons.joined(separator: "; "))."
    }

    /// How many baseline findings the score still counts, as one sentence; `number` writes the count.
    func baselineSentence(number: (Int) -> String = { String($0) }) -> String? {
        baselineFindingsCounted.map { known in
            "The score counts \(number(known)) known finding\(known == 1 ? "" : "s") from the baseline that no decision makes safe."
        }
    }
}
