/// A value kept once on the heap: copies of the struct that holds it share it, and it costs its
/// holder 8 bytes instead of its whole size. For the parts of a large model row that many rows
/// share (a table's file) or that most rows lack (an optional note). Equal, hashed and coded as
/// the value itself.
struct Shared<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let storage: Storage

    init(_ value: Value) { storage = Storage(value) }

    var value: Value { storage.value }

    static func == (left: Self, right: Self) -> Bool { left.storage === right.storage || left.value == right.value }

    func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }

    init(from decoder: any Decoder) throws { self.init(try Value(from: decoder)) }

    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
