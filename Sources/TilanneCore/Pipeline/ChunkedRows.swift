/// The rows a stage hands the next one, kept in chunks of a fixed size instead of one array, so
/// that the next stage can let each chunk go as soon as it has made its own rows from it
/// (`drain`). A stage that reads a whole array while writing a new one holds both until it is
/// done: at 1,000,000 actions, the normalised rows (184 bytes each) beside the checked rows (208)
/// in the validate stage, and the checked rows beside the report's rows (224) in the aggregate
/// stage. Drained, each stage holds its output and one chunk of its input.
///
/// Otherwise it reads as an array: indexed from 0 in order, appended to, an element replaced in
/// place. Inserting or removing anywhere but by emptying it rebuilds every chunk (O(n), a second
/// copy for a moment): the stages only append, read and drain.
public struct ChunkedRows<Row>: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    /// 8,192 rows: a chunk of checked rows is about 1.7 MB, small beside a million of them and
    /// large enough that the chunks' own array and the index arithmetic cost nothing measurable.
    static var chunkShift: Int { 13 }
    static var chunkSize: Int { 1 << chunkShift }

    private var chunks: [[Row]] = []
    public private(set) var count = 0

    public init() {}

    public init<Rows: Sequence>(_ rows: Rows) where Rows.Element == Row {
        append(contentsOf: rows)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Row {
        get {
            precondition(position >= 0 && position < count, "row index out of range")
            return chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
        }
        set {
            precondition(position >= 0 && position < count, "row index out of range")
            chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)] = newValue
        }
    }

    public mutating func append(_ row: Row) {
        if chunks.isEmpty {
            // The first chunk grows as an array does: a programme of 77 rows (or a filter's few)
            // does not reserve room for 8,192.
            chunks.append([])
        } else if chunks[chunks.count - 1].count == Self.chunkSize {
            // Rows beyond a full chunk: the next is sized once, not grown by doubling.
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(row)
        count += 1
    }

    /// Rows made as one chunk elsewhere: kept as they are when they fill a chunk after full
    /// ones (no copy), otherwise appended one by one.
    mutating func append(chunk rows: [Row]) {
        if rows.count == Self.chunkSize && (chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkSize) {
            chunks.append(rows)
            count += rows.count
        } else {
            append(contentsOf: rows)
        }
    }

    public mutating func append<Rows: Sequence>(contentsOf rows: Rows) where Rows.Element == Row {
        for row in rows { append(row) }
    }

    /// Rows are kept in full chunks, so only the chunks' own array is reserved.
    public mutating func reserveCapacity(_ capacity: Int) {
        chunks.reserveCapacity((capacity + Self.chunkSize - 1) >> Self.chunkShift)
    }

    public mutating func replaceSubrange<Replacement: Collection>(_ range: Range<Int>, with replacement: Replacement)
        where Replacement.Element == Row {
        // Rare (emptying, the odd edit in a test): made again from the rows in their new order.
        if range == startIndex..<endIndex {
            self = ChunkedRows(replacement)
            return
        }
        var rows = Array(self)
        rows.replaceSubrange(range, with: replacement)
        self = ChunkedRows(rows)
    }

    /// Hands every chunk to `body` in order and lets it go once `body` returns; the collection
    /// is empty afterwards. A chunk is freed only if nothing else holds it: the caller owns the
    /// rows alone (moved to it, not copied) when the memory is to be saved.
    public mutating func drain(_ body: ([Row]) throws -> Void) rethrows {
        var remaining: [[Row]] = []
        swap(&remaining, &chunks)
        count = 0
        for index in remaining.indices {
            let chunk = remaining[index]
            remaining[index] = []
            try body(chunk)
        }
    }

    public func makeIterator() -> Iterator { Iterator(chunks: chunks) }

    /// Walks the chunks directly: no index arithmetic per row.
    public struct Iterator: IteratorProtocol {
        private let chunks: [[Row]]
        private var chunk = 0
        private var offset = 0

        init(chunks: [[Row]]) { self.chunks = chunks }

        public mutating func next() -> Row? {
            while chunk < chunks.count {
                if offset < chunks[chunk].count {
                    defer { offset += 1 }
                    return chunks[chunk][offset]
                }
                chunk += 1
                offset = 0
            }
            return nil
        }
    }
}

extension ChunkedRows: ExpressibleByArrayLiteral {
    public init(arrayLiteral rows: Row...) { self.init(rows) }
}

extension ChunkedRows: Sendable where Row: Sendable {}
