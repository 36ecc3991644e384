/// One item of the programme's register: a programme (level 0), or an item at one of the
/// declared levels (Painopiste 1.1, Kohta 1.1.1 …), with its children.
public struct ProgrammeItem: Sendable, Codable, Hashable {
    public var path: ItemPath
    /// 0: a programme; 1…: the declared levels, top first.
    public var level: Int
    /// The number as the programme writes it (`1.1`, `5`), nil when the level has none.
    public var number: String?
    public var title: String
    /// The title in the other report languages (`title_sv`).
    public var titles: [ReportLanguage: String] = [:]
    /// The binding budget goal (`sitova tavoite`), when the register names one.
    public var bindingGoal: String?
    /// Who answers for the item (a programme's ohjelmajohtaja).
    public var owner: String?
    public var children: [ProgrammeItem] = []

    public var key: String { path.last ?? "" }

    /// Whether a title as written is this item's, in any language (case, spacing and dashes ignored).
    public func isTitled(_ written: String) -> Bool {
        let key = TextNormaliser.comparisonKey(written)
        return key == TextNormaliser.comparisonKey(title) || titles.values.contains { TextNormaliser.comparisonKey($0) == key }
    }
}

/// A cross-cutting dimension: items outside the hierarchy an action can be linked to
/// (Imatra's strategic kärkitekemiset, Heinola's välineet), with a summary table of its own.
public struct TagDimension: Sendable, Codable, Hashable {
    public var key: String
    public var names: [ReportLanguage: String]
    public var items: [TagItem]
}

public struct TagItem: Sendable, Codable, Hashable {
    public var key: String
    public var number: String?
    public var title: String
    public var titles: [ReportLanguage: String] = [:]
}
