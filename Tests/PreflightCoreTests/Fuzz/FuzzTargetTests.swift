import Foundation
import PreflightFuzzing
import XCTest

/// The fuzz targets run on the inputs scripts/fuzz.sh seeds them with, and on every input that once made one
/// fail (Fixtures/fuzz/TARGET/): each must return without breaking an invariant.
final class FuzzTargetTests: XCTestCase {
    private var fixtures: URL { TestSupport.packageRoot.appendingPathComponent("Fixtures") }

    func testRegressionInputs() throws {
        let directory = fixtures.appendingPathComponent("fuzz")
        var count = 0
        for target in FuzzTarget.allCases {
            let inputs = (try? FileManager.default.contentsOfDirectory(at: directory.appendingPathComponent(target.rawValue), includingPropertiesForKeys: nil)) ?? []
            for input in inputs.sorted(by: { $0.path < $1.path }) {
                target.run([UInt8](try Data(contentsOf: input)))
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 0, "no regression inputs found in \(directory.path)")
    }

    /// A fixture as the file-level targets take it: its path, a newline, its content.
    func testFixtureSeeds() throws {
        var seeds: [[UInt8]] = []
        let enumerator = FileManager.default.enumerator(at: fixtures.appendingPathComponent("repos"), includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.path.dropFirst(fixtures.path.count + 1))
            seeds.append(Array((relative + "\n").utf8) + [UInt8](try Data(contentsOf: url)))
        }
        XCTAssertGreaterThan(seeds.count, 20)
        for seed in seeds {
            FuzzTarget.lexer.run(seed)
            FuzzTarget.scanFile.run(seed)
        }
        let paths = seeds.map { String(decoding: $0.prefix { $0 != 0x0A }, as: UTF8.self) }.joined(separator: "\n")
        FuzzTarget.ignore.run(Array("*.py\n!keep.py\n/build/\n**/node_modules\n[a-c]?.txt\n\\#x\n".utf8) + [0] + Array(paths.utf8))
        for file in try FileManager.default.contentsOfDirectory(atPath: TestSupport.packageRoot.appendingPathComponent("Rules").path).filter({ !$0.hasPrefix(".") }) {
            let pack = TestSupport.packageRoot.appendingPathComponent("Rules/\(file)")
            for rule in (try? FileManager.default.contentsOfDirectory(at: pack, includingPropertiesForKeys: nil)) ?? [] where rule.pathExtension == "yml" {
                FuzzTarget.ruleLoader.run([UInt8](try Data(contentsOf: rule)))
            }
        }
        FuzzTarget.reporters.run(Array(0...255))
        FuzzTarget.escaping.run(Array(0...255))
        for text in ["[x](javascript:alert(1))", "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J", "\\](y) ![i](z) <b>", "\u{202E}gnp.exe\u{9B}31m"] {
            FuzzTarget.escaping.run(Array(text.utf8))
        }
        let ignoreFiles = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(".scanignore"), encoding: .utf8)
        FuzzTarget.ignoreFiles.run(Array("*.log\n/build/\n!keep.log\n".utf8) + [0] + Array(ignoreFiles.utf8) + [0] + Array("a.log\nkeep.log\nbuild/x.py\nFixtures/y.py\nsrc/z.py".utf8))
        FuzzTarget.ignoreFiles.run(Array("@linked".utf8) + [0] + Array("src/\n".utf8) + [0] + Array("src/a.py\nb.py".utf8))
    }
}
