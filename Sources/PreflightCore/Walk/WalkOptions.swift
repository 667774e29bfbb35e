/// How the walker chooses and reads files.
public struct WalkOptions: Sendable {
    /// Worker threads; each reads and scans files on its own.
    public var jobs: Int
    /// Files larger than this many bytes are skipped and counted.
    public var maxFileSize: Int
    /// Follow symbolic links (loops are detected and skipped).
    public var followSymlinks: Bool
    /// Honour `.gitignore`, `.scanignore` and `.git/info/exclude`.
    public var useIgnoreFiles: Bool
    /// Extra patterns (gitignore syntax, relative to the scan root) excluded on top of the ignore files.
    public var excludes: [Glob]
    /// The ignore files read in each directory, in order. A scan of staged content reads only `.scanignore`:
    /// a file forced past `.gitignore` is committed all the same.
    public var ignoreFileNames = [".git/info/exclude", ".gitignore", ".scanignore"]

    public init(jobs: Int, maxFileSize: Int = 10 * 1024 * 1024, followSymlinks: Bool = false, useIgnoreFiles: Bool = true, excludes: [Glob] = []) {
        self.jobs = max(1, jobs)
        self.maxFileSize = maxFileSize
        self.followSymlinks = followSymlinks
        self.useIgnoreFiles = useIgnoreFiles
        self.excludes = excludes
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
}
