/// Identity of an item of the programme's hierarchy: its keys from the programme down, e.g.
/// `hyvan-elaman-ohjelma/1.1/1.1.1`. Display titles and headings never identify an item:
/// renaming a goal keeps its path, and two items with the same title stay two items.
public struct ItemPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var keys: [String]

    public init(_ keys: [String]) { self.keys = keys }

    /// Parses the `/`-joined form written into the history and the model dump.
    public init(parsing text: String) {
        keys = text.isEmpty ? [] : text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    public var description: String { keys.joined(separator: "/") }
    public var depth: Int { keys.count }
    public var last: String? { keys.last }
    public var parent: ItemPath? { keys.isEmpty ? nil : ItemPath(Array(keys.dropLast())) }

    public func appending(_ key: String) -> ItemPath { ItemPath(keys + [key]) }

    /// The ancestor at `level` (0: the programme), or nil when the path is not that deep.
    public func ancestor(atLevel level: Int) -> ItemPath? {
        keys.count > level ? ItemPath(Array(keys.prefix(level + 1))) : nil
    }

    /// Whether `self` is `other` or one of its ancestors.
    public func contains(_ other: ItemPath) -> Bool {
        other.keys.count >= keys.count && Array(other.keys.prefix(keys.count)) == keys
    }

    public static func < (a: ItemPath, b: ItemPath) -> Bool { a.description < b.description }
}

extension ItemPath: Codable {
    public init(from decoder: Decoder) throws { self.init(parsing: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
