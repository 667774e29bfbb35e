import Testing
@testable import PreflightCore

/// Lexical regions per language, on the cases that break naive lexers.
@Suite struct LexerTests {
    /// The regions of `text` lexed as `language`.
    struct Lexed {
        let text: String
        let map: RegionMap

        init(_ language: String, _ text: String) {
            self.text = text
            let syntax = LexerSyntax.forLanguage(language)!
            var bytes = Array(text.utf8)
            map = bytes.withUnsafeMutableBytes { Lexer(syntax: syntax).regions(of: UnsafeRawBufferPointer($0)) }
        }

        /// The kind at the first byte of the `occurrence`-th appearance of `needle`.
        func kind(of needle: String, occurrence: Int = 1) -> RegionKind? {
            var searchStart = text.startIndex
            var found: Range<String.Index>?
            for _ in 0..<occurrence {
                guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else { return nil }
                found = range
                searchStart = range.upperBound
            }
            guard let found else { return nil }
            return map.kind(at: text.utf8.distance(from: text.startIndex, to: found.lowerBound))
        }
    }

    @Test func python() {
        let lexed = Lexed("python", """
            x = "a # not a comment"  # real comment with "quotes"
            s = 'it\\'s'; key = 1
            doc = \"\"\"
            multi-line with # hash and 'quote'
            \"\"\"
            #import os
            y = 2
            """)
        #expect(lexed.kind(of: "not a comment") == .string)
        #expect(lexed.kind(of: "real comment") == .comment)
        #expect(lexed.kind(of: "key") == .code)
        #expect(lexed.kind(of: "multi-line") == .string)
        #expect(lexed.kind(of: "import os") == .comment)
        #expect(lexed.kind(of: "y = 2") == .code)
    }

    @Test func pythonDocstringsAreDocumentationNotStrings() {
        let q = "\"\"\""
        let lexed = Lexed("python", """
            \(q)Module docs: connect with postgres://admin:secret@db/app.\(q)

            def connect(url):
                \(q)Example: connect("postgres://user:password@localhost/app")\(q)
                query = \(q)SELECT name FROM users\(q)
                return run(
                    \(q)SELECT 1\(q)
                )
            """)
        #expect(lexed.kind(of: "Module docs") == .docstring)
        #expect(lexed.kind(of: "Example:") == .docstring)
        #expect(lexed.kind(of: "SELECT name") == .string)
        #expect(lexed.kind(of: "SELECT 1") == .string)
    }

    @Test func pythonDocstringsMayCarryAPrefix() {
        let lexed = Lexed("python", """
            def parse(
                    key: str = "url") -> dict:
                u\'\'\' Expects a url like 'postgres://tester:pass@localhost/db' \'\'\'
                pattern = r\"\"\"^\\d+$\"\"\"
                menu\'\'\'x\'\'\'
                return pattern
            """)
        #expect(lexed.kind(of: "Expects a url") == .docstring)
        #expect(lexed.kind(of: "^\\d+") == .string)
        #expect(lexed.kind(of: "menu") == .code)
    }

    @Test func javascriptTemplatesAndRegexLiterals() {
        let lexed = Lexed("javascript", """
            const a = `outer ${ fn(`inner ${deep}`) } tail // not comment`;
            const re = /["']\\/x/g; const half = total / 2; // comment
            /* block "with" quotes */ let b = 'x';
            """)
        #expect(lexed.kind(of: "outer") == .string)
        #expect(lexed.kind(of: "fn(") == .code)
        #expect(lexed.kind(of: "inner") == .string)
        #expect(lexed.kind(of: "deep") == .code)
        #expect(lexed.kind(of: "tail") == .string)
        #expect(lexed.kind(of: "[\"']") == .string)
        #expect(lexed.kind(of: "const half") == .code)
        #expect(lexed.kind(of: "2;") == .code)
        #expect(lexed.kind(of: "comment", occurrence: 2) == .comment)
        #expect(lexed.kind(of: "block") == .comment)
        #expect(lexed.kind(of: "let b") == .code)
    }

    @Test func goRawStringsAndRunes() {
        let lexed = Lexed("go", "s := `raw \\ // not comment`\nr := '\"'\nx := 1 // c\n")
        #expect(lexed.kind(of: "raw") == .string)
        #expect(lexed.kind(of: "r :=") == .code)
        #expect(lexed.kind(of: "x := 1") == .code)
        #expect(lexed.kind(of: "// c") == .comment)
    }

    @Test func swiftNestedCommentsAndRawStrings() {
        let lexed = Lexed("swift", """
            /* outer /* inner */ still comment */ let a = 1
            let raw = #"a "quoted" \\ string"#
            let multi = \"\"\"
              // inside multi
              \"\"\"
            let b = 2
            """)
        #expect(lexed.kind(of: "still comment") == .comment)
        #expect(lexed.kind(of: "let a") == .code)
        #expect(lexed.kind(of: "quoted") == .string)
        #expect(lexed.kind(of: "inside multi") == .string)
        #expect(lexed.kind(of: "let b") == .code)
    }

    @Test func rubyHeredocsBlockCommentsAndPercentLiterals() {
        let lexed = Lexed("ruby", """
            sql = <<~SQL
              SELECT * FROM users -- "x"
            SQL
            =begin
            commented out code
            =end
            words = %w[alpha beta]
            total = a % b
            """)
        #expect(lexed.kind(of: "SELECT") == .string)
        #expect(lexed.kind(of: "commented out") == .comment)
        #expect(lexed.kind(of: "alpha") == .string)
        #expect(lexed.kind(of: "total") == .code)
        #expect(lexed.kind(of: "% b") == .code)
    }

    @Test func shellCommentsNeedABoundary() {
        let lexed = Lexed("shell", """
            echo "$#" ${#arr} a#b # real
            cat <<'EOF'
            # not a comment: heredoc
            EOF
            echo done
            """)
        #expect(lexed.kind(of: "${#arr}") == .code)
        #expect(lexed.kind(of: "a#b") == .code)
        #expect(lexed.kind(of: "# real") == .comment)
        #expect(lexed.kind(of: "not a comment") == .string)
        #expect(lexed.kind(of: "echo done") == .code)
    }

    @Test func yamlCommentsQuotesAndBlockScalars() {
        let lexed = Lexed("yaml", """
            url: http://x/#anchor
            name: 'it''s' # comment
            script: |
              echo "# inside"
              run it
            next: value
            """)
        #expect(lexed.kind(of: "#anchor") == .code)
        #expect(lexed.kind(of: "it''s") == .string)
        #expect(lexed.kind(of: "# comment") == .comment)
        #expect(lexed.kind(of: "echo") == .string)
        #expect(lexed.kind(of: "run it") == .string)
        #expect(lexed.kind(of: "next") == .code)
    }

    @Test func csharpVerbatimAndPhpAttributes() {
        let cs = Lexed("csharp", "var p = @\"C:\\dir\\\"\"x\"\"\"; // c\n")
        #expect(cs.kind(of: "C:") == .string)
        #expect(cs.kind(of: "// c") == .comment)
        let php = Lexed("php", "#[Route('/x')]\n# comment\n$s = <<<EOT\nbody #\nEOT;\n$y = 1;\n")
        #expect(php.kind(of: "[Route") == .code)
        #expect(php.kind(of: "# comment") == .comment)
        #expect(php.kind(of: "body") == .string)
        #expect(php.kind(of: "$y") == .code)
    }

    @Test func sqlTomlDockerfile() {
        let sql = Lexed("sql", "SELECT 'it''s -- no' -- yes\n/* c */ FROM t;\n")
        #expect(sql.kind(of: "-- no") == .string)
        #expect(sql.kind(of: "-- yes") == .comment)
        #expect(sql.kind(of: "FROM") == .code)
        let toml = Lexed("toml", "a = \"x # y\" # z\nb = '''\nraw\n'''\n")
        #expect(toml.kind(of: "x # y") == .string)
        #expect(toml.kind(of: "# z") == .comment)
        #expect(toml.kind(of: "raw") == .string)
        let docker = Lexed("dockerfile", "# syntax\nRUN echo \"#no\" # shell sees this\n")
        #expect(docker.kind(of: "# syntax") == .comment)
        #expect(docker.kind(of: "#no") == .string)
        #expect(docker.kind(of: "# shell") == .code)
    }

    @Test func unterminatedConstructsEndSensibly() {
        let single = Lexed("python", "x = 'open\ny = 1\n")
        #expect(single.kind(of: "y = 1") == .code)
        let block = Lexed("javascript", "a = 1 /* never closed\nb = 2")
        #expect(block.kind(of: "b = 2") == .comment)
        let triple = Lexed("python", "s = \"\"\"never closed\nz")
        #expect(triple.kind(of: "z") == .string)
        let empty = Lexed("go", "")
        #expect(empty.map.kind(at: 0) == .code)
        let backslashAtEnd = Lexed("javascript", "x = \"abc\\")
        #expect(backslashAtEnd.kind(of: "abc") == .string)
    }
}

/// Every lexer on many buffers of the characters that drive lexers: no crash, no hang, well-formed regions.
@Suite struct LexerRobustnessTests {
    /// A small deterministic generator (SplitMix64), so that failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = Array("\"'`/\\*#-{}()[]<>%$|=:;@ \t\n\r\nabcEOF=begin=end\"\"\"'''${}\u{00E9}".utf8)

    @Test("random buffers lex into well-formed regions", arguments: LexerSyntax.table.keys.sorted())
    func randomBuffers(_ language: String) {
        let lexer = Lexer(syntax: LexerSyntax.table[language]!)
        var generator = SplitMix(state: UInt64(language.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        for _ in 0..<300 {
            let length = Int.random(in: 0...300, using: &generator)
            var bytes = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }
            let map = bytes.withUnsafeMutableBytes { lexer.regions(of: UnsafeRawBufferPointer($0)) }
            #expect(map.starts.first == 0)
            #expect(zip(map.starts, map.starts.dropFirst()).allSatisfy { $0 < $1 }, "\(language): run starts must increase")
            #expect(map.starts.last! <= max(length, 0))
        }
    }
}
