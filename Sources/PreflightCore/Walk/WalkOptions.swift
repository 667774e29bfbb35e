/// How the walker chooses and reads files.
public struct WalkOptions: Sendable {
    /// Worker threads; each reads and scans files on its own.
    public var jobs: Int
    /// Files larger than this many bytes are skipped and counted.
    public var maxFileSize: Int
    /// Follow symbolic links (loops are detected and skipped; each real directory is walked once).
    public var followSymlinks: Bool
    /// Honour `.gitignore`, `.scanignore` and `.git/info/exclude`. Git's own ignore files hide only the files
    /// git does not track, as they do for git.
    public var useIgnoreFiles: Bool
    /// Extra patterns (gitignore syntax, relative to the scan root) excluded on top of the ignore files, tracked
    /// or not.
    public var excludes: [WalkExclusion]
    /// The ignore files read in each directory, in order. A scan of staged content reads only `.scanignore`:
    /// a file forced past `.gitignore` is committed all the same.
    public var ignoreFileNames = [".git/info/exclude", ".gitignore", IgnoreFile.scanIgnoreName]

    public init(jobs: Int, maxFileSize: Int = 10 * 1024 * 1024, followSymlinks: Bool = false, useIgnoreFiles: Bool = true, excludes: [WalkExclusion] = []) {
        self.jobs = max(1, jobs)
        self.maxFileSize = maxFileSize
        self.followSymlinks = followSymlinks
        self.useIgnoreFiles = useIgnoreFiles
        self.excludes = excludes
    }

    /// Whether git's ignore files are read, so that the files git tracks must be known.
    var readsGitIgnoreFiles: Bool { useIgnoreFiles && ignoreFileNames.contains(".gitignore") }
}

/// A pattern that leaves paths out of a walk, and where it comes from, as summaries name it.
public struct WalkExclusion: Sendable {
    /// `--exclude` on the command line.
    public static let commandLine = "--exclude"
    /// The scan's own files: its reports and baseline.
    public static let scanOutput = "scan's own files"

    public let glob: Glob
    /// `--exclude`, the configuration file's name, or `scan's own files`.
    public let source: String

    public init(glob: Glob, source: String) {
        self.glob = glob
        self.source = source
    }
}

/// One thing to walk: a directory or a file, with the path findings will show for it.
public struct WalkTarget: Sendable {
    /// The path to open, as given.
    public let fileSystemPath: String
    /// The path relative to the scan root ("" for the root itself).
    public let displayPath: String

    public init(fileSystemPath: String, displayPath: String) {
        self.fileSystemPath = fileSystemPath
        self.displayPath = displayPath
    }
}

/// What a walker worker does with each file it reads. One instance per worker thread.
public protocol WalkHandler: AnyObject, SendableMetatype {
    /// A readable text file: its path relative to the scan root and its bytes (valid only during the call).
    func scan(path: String, bytes: UnsafeRawBufferPointer)
    /// A file or directory passed over, and why.
    func skip(_ diagnostic: Diagnostic)
    /// A file or directory left out by an ignore file or an exclusion pattern, named by its source.
    func exclude(path: String, source: String)
    /// A problem that leaves no file out, such as an ignore file that was not read.
    func warn(_ diagnostic: Diagnostic)
}

extension WalkHandler {
    public func exclude(path: String, source: String) {}
    public func warn(_ diagnostic: Diagnostic) { skip(diagnostic) }
}
