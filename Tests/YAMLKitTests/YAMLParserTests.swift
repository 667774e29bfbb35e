import Testing
@testable import YAMLKit

@Suite struct YAMLParserTests {
    @Test func buildsNodesWithPositions() throws {
        let documents = try YAMLParser.parse("id: a\nlist:\n  - x\n  - 'y'\n")
        #expect(documents.count == 1)
        guard case .mapping(let pairs) = documents[0].value else { Issue.record("not a mapping"); return }
        #expect(pairs.map { $0.key.scalar } == ["id", "list"])
        #expect(pairs[0].value.mark == YAMLMark(line: 1, column: 5))
        guard case .sequence(let items) = pairs[1].value.value else { Issue.record("not a list"); return }
        #expect(items.map(\.scalar) == ["x", "y"])
        #expect(items[1].mark == YAMLMark(line: 4, column: 5))
        if case .scalar(_, let style) = items[1].value { #expect(style == .singleQuoted) }
    }

    @Test func blockScalarsKeepTheirText() throws {
        let documents = try YAMLParser.parse("help: |\n  line one\n  line two\n")
        guard case .mapping(let pairs) = documents[0].value else { Issue.record("not a mapping"); return }
        #expect(pairs[0].value.scalar == "line one\nline two\n")
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        #expect {
            _ = try YAMLParser.parse("id: a\n  bad: [1, 2\n")
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.mark.line >= 2 && !error.message.isEmpty
        }
    }

    @Test func resolvesAliases() throws {
        let documents = try YAMLParser.parse("base: &b [1, 2]\ncopy: *b\n")
        guard case .mapping(let pairs) = documents[0].value, case .sequence(let items) = pairs[1].value.value else {
            Issue.record("unexpected shape"); return
        }
        #expect(items.map(\.scalar) == ["1", "2"])
    }

    @Test func rejectsUnknownAliasAndExcessiveNesting() {
        #expect(throws: YAMLError.self) { _ = try YAMLParser.parse("a: *missing\n") }
        let deep = String(repeating: "[", count: YAMLParser.maximumDepth + 5) + String(repeating: "]", count: YAMLParser.maximumDepth + 5)
        #expect(throws: YAMLError.self) { _ = try YAMLParser.parse(deep) }
    }

    @Test func nullScalarsAreRecognised() throws {
        let documents = try YAMLParser.parse("a: ~\nb:\nc: 'null'\n")
        guard case .mapping(let pairs) = documents[0].value else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.value.isNull) == [true, true, false])
    }
}
