import Foundation
import PackagePlugin

/// Embeds the rule files (`.yml`, `.yaml`) of the target it is applied to, so that the `scan` binary carries
/// its built-in rules wherever it is copied. The target's directory is `Rules/`, the single source of truth.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let ruleFiles = module.sourceFiles
            .map(\.url)
            .filter { ["yml", "yaml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRuleFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(ruleFiles.count) rule files",
                executable: try context.tool(named: "rule-embedder").url,
                arguments: [output.path, module.directoryURL.path] + ruleFiles.map(\.path),
                inputFiles: ruleFiles,
                outputFiles: [output]
            )
        ]
    }
}
