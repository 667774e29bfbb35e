/// How the block that belongs to a match is found.
public enum BlockKind: String, Sendable, CaseIterable {
    /// Python: from the match's line through the next `def`/`class` (decorators included) and its indented suite;
    /// for a match on an `if`, `for`, `with`, `try`... line, that statement's suite.
    case python
    /// Brace languages: from the match to the brace that closes the first `{` after it, outside strings and comments.
    case braces
    /// Call-style frameworks: from the match to the parenthesis that closes the first `(` after it.
    case call
    /// A value: from the match to the bracket that closes the first `(`, `[` or `{` after it (the list after
    /// `examples=`, the arguments of `OpenApiExample(`).
    case value
    /// The match's line and the lines below it indented deeper: a YAML block scalar or mapping, any Python suite.
    case indented
    /// Annotated declarations (Java, Kotlin, TypeScript): from the first line of the annotation or decorator
    /// stack the match belongs to, through the `{…}` body that follows.
    case decorated
    /// The lines the match stands on.
    case line
    /// A comment block: from the match's line through the consecutive lines below it that hold only a comment.
    /// As an `inside`/`not-inside` block its header may itself be a comment (prose that introduces an example).
    case comment
}
