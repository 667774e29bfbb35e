extension LexerSyntax {
    /// The lexer syntax of each language that has one; other files are all code.
    static func forLanguage(_ language: String?) -> LexerSyntax? {
        guard let language else { return nil }
        return table[language]
    }

    private static let cStyleComments: LexerSyntax = {
        var syntax = LexerSyntax()
        syntax.lineComments = [Array("//".utf8)]
        syntax.blockComments = [(Array("/*".utf8), Array("*/".utf8))]
        return syntax
    }()

    static let table: [String: LexerSyntax] = {
        var table: [String: LexerSyntax] = [:]

        var python = LexerSyntax()
        python.lineComments = [Array("#".utf8)]
        // Docstrings may carry a prefix (u or r before the triple quotes); other prefixed strings lex as their quotes.
        python.strings = ["u", "U", "r", "R", ""].flatMap { prefix in
            ["\"\"\"", "\'\'\'"].map { quotes in
                StringForm(prefix + quotes, quotes, backslash: !prefix.lowercased().hasPrefix("r"), multiline: true, docstring: true)
            }
        } + [StringForm("\""), StringForm("'")]
        table["python"] = python

        var javascript = cStyleComments
        javascript.strings = [StringForm("\""), StringForm("'"), StringForm("`", multiline: true, interpolation: "${")]
        javascript.regexLiterals = true
        table["javascript"] = javascript
        table["typescript"] = javascript

        var go = cStyleComments
        go.strings = [StringForm("`", backslash: false, multiline: true), StringForm("\""), StringForm("'")]
        table["go"] = go

        var swift = cStyleComments
        swift.blockCommentsNest = true
        swift.swiftRawStrings = true
        swift.strings = [StringForm("\"\"\"", multiline: true), StringForm("\"")]
        table["swift"] = swift

        var java = cStyleComments
        java.strings = [StringForm("\"\"\"", multiline: true), StringForm("\""), StringForm("'")]
        table["java"] = java
        table["scala"] = java

        var kotlin = cStyleComments
        kotlin.blockCommentsNest = true
        kotlin.strings = [StringForm("\"\"\"", backslash: false, multiline: true), StringForm("\""), StringForm("'")]
        table["kotlin"] = kotlin

        var csharp = cStyleComments
        csharp.strings = [
            StringForm("\"\"\"", backslash: false, multiline: true),
            StringForm("$@\"", "\"", backslash: false, doubled: true, multiline: true),
            StringForm("@$\"", "\"", backslash: false, doubled: true, multiline: true),
            StringForm("@\"", "\"", backslash: false, doubled: true, multiline: true),
            StringForm("\""), StringForm("'"),
        ]
        table["csharp"] = csharp

        var rust = cStyleComments
        rust.blockCommentsNest = true
        rust.strings = [StringForm("\"", multiline: true)]
        table["rust"] = rust

        var c = cStyleComments
        c.strings = [StringForm("\""), StringForm("'")]
        table["c"] = c
        table["cpp"] = c

        var php = cStyleComments
        php.lineComments.append(Array("#".utf8))
        php.lineCommentExceptions = [Array("#[".utf8)]
        php.strings = [StringForm("\"", multiline: true), StringForm("'", multiline: true)]
        php.heredoc = .php
        table["php"] = php

        var ruby = LexerSyntax()
        ruby.lineComments = [Array("#".utf8)]
        ruby.rubyBlockComments = true
        ruby.rubyPercentLiterals = true
        ruby.strings = [StringForm("\"", multiline: true), StringForm("'", multiline: true), StringForm("`", multiline: true)]
        ruby.heredoc = .ruby
        table["ruby"] = ruby

        var shell = LexerSyntax()
        shell.lineComments = [Array("#".utf8)]
        shell.lineCommentNeedsBoundary = true
        shell.strings = [StringForm("$'", "'", multiline: true), StringForm("\"", multiline: true), StringForm("'", backslash: false, multiline: true)]
        shell.heredoc = .shell
        table["shell"] = shell

        var yaml = LexerSyntax()
        yaml.lineComments = [Array("#".utf8)]
        yaml.lineCommentNeedsBoundary = true
        yaml.strings = [StringForm("\"", multiline: true), StringForm("'", backslash: false, doubled: true, multiline: true)]
        yaml.yamlBlockScalars = true
        table["yaml"] = yaml

        var toml = LexerSyntax()
        toml.lineComments = [Array("#".utf8)]
        toml.strings = [
            StringForm("\"\"\"", multiline: true), StringForm("'''", backslash: false, multiline: true),
            StringForm("\""), StringForm("'", backslash: false),
        ]
        table["toml"] = toml

        var dockerfile = LexerSyntax()
        dockerfile.lineComments = [Array("#".utf8)]
        dockerfile.lineCommentOnlyAtLineStart = true
        dockerfile.strings = [StringForm("\""), StringForm("'", backslash: false)]
        dockerfile.heredoc = .shell
        table["dockerfile"] = dockerfile

        var sql = LexerSyntax()
        sql.lineComments = [Array("--".utf8)]
        sql.blockComments = [(Array("/*".utf8), Array("*/".utf8))]
        sql.strings = [StringForm("'", backslash: false, doubled: true, multiline: true), StringForm("\"", backslash: false, doubled: true, multiline: true)]
        table["sql"] = sql

        var dotenv = LexerSyntax()
        dotenv.lineComments = [Array("#".utf8)]
        dotenv.lineCommentNeedsBoundary = true
        dotenv.strings = [StringForm("\"", multiline: true), StringForm("'", backslash: false, multiline: true)]
        table["dotenv"] = dotenv

        var ini = LexerSyntax()
        ini.lineComments = [Array("#".utf8), Array(";".utf8)]
        ini.lineCommentOnlyAtLineStart = true
        table["ini"] = ini
        return table
    }()
}
