import Foundation
import Testing
@testable import TilanneCore

/// The rows a stage hands the next (`ChunkedRows`): an array to every reader, and drained chunk
/// by chunk by the stage that consumes them, each chunk freed before the next is handed over.
@Suite("Chunked rows: read like an array, freed chunk by chunk when consumed")
struct ChunkedRowsTests {
    static let size = ChunkedRows<Int>.chunkSize

    @Test("Across chunk boundaries the rows read, iterate, change and are replaced as in an array")
    func likeAnArray() {
        let values = Array(0..<(2 * Self.size + 17))
        var rows = ChunkedRows(values)
        #expect(rows.count == values.count)
        #expect(Array(rows) == values)
        #expect(rows[Self.size - 1] == Self.size - 1 && rows[Self.size] == Self.size && rows.last == values.last)
        rows[Self.size] = -1
        var expected = values
        expected[Self.size] = -1
        #expect(Array(rows) == expected)
        rows.replaceSubrange(3..<(Self.size + 5), with: [7, 8])
        expected.replaceSubrange(3..<(Self.size + 5), with: [7, 8])
        #expect(Array(rows) == expected && rows.count == expected.count)
        #expect(Array(rows.filter { $0 % 1_000 == 0 }) == expected.filter { $0 % 1_000 == 0 })
        rows = []
        #expect(rows.isEmpty && Array(rows) == [])
    }

    @Test("Rows made as whole chunks elsewhere and rows appended one by one read the same")
    func appendedChunks() {
        var rows = ChunkedRows<Int>()
        rows.append(chunk: Array(0..<Self.size))
        rows.append(chunk: Array(Self.size..<(2 * Self.size)))
        rows.append(chunk: Array((2 * Self.size)..<(2 * Self.size + 5)))
        rows.append(chunk: Array((2 * Self.size + 5)..<(3 * Self.size + 9)))  // after a part chunk: copied
        rows.append(3 * Self.size + 9)
        #expect(Array(rows) == Array(0..<(3 * Self.size + 10)))
        for position in [0, Self.size - 1, Self.size, 2 * Self.size + 4, 2 * Self.size + 5, 3 * Self.size + 9] {
            #expect(rows[position] == position)
        }
    }

    /// What the validate and aggregate stages rely on for their memory: a consumed chunk is
    /// gone before the stage is handed the next one.
    @Test("Draining hands the chunks over in order and frees each before the next")
    func drainFreesEachChunk() {
        let counter = LiveCount()
        var rows = ChunkedRows<Tracked>()
        for number in 0..<(3 * Self.size + 1) { rows.append(Tracked(number, counter: counter)) }
        #expect(counter.live == 3 * Self.size + 1)
        var seen: [Int] = []
        var liveWhenHanded: [Int] = []
        rows.drain { chunk in
            liveWhenHanded.append(counter.live)
            seen += chunk.map(\.number)
        }
        #expect(seen == Array(0..<(3 * Self.size + 1)))
        // Handed the first chunk, all rows are alive; each later chunk finds the ones before it freed.
        #expect(liveWhenHanded == [3 * Self.size + 1, 2 * Self.size + 1, Self.size + 1, 1])
        #expect(counter.live == 0 && rows.isEmpty)
    }

    @Test("A drained copy frees nothing the other copy still holds")
    func drainingACopy() {
        let counter = LiveCount()
        let kept = ChunkedRows((0..<(Self.size + 3)).map { Tracked($0, counter: counter) })
        var drained = kept
        drained.drain { _ in }
        #expect(counter.live == Self.size + 3)
        #expect(kept.map(\.number) == Array(0..<(Self.size + 3)))
    }
}

private final class LiveCount: @unchecked Sendable {
    var live = 0
}

private final class Tracked {
    let number: Int
    let counter: LiveCount
    init(_ number: Int, counter: LiveCount) {
        self.number = number
        self.counter = counter
        counter.live += 1
    }
    deinit { counter.live -= 1 }
}
