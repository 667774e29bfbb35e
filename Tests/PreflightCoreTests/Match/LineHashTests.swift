import Testing
@testable import PreflightCore

/// The line hash must equal what GitHub's upload action computes, or alerts would not be matched across uploads.
/// The expected values are the published outputs of that action for these inputs.
@Suite struct LineHashTests {
    func allHashes(_ text: String) -> [String] {
        var bytes = Array(text.utf8)
        let lineCount = text.utf8.filter { $0 == 0x0A }.count + text.utf8.filter { $0 == 0x0D }.count + 1
        let hashes = bytes.withUnsafeMutableBytes { LineHash.hashes(of: UnsafeRawBufferPointer($0), lines: Set(1...lineCount)) }
        return (1...hashes.count).map { hashes[$0] ?? "missing line \($0)" }
    }

    @Test func anEmptyFileHasOneLine() {
        #expect(allHashes("") == ["c129715d7a2bc9a3:1"])
    }

    @Test func leadingWhiteSpaceIsIgnored() {
        #expect(allHashes(" a\nb\n  \t\tc\n d") == ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"])
    }

    @Test func withoutAFinalLineBreak() {
        #expect(allHashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End") == [
            "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1",
        ])
    }

    static let withFinalBreak = [
        "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
        "c129715d7a2bc9a3:1",
    ]

    @Test("every kind of line break hashes alike", arguments: [
        " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
        " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
        " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
        " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
    ])
    func lineBreaks(_ text: String) {
        #expect(allHashes(text) == Self.withFinalBreak)
    }

    @Test func identicalHashesAreNumbered() {
        #expect(allHashes(String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10)) == [
            "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
            "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1",
            "c129715d7a2bc9a3:1",
        ])
    }

    @Test func onlyTheWantedLinesAreReturnedAndTheyDoNotDependOnWhichAreWanted() {
        var bytes = Array(String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10).utf8)
        let some = bytes.withUnsafeMutableBytes { LineHash.hashes(of: UnsafeRawBufferPointer($0), lines: [2, 8]) }
        #expect(some == [2: "a7f2ff13bc495cf2:2", 8: "a9cf91f7bbf1862b:1"])
    }

    @Test func charactersOutsideTheBasicPlaneCountAsTwoCodeUnits() {
        // Same line structure, one astral character against two BMP ones: the same number of code units, different hashes.
        let astral = allHashes("x = \"😀\"\n")
        let twoUnits = allHashes("x = \"éé\"\n")
        #expect(astral.count == 2 && twoUnits.count == 2)
        #expect(astral[0] != twoUnits[0])
        #expect(astral[1] == twoUnits[1])
    }
}
