import Testing
@testable import PCRE2Kit

/// Bytes that stay valid for the lifetime of the object, for matching without closures.
final class Subject {
    let bytes: UnsafeMutableRawBufferPointer

    init(_ data: [UInt8]) {
        bytes = .allocate(byteCount: max(data.count, 1), alignment: 1)
        bytes.copyBytes(from: data)
    }

    convenience init(_ text: String) { self.init(Array(text.utf8)) }

    deinit { bytes.deallocate() }

    /// Valid while this object is alive: keep it in a local, not a temporary.
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(bytes) }
}

@Suite struct PatternTests {
    @Test func matchesAndReportsByteRangesOfGroups() throws {
        let pattern = try Pattern(#"key=(?<value>\w+)"#)
        let scratch = MatchScratch(capacity: pattern.captureCount + 1)
        let subject = Subject("é key=abc")
        #expect(try pattern.firstMatch(in: subject.buffer, from: 0, scratch: scratch))
        #expect(scratch.range(ofGroup: 0) == 3..<10)
        #expect(scratch.range(ofGroup: pattern.groupNumbers["value"]!) == 7..<10)
    }

    @Test func reportsNoMatchAndUnsetGroups() throws {
        let pattern = try Pattern("a(b)?c")
        let scratch = MatchScratch(capacity: 4)
        let subject = Subject("xx ac")
        #expect(try pattern.firstMatch(in: subject.buffer, from: 0, scratch: scratch))
        #expect(scratch.range(ofGroup: 1) == nil)
        #expect(try !pattern.firstMatch(in: subject.buffer, from: 4, scratch: scratch))
    }

    @Test func compileErrorsCarryMessageAndOffset() {
        #expect {
            _ = try Pattern("abc(def")
        } throws: { error in
            guard let error = error as? PCRE2Error else { return false }
            return error.patternOffset == 7 && error.message.contains("missing closing parenthesis")
        }
    }

    @Test func lineAnchorsWorkWithCRLFInMultilineMode() throws {
        let pattern = try Pattern("^b$", options: .multiline)
        let scratch = MatchScratch(capacity: 1)
        let subject = Subject("a\r\nb\r\nc")
        #expect(try pattern.firstMatch(in: subject.buffer, from: 0, scratch: scratch))
        #expect(scratch.range(ofGroup: 0) == 3..<4)
    }

    @Test func catastrophicBacktrackingHitsTheMatchLimit() throws {
        let pattern = try Pattern("(a+)+$")
        let scratch = MatchScratch(capacity: 2, matchLimit: 10_000)
        let subject = Subject(String(repeating: "a", count: 5_000) + "!")
        #expect {
            _ = try pattern.firstMatch(in: subject.buffer, from: 0, scratch: scratch)
        } throws: { error in
            (error as? PCRE2Error)?.isResourceLimit == true
        }
    }

    @Test func caselessOptionFoldsASCII() throws {
        let pattern = try Pattern("secret", options: .caseless)
        let scratch = MatchScratch(capacity: 1)
        let subject = Subject("SeCrEt")
        #expect(try pattern.firstMatch(in: subject.buffer, from: 0, scratch: scratch))
    }

    @Test func invalidUTF8IsMatchedAsBytes() throws {
        let pattern = try Pattern("key")
        let scratch = MatchScratch(capacity: 1)
        let subject = Subject([0xFF, 0xFE, 0x6B, 0x65, 0x79])
        #expect(try pattern.firstMatch(in: subject.buffer, from: 0, scratch: scratch))
        #expect(scratch.range(ofGroup: 0) == 2..<5)
    }
}
