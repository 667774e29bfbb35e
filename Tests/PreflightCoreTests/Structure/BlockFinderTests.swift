import Testing
@testable import PreflightCore

/// The block a match belongs to, for each kind a rule can ask for.
@Suite struct BlockFinderTests {
    /// The text of the `kind` block that starts where `marker` first occurs in `text` (all of it code).
    func block(_ kind: BlockKind, in text: String, from marker: String) -> String {
        let bytes = Array(text.utf8)
        let start = text.utf8.count - (text.range(of: marker).map { text[$0.lowerBound...].utf8.count } ?? 0)
        return bytes.withUnsafeBytes { buffer in
            let range = BlockFinder.block(kind, from: start, in: buffer, regions: .allCode)
            return String(decoding: buffer[range], as: UTF8.self)
        }
    }

    @Test func aPythonHeaderWrappedOverSeveralLinesKeepsItsSuite() {
        let text = """
            @router.post("/signin")
            async def signin(
                request: Request,
                form: SigninForm,
            ):
                if limiter.is_limited(form.email):
                    raise HTTPException(429)
                return login(form)

            def other():
                pass
            """
        let found = block(.python, in: text, from: "@router")
        #expect(found.contains("limiter.is_limited") && found.contains("return login(form)"))
        #expect(!found.contains("def other"))
    }

    @Test func valueAndIndentedBlocks() {
        let value = block(.value, in: "metadata = {\"examples\": [\n    {\"url\": \"a\"},\n], \"other\": 1}\n", from: "\"examples\"")
        #expect(value == "\"examples\": [\n    {\"url\": \"a\"},\n]")
        let yaml = "NAPALM:\n  details: |-\n    Example:\n\n    PASSWORD = 'x'\n  default: {}\n"
        #expect(block(.indented, in: yaml, from: "  details") == "  details: |-\n    Example:\n\n    PASSWORD = 'x'")
    }
}
