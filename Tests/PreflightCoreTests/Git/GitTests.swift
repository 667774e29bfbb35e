import Testing
@testable import PreflightCore

@Suite struct GitTests {
    @Test func addedLinesComeFromTheNewSideOfEachHunk() {
        let diff = """
            diff --git a/a.py b/a.py
            index 1111111..2222222 100644
            --- a/a.py
            +++ b/a.py
            @@ -1,0 +2,3 @@ import os
            +one
            +two
            +three
            @@ -10 +13 @@ def f():
            -old
            +new
            @@ -20,2 +22,0 @@
            -gone
            -gone too
            diff --git a/new file.py b/new file.py
            new file mode 100644
            --- /dev/null
            +++ b/new file.py
            @@ -0,0 +1 @@
            +x = 1
            diff --git a/removed.py b/removed.py
            --- a/removed.py
            +++ /dev/null
            @@ -1 +0,0 @@
            -x = 1
            """
        let lines = Git.addedLines(inDiff: diff)
        #expect(lines["a.py"] == [2, 3, 4, 13])
        #expect(lines["new file.py"] == [1])
        #expect(lines["removed.py"] == nil)
        #expect(lines.count == 2)
    }

    @Test func shardsSplitEveryPathIntoExactlyOnePart() throws {
        let paths = (0..<500).map { "src/module\($0)/file.py" }
        let shards = (1...3).map { Shard("\($0)/3")! }
        for path in paths {
            #expect(shards.filter { $0.contains(path) }.count == 1)
        }
        let sizes = shards.map { shard in paths.filter(shard.contains).count }
        #expect(sizes.allSatisfy { $0 > 100 }, "\(sizes)")
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("1/0") == nil && Shard("x") == nil)
        // The split is fixed (FNV-1a, published test vectors): the same path lands in the same shard everywhere.
        #expect(Shard.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.hash("foobar") == 0x8594_4171_f739_67e8)
    }
}
