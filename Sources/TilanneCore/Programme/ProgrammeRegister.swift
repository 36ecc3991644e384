/// The programme definition's register: the levels it declares, its programmes and their
/// item trees, its cross-cutting tags. Items are found by path, by number or by title; the
/// indexes are built once when the configuration is loaded.
public struct ProgrammeRegister: Sendable, Codable {
    /// What a programme is called when a report holds several (level 0).
    public var programmeLevel: HierarchyLevel
    /// The declared levels above the action, top first (1…5).
    public var levels: [HierarchyLevel]
    /// The programmes, each the root of its item tree.
    public var programmes: [ProgrammeItem]
    /// How the binding budget goal is introduced in the report, e.g. `Sitova tavoite TA2021`.
    public var bindingGoalLabel: String
    public var bindingGoalLabels: [ReportLanguage: String] = [:]
    public var tags: [TagDimension] = []

    private var byPath: [ItemPath: ProgrammeItem] = [:]
    /// (level, number key or title comparison key) → the items at that level.
    private var byNumber: [LevelKey: [ItemPath]] = [:]
    private var byTitle: [LevelKey: [ItemPath]] = [:]
    /// Keys more than one item has (`1` of two programmes' first painopiste).
    private var sharedKeys: Set<String> = []

    struct LevelKey: Hashable, Codable, Sendable {
        var level: Int
        var key: String
    }

    public init(programmeLevel: HierarchyLevel, levels: [HierarchyLevel], programmes: [ProgrammeItem],
                bindingGoalLabel: String, bindingGoalLabels: [ReportLanguage: String] = [:], tags: [TagDimension] = []) {
        self.programmeLevel = programmeLevel
        self.levels = levels
        self.programmes = programmes
        self.bindingGoalLabel = bindingGoalLabel
        self.bindingGoalLabels = bindingGoalLabels
        self.tags = tags
        func index(_ item: ProgrammeItem) {
            byPath[item.path] = item
            let level = self.level(item.level)
            if let number = item.number, let key = level.numberKey(number) {
                byNumber[LevelKey(level: item.level, key: key), default: []].append(item.path)
            }
            for title in [item.title, item.key] + Array(item.titles.values) {
                let key = TextNormaliser.comparisonKey(title)
                if !key.isEmpty, !(byTitle[LevelKey(level: item.level, key: key)]?.contains(item.path) ?? false) {
                    byTitle[LevelKey(level: item.level, key: key), default: []].append(item.path)
                }
            }
            item.children.forEach(index)
        }
        programmes.forEach(index)
        var seen: Set<String> = []
        for path in byPath.keys { if let key = path.last, !seen.insert(key).inserted { sharedKeys.insert(key) } }
    }

    /// Level 0 is the programme level; 1… the declared levels.
    public func level(_ index: Int) -> HierarchyLevel { index == 0 ? programmeLevel : levels[index - 1] }
    public var depth: Int { levels.count }
    public var hasSeveralProgrammes: Bool { programmes.count > 1 }

    public func item(_ path: ItemPath) -> ProgrammeItem? { byPath[path] }

    public func items(level: Int, numberKey: String) -> [ItemPath] { byNumber[LevelKey(level: level, key: numberKey)] ?? [] }

    public func items(level: Int, title: String) -> [ItemPath] {
        byTitle[LevelKey(level: level, key: TextNormaliser.comparisonKey(title))] ?? []
    }

    /// The items at one level matching a written number or title (a number first).
    public func items(level: Int, number: String?, title: String?) -> [ItemPath] {
        if let number, let key = self.level(level).numberKey(number) { return items(level: level, numberKey: key) }
        if let title { return items(level: level, title: title) }
        return []
    }

    /// Resolves a reference written in the config (`1.1`, `5`, a key or a title) at any level:
    /// the deepest-level match first, so `1.1` is the painopiste, not a programme called "1.1".
    public func resolve(reference: String) -> [ItemPath] {
        if let item = byPath[ItemPath(parsing: reference)] { return [item.path] }
        for level in stride(from: depth, through: 0, by: -1) {
            let found = items(level: level, number: reference, title: nil)
            if !found.isEmpty { return found }
            let byName = items(level: level, title: reference)
            if !byName.isEmpty { return byName }
        }
        return []
    }

    /// Every item in register order, depth first.
    public var allItems: [ProgrammeItem] {
        var result: [ProgrammeItem] = []
        func walk(_ item: ProgrammeItem) { result.append(item); item.children.forEach(walk) }
        programmes.forEach(walk)
        return result
    }

    /// The heading of an item in `language`.
    public func heading(_ item: ProgrammeItem, language: ReportLanguage, main: ReportLanguage) -> String {
        let title = item.titles[language] ?? item.title
        return level(item.level).heading(number: item.number, title: title, language: language, fallback: main)
    }

    /// The item's number, or its title when it has none: how a list of changes names where an action is.
    public func place(_ path: ItemPath) -> String {
        guard let item = byPath[path] else { return path.description }
        return item.number ?? item.title
    }

    /// The part of an item's path an action's derived identity starts with: its own key when
    /// no other item has it (`5`, `1.1.1`, as identities were before), else the whole path.
    public func identityKey(_ path: ItemPath) -> String {
        guard let key = path.last else { return "" }
        return sharedKeys.contains(key) ? path.description : key
    }

    /// An old history row knew only its goal's integer number: the item at the deepest level
    /// with that number, when exactly one has it.
    public func legacyPath(goalNumber: Int) -> ItemPath? {
        for level in stride(from: depth, through: 1, by: -1) {
            let found = items(level: level, numberKey: String(goalNumber))
            if found.count == 1 { return found[0] }
        }
        return nil
    }
}
