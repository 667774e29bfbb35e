import Foundation

// Writes a Swift source file that embeds rule files as base64 text, named by their path under RULES_ROOT.
// Usage: rule-embedder OUTPUT RULES_ROOT FILE...
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: rule-embedder OUTPUT RULES_ROOT FILE...\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[1])
let root = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
var source = """
// Generated at build time by the EmbedRules plugin from the package's Rules/ directory. Do not edit.

let embeddedRuleFiles: [(path: String, base64: String)] = [

"""
for file in arguments.dropFirst(3) {
    let url = URL(fileURLWithPath: file).standardizedFileURL
    let relative = url.path.hasPrefix(root + "/") ? String(url.path.dropFirst(root.count + 1)) : url.lastPathComponent
    do {
        let data = try Data(contentsOf: url)
        source += "    (\"Rules/\(relative)\", \"\(data.base64EncodedString())\"),\n"
    } catch {
        FileHandle.standardError.write(Data("rule-embedder: cannot read \(file): \(error)\n".utf8))
        exit(1)
    }
}
source += "]\n"
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("rule-embedder: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
