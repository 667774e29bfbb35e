import Foundation
import Testing
@testable import PreflightBuiltinRules

/// The rules embedded in the binary are exactly the files of `Rules/`: the build never ships a stale copy.
@Suite struct BuiltinRulesTests {
    @Test func embeddedRulesMatchTheRulesDirectory() throws {
        let directory = TestSupport.packageRoot.appendingPathComponent("Rules")
        let walker = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
        var onDisk: [String: String] = [:]
        for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
            let relative = String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
            onDisk["Rules/" + relative] = try String(contentsOf: url, encoding: .utf8)
        }
        let embedded = Dictionary(uniqueKeysWithValues: BuiltinRules.files.map { ($0.path, $0.text) })
        #expect(Set(embedded.keys) == Set(onDisk.keys))
        for (path, text) in onDisk {
            #expect(embedded[path] == text, "\(path) differs from its embedded copy")
        }
    }

    @Test func thePacksOfThisReleaseAreThere() {
        let packs = Set(TestSupport.builtinRules.packs)
        #expect(packs.isSuperset(of: ["dev-keys", "merge-markers"]))
        let tokenRules = TestSupport.builtinRules.rules.filter { $0.pack == "dev-keys" && $0.tags.contains("secret") }
        #expect(tokenRules.count >= 25)
    }
}
