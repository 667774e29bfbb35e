/// How a finding is recognised from one scan to the next (baselines, `--since`, code scanning alerts) without the
/// fingerprint giving away the secret it may hold.
///
/// The fingerprint is the first 32 hex digits of SHA-256 over the rule id, the path, the matched text with white
/// space folded, and the occurrence number of that same text in the file (0 for the first), joined by NUL bytes.
/// In the matched text, every secret the scan found, in this file or another, is replaced by its redacted form:
/// at most its first four characters and `****`, which every report shows anyway. So the fingerprint stays the
/// same when lines move, differs for two findings that differ in anything a report shows, and tells nothing more
/// about a secret than the report does: a guess at the hidden part cannot be checked against it. Two secrets that
/// differ only in their hidden part, in the same place, are told apart by their occurrence number.
///
/// Secrets are hidden from GitHub's line hash the same way (the hash of the line with the secrets redacted), since
/// a hash of a short secret's line can be reversed by guessing too.
enum Fingerprint {
    /// Finishes `findings` (in report order): every secret of `secrets` hidden in their messages and snippets
    /// when `redact`, and in their fingerprints and line hashes always.
    static func finish(_ findings: inout [Finding], secrets: SecretIndex, redact: Bool) {
        var ordinals: [String: Int] = [:]
        for index in findings.indices {
            var finding = findings[index]
            guard let pending = finding.pending else { continue }
            if redact {
                finding.message = pending.message.map { $0.shown(hiding: secrets.redacting) }.joined()
                finding.snippet = secrets.redacting(finding.snippet)
            }
            if secrets.occurs(in: pending.line) {
                let line = Array(secrets.redacting(pending.line).utf8)
                finding.lineHash = line.withUnsafeBytes { LineHash.hashes(of: $0, lines: [1])[1] }
            }
            let key = "\(finding.ruleId)\u{0}\(finding.path)\u{0}\(secrets.redacting(pending.fingerprint))"
            let ordinal = ordinals[key, default: 0]
            ordinals[key] = ordinal + 1
            finding.fingerprint = String(SHA256.hex(Array("\(key)\u{0}\(ordinal)".utf8)).prefix(32))
            finding.pending = nil
            findings[index] = finding
        }
    }
}
