import Testing
@testable import PreflightCore

@Suite struct KeywordAutomatonTests {
    func hits(_ keywords: [[String]], in text: String) -> [[Int]] {
        let automaton = KeywordAutomaton(keywords: keywords)
        var hits = Array(repeating: [Int](), count: keywords.count)
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { automaton.scan(UnsafeRawBufferPointer($0), into: &hits) }
        return hits
    }

    @Test func findsEveryKeywordCaseInsensitivelyWithEndOffsets() {
        let found = hits([["secret"], ["token", "key"], ["absent"]], in: "API_KEY = 'x' # SECRET token")
        #expect(found[0] == [22])
        #expect(found[1] == [7, 28])
        #expect(found[2].isEmpty)
    }

    @Test func overlappingKeywordsAreAllReported() {
        let found = hits([["he"], ["she"], ["hers"]], in: "ushers")
        #expect(found == [[4], [4], [6]])
    }

    @Test func noKeywordsMeansNoHits() {
        #expect(hits([[]], in: "anything") == [[]])
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct EntropyAndRedactionTests {
    @Test func entropyOfKnownStrings() {
        #expect(Entropy.shannon(Array("aaaa".utf8)) == 0)
        #expect(abs(Entropy.shannon(Array("ab".utf8)) - 1) < 1e-9)
        #expect(Entropy.shannon(Array(TestSupport.devKey.utf8)) < 3.5)
        #expect(Entropy.shannon(Array("Zr8kQ2vN7xLp4TbW9mYc".utf8)) > 4)
    }

    @Test func redactionShowsAtMostFourCharacters() {
        #expect(Redaction.redact(TestSupport.devKey) == "loc****")
        #expect(Redaction.redact("abcdefgh") == "ab****")
        #expect(Redaction.redact("dev") == "****")
        #expect(Redaction.redact(String(repeating: "0123456789", count: 4)) == "0123****")
    }
}

@Suite struct PathFilterCacheTests {
    /// Paths that meet the built-in rules' path filters in many ways: excluded directories at several depths,
    /// included file names, anchored and directory-only globs, and directories revisited after others.
    static let paths = [
        "app.py", "views.py", "api/views.py", "api/views/users.py", "docs/guide.md", "docs/api/index.html",
        "src/docs_src/a.py", "tests/test_app.py", "pkg/tests/unit/conftest.py", "mocks/server.js", "web/__mocks__/api.ts",
        ".github/workflows/ci.yml", ".github/ci.yml", "Dockerfile", "deploy/Dockerfile.prod", "docker-compose.yml",
        "config/settings.local.py", "config/settings.py", "yarn.lock", "web/package-lock.json", "web/dist/app.min.js",
        "api/views.py", "storybook/button.stories.tsx", "app.py.bak", "old/handler.go.disabled", ".env", ".env.example",
        "requirements.txt", "a/b/c/d/e/f/g.py", "docs/guide.md", "README.md",
    ]

    @Test func perDirectoryVerdictsAgreeWithEachRulesOwnFilters() {
        let catalog = RuleCatalog(TestSupport.builtinRules)
        var cache = PathFilterCache(catalog: catalog)
        for path in Self.paths {
            let components = path.split(separator: "/", omittingEmptySubsequences: true)
            cache.enter(path: path, components: components)
            for (index, rule) in catalog.rules.enumerated() {
                #expect(cache.admits(rule: index, components: components) == rule.admits(components: components), "\(rule.id) on \(path)")
            }
            for (index, glob) in catalog.pathGlobs.enumerated() {
                #expect(cache.matchesFact(index, components: components) == glob.matchesFileOrAncestor(components: components), "\(glob.source) on \(path)")
            }
        }
    }
}

@Suite struct KeywordAutomatonOccurrenceTests {
    @Test func entriesThatAskOnlyWhetherAKeywordOccursGetItsFirstOccurrence() {
        let automaton = KeywordAutomaton(keywords: [["0"], ["0", "if"], ["x"]], everyOccurrence: [false, true, false])
        var hits = Array(repeating: [Int](), count: 3)
        var bytes = Array("if (0) { a = 10; } IF 0".utf8)
        bytes.withUnsafeMutableBytes { automaton.scan(UnsafeRawBufferPointer($0), into: &hits) }
        #expect(hits[0] == [5])
        #expect(hits[1] == [2, 5, 15, 21, 23])
        #expect(hits[2].isEmpty)
    }
}

@Suite struct KeywordWindowTests {
    /// The windows as first written: every occurrence walks its lines back and forth, then merges.
    static func referenceWindows(around offsets: [Int], lines: Int, in buffer: [UInt8]) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        let isBreak: (UInt8) -> Bool = { $0 == 0x0A || $0 == 0x0D }
        for offset in offsets {
            var start = offset - 1
            for _ in 0...lines {
                while start > 0 && !isBreak(buffer[start - 1]) { start -= 1 }
                if start == 0 { break }
                start -= 1
            }
            if start > 0 { start += 1 }
            var end = offset
            for step in 0...lines {
                while end < buffer.count && !isBreak(buffer[end]) { end += 1 }
                if end == buffer.count || step == lines { break }
                if buffer[end] == 0x0D && end + 1 < buffer.count && buffer[end + 1] == 0x0A { end += 1 }
                end += 1
            }
            if let last = windows.last, start <= last.upperBound {
                windows[windows.count - 1] = last.lowerBound..<max(end, last.upperBound)
            } else {
                windows.append(start..<end)
            }
        }
        return windows
    }

    @Test func passingOverOccurrencesGivesTheWindowsOfWalkingEachOne() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("ab ".utf8) + [0x0A, 0x0D]
        for _ in 0..<2_000 {
            let buffer = (0..<Int.random(in: 1...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let offsets = (1...buffer.count).filter { _ in Int.random(in: 0..<4, using: &generator) == 0 }
            let lines = Int.random(in: 0...3, using: &generator)
            let found = buffer.withUnsafeBytes { FileEvaluator.windows(around: offsets, lines: lines, in: $0) }
            #expect(found == Self.referenceWindows(around: offsets, lines: lines, in: buffer), "\(buffer) \(offsets) \(lines)")
        }
    }
}

@Suite struct DurationTextTests {
    @Test func durationsReadInTheirOwnUnit() {
        #expect(FileEvaluator.duration(60_000_000_000) == "60 s")
        #expect(FileEvaluator.duration(1_500_000_000) == "1.5 s")
        #expect(FileEvaluator.duration(250_000_000) == "250 ms")
        #expect(FileEvaluator.duration(10_000) == "10 µs")
        #expect(FileEvaluator.duration(1) == "1 ns")
    }
}
