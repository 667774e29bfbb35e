/// One pass over a buffer that tells which rules' keywords occur in it (ASCII case-insensitive):
/// an Aho-Corasick automaton compiled to a transition table over byte classes.
final class KeywordAutomaton: @unchecked Sendable {
    /// The class of each byte: the bytes that occur in no keyword share class 0, the others (case folded) have
    /// one each. Fewer columns keep the table small enough for the processor's caches.
    private let classes: UnsafeMutablePointer<UInt8>
    private let classCount: Int
    /// `transitions[state * classCount + class]` is the next state, premultiplied by `classCount` and shifted
    /// left by one, with the low bit set when a keyword ends in that state: one load and one test per byte.
    private let transitions: UnsafeMutablePointer<UInt32>
    private let stateCount: Int
    /// For each state, the slice of `outputs` that lists the entries whose keyword ends there (through failure
    /// links too), each as its index shifted left by one, with the low bit set when every occurrence is wanted.
    private let outputStarts: [Int]
    private let outputs: [Int32]
    /// The number of entries (keyword lists) the automaton was built from.
    let entryCount: Int

    /// `keywords[i]` are the keywords of entry `i`; an entry with none is never reported. For an entry whose
    /// `everyOccurrence[i]` is false only the first occurrence is reported: the caller asks whether it occurs.
    init(keywords: [[String]], everyOccurrence: [Bool]? = nil) {
        entryCount = keywords.count
        let words = keywords.map { Set($0.map { Array($0.lowercased().utf8).map(Self.fold) }.filter { !$0.isEmpty }) }
        var classOf = [UInt8](repeating: 0, count: 256)
        var representatives: [UInt8] = [0]
        for byte in Set(words.flatMap { $0.flatMap { $0 } }).sorted() {
            representatives.append(byte)
            classOf[Int(byte)] = UInt8(representatives.count - 1)
            if byte >= 97 && byte <= 122 { classOf[Int(byte) - 32] = UInt8(representatives.count - 1) }
        }
        let width = representatives.count
        var trie: [[Int]] = [Array(repeating: -1, count: width)]
        var ends: [[Int32]] = [[]]
        for (entry, set) in words.enumerated() {
            let output = Int32(entry) << 1 | (everyOccurrence?[entry] ?? true ? 1 : 0)
            for word in set {
                var state = 0
                for byte in word {
                    let column = Int(classOf[Int(byte)])
                    if trie[state][column] < 0 {
                        trie.append(Array(repeating: -1, count: width))
                        ends.append([])
                        trie[state][column] = trie.count - 1
                    }
                    state = trie[state][column]
                }
                if !ends[state].contains(output) { ends[state].append(output) }
            }
        }
        var table = [Int](repeating: 0, count: trie.count * width)
        var failure = [Int](repeating: 0, count: trie.count)
        var queue: [Int] = []
        for column in 0..<width where trie[0][column] >= 0 {
            table[column] = trie[0][column]
            queue.append(trie[0][column])
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ends[state] += ends[failure[state]].filter { !ends[state].contains($0) }
            for column in 0..<width {
                let next = trie[state][column]
                if next >= 0 {
                    table[state * width + column] = next
                    failure[next] = table[failure[state] * width + column]
                    queue.append(next)
                } else {
                    table[state * width + column] = table[failure[state] * width + column]
                }
            }
        }
        stateCount = trie.count
        classCount = width
        classes = .allocate(capacity: 256)
        classes.initialize(from: classOf, count: 256)
        transitions = .allocate(capacity: table.count)
        for (index, next) in table.enumerated() {
            transitions[index] = UInt32(next * width) << 1 | (ends[next].isEmpty ? 0 : 1)
        }
        var starts = [0]
        for state in ends { starts.append(starts.last! + state.count) }
        outputStarts = starts
        outputs = ends.flatMap { $0 }
    }

    deinit {
        classes.deallocate()
        transitions.deallocate()
    }

    /// Appends to `hits[entry]` the offset just past each occurrence of one of the entry's keywords in `buffer`
    /// (only the first one for an entry that does not want every occurrence).
    func scan(_ buffer: UnsafeRawBufferPointer, into hits: inout [[Int]]) {
        guard stateCount > 1, var byte = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let start = byte
        let end = byte + buffer.count
        let table = transitions
        let classes = classes
        var state = 0
        while byte != end {
            let entry = Int(table[state &+ Int(classes[Int(byte.pointee)])])
            state = entry &>> 1
            byte += 1
            if entry & 1 != 0 {
                let offset = byte - start
                let index = state / classCount
                for output in outputs[outputStarts[index]..<outputStarts[index + 1]] {
                    let rule = Int(output &>> 1)
                    if output & 1 != 0 || hits[rule].isEmpty { hits[rule].append(offset) }
                }
            }
        }
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }
}
