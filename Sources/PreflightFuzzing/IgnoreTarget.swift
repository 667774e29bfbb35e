import PreflightCore

/// Parses an ignore file and matches paths against it, as files and as directories, from inside and from above
/// the walk target; also each line on its own as a glob. Checks that matching is a function of its input.
enum IgnoreTarget {
    static func run(_ data: [UInt8]) {
        let (patterns, rest) = splitHeader(data, separator: 0)
        let paths = String(decoding: rest, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let files = [IgnoreFile(text: patterns, base: .inside("")), IgnoreFile(text: patterns, base: .inside("sub/dir")),
                     IgnoreFile(text: patterns, base: .above("target"))]
        let globs = patterns.split(separator: "\n").compactMap { Glob(String($0)) }
        for path in paths.prefix(64) {
            for isDirectory in [false, true] {
                for file in files {
                    let verdict = file.verdict(forPathFromTarget: path, isDirectory: isDirectory)
                    require(verdict == file.verdict(forPathFromTarget: path, isDirectory: isDirectory), "ignore verdict for \(path) changed between calls")
                }
                for glob in globs.prefix(64) {
                    _ = glob.matches(path, isDirectory: isDirectory)
                    _ = glob.matchesFileOrAncestor(path)
                }
            }
        }
    }
}
