/// One of N disjoint parts of a file set (`--shard I/N`): a file belongs to the part its path hashes to, so every
/// machine splits the same tree the same way, and files keep their shard when others are added.
public struct Shard: Sendable, Equatable {
    /// 1-based.
    public let index: Int
    public let count: Int

    /// `I/N` with 1 ≤ I ≤ N, or nil.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Whether the file at `path` (relative to the scan root) is in this shard.
    public func contains(_ path: String) -> Bool {
        Int(Self.hash(path) % UInt64(count)) == index - 1
    }

    /// 64-bit FNV-1a of the path's UTF-8 bytes: stable across runs, machines and Swift versions.
    static func hash(_ path: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
