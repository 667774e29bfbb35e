/// One pass over a buffer that tells which rules' keywords occur in it (ASCII case-insensitive):
/// an Aho-Corasick automaton compiled to a full transition table.
final class KeywordAutomaton: @unchecked Sendable {
    /// `transitions[state * 256 + byte]` is the next state shifted left by one, with the low bit set when
    /// a keyword ends in that state: one load and one test per byte.
    private let transitions: UnsafeMutablePointer<Int32>
    private let stateCount: Int
    /// For each state, the rule indices whose keyword ends there (through failure links too).
    private let outputs: [[Int32]]
    let ruleCount: Int

    /// `keywords[i]` are the keywords of rule `i`; a rule with none is not reported (it always runs).
    init(keywords: [[String]]) {
        ruleCount = keywords.count
        var trie: [[UInt8: Int]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (rule, words) in keywords.enumerated() {
            for word in Set(words.map { $0.lowercased() }) where !word.isEmpty {
                var state = 0
                for byte in word.utf8 {
                    let folded = Self.fold(byte)
                    if let next = trie[state][folded] {
                        state = next
                    } else {
                        trie.append([:])
                        ends.append([])
                        trie[state][folded] = trie.count - 1
                        state = trie.count - 1
                    }
                }
                if !ends[state].contains(Int32(rule)) { ends[state].append(Int32(rule)) }
            }
        }
        var table = [Int32](repeating: 0, count: trie.count * 256)
        var failure = [Int](repeating: 0, count: trie.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            if let next = trie[0][Self.fold(UInt8(byte))] {
                table[byte] = Int32(next)
                if Self.fold(UInt8(byte)) == UInt8(byte) { queue.append(next) }
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ends[state] += ends[failure[state]].filter { !ends[state].contains($0) }
            for byte in 0..<256 {
                let folded = Self.fold(UInt8(byte))
                if let next = trie[state][folded] {
                    table[state * 256 + byte] = Int32(next)
                    if folded == UInt8(byte) {
                        failure[next] = Int(table[failure[state] * 256 + byte])
                        queue.append(next)
                    }
                } else {
                    table[state * 256 + byte] = table[failure[state] * 256 + byte]
                }
            }
        }
        stateCount = trie.count
        transitions = .allocate(capacity: table.count)
        for (index, next) in table.enumerated() {
            transitions[index] = next << 1 | (ends[Int(next)].isEmpty ? 0 : 1)
        }
        outputs = ends
    }

    deinit { transitions.deallocate() }

    /// Appends to `hits[rule]` the offset just past each occurrence of one of the rule's keywords in `buffer`.
    func scan(_ buffer: UnsafeRawBufferPointer, into hits: inout [[Int]]) {
        guard stateCount > 1, var byte = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let start = byte
        let end = byte + buffer.count
        let table = transitions
        var state = 0
        while byte != end {
            let entry = Int(table[state &<< 8 | Int(byte.pointee)])
            state = entry &>> 1
            byte += 1
            if entry & 1 != 0 {
                let offset = byte - start
                for rule in outputs[state] { hits[Int(rule)].append(offset) }
            }
        }
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }
}
