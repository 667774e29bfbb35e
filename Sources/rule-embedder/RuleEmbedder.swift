import Foundation

/// Writes a Swift source file that embeds rule files as base64 text, named by their path under RULES_ROOT.
/// Usage: rule-embedder OUTPUT RULES_ROOT FILE...
@main
enum RuleEmbedder {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else { fail("usage: rule-embedder OUTPUT RULES_ROOT FILE...") }
        let output = URL(fileURLWithPath: arguments[1])
        let root = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
        var source = """
        // Generated at build time by the EmbedRules plugin from the package's Rules/ directory. Do not edit.

        let embeddedRuleFiles: [(path: String, base64: String)] = [

        """
        for file in arguments.dropFirst(3) {
            let url = URL(fileURLWithPath: file).standardizedFileURL
            let relative = url.path.hasPrefix(root + "/") ? String(url.path.dropFirst(root.count + 1)) : url.lastPathComponent
            guard let data = try? Data(contentsOf: url) else { fail("rule-embedder: cannot read \(file)") }
            source += "    (\"Rules/\(relative)\", \"\(data.base64EncodedString())\"),\n"
        }
        source += "]\n"
        do {
            try source.write(to: output, atomically: true, encoding: .utf8)
        } catch {
            fail("rule-embedder: cannot write \(output.path): \(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(message.hasPrefix("usage") ? 2 : 1)
    }
}
