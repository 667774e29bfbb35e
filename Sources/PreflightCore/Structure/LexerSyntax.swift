/// What a language's lexer has to know: its comment and string forms. A table, so that a language is data.
struct LexerSyntax: Sendable {
    /// A string literal form.
    struct StringForm: Sendable {
        /// The opening delimiter, such as `"`, `"""`, `r#"` is not needed: raw Swift strings are `swiftRawStrings`.
        let open: [UInt8]
        /// The closing delimiter.
        let close: [UInt8]
        /// A backslash escapes the next byte.
        let backslashEscapes: Bool
        /// The closing delimiter written twice stands for itself (`''` in SQL and YAML, `""` in C# verbatim strings).
        let doubledCloseEscapes: Bool
        /// The literal may run over several lines; otherwise a line break ends it.
        let multiline: Bool
        /// An interpolation opener whose contents are code until the matching `}` (`${` in JS templates).
        let interpolation: [UInt8]?
        /// At the start of a statement that opens the file or follows a header ending in `:`, the literal is a
        /// docstring (Python's triple quotes).
        let docstring: Bool

        init(_ open: String, _ close: String? = nil, backslash: Bool = true, doubled: Bool = false, multiline: Bool = false, interpolation: String? = nil,
             docstring: Bool = false) {
            self.docstring = docstring
            self.open = Array(open.utf8)
            self.close = Array((close ?? open).utf8)
            backslashEscapes = backslash
            doubledCloseEscapes = doubled
            self.multiline = multiline
            self.interpolation = interpolation.map { Array($0.utf8) }
        }
    }

    /// A heredoc style.
    enum Heredoc: Sendable {
        /// `<<EOF`, `<<-EOF`, `<<'EOF'` (shell).
        case shell
        /// `<<~EOS`, `<<-EOS`, `<<EOS` with an upper-case or quoted tag (Ruby).
        case ruby
        /// `<<<EOT`, `<<<"EOT"`, `<<<'EOT'` (PHP).
        case php
    }

    var lineComments: [[UInt8]] = []
    /// A line comment opener counts only at a line start or after white space (`#` in shell and YAML).
    var lineCommentNeedsBoundary = false
    /// A line comment opener counts only as the first non-blank of a line (Dockerfile).
    var lineCommentOnlyAtLineStart = false
    /// Openers that are not comments although they start like one (`#[` attributes in PHP, `#!` is still a comment).
    var lineCommentExceptions: [[UInt8]] = []
    var blockComments: [(open: [UInt8], close: [UInt8])] = []
    /// Block comments nest (Swift, Kotlin).
    var blockCommentsNest = false
    /// `=begin` … `=end` at line starts (Ruby).
    var rubyBlockComments = false
    /// String forms, longest opener first.
    var strings: [StringForm] = []
    var heredoc: Heredoc?
    /// `/…/` regex literals after an operator or keyword (JavaScript, TypeScript).
    var regexLiterals = false
    /// `#"…"#` raw strings (Swift).
    var swiftRawStrings = false
    /// `%q(…)`, `%w[…]` and friends (Ruby).
    var rubyPercentLiterals = false
    /// `key: |` block scalars (YAML).
    var yamlBlockScalars = false
}
