import Foundation

/// What the programme file declares: the programme(s) and their item trees, the levels, the
/// period format, the legend, the report columns, the cross-cutting tags and the indicators.
/// It changes when the council changes the programme, not every night, so it lives apart
/// from the run's sources and outputs.
public struct ProgrammeDefinition: Sendable {
    public var programme: ProgrammeInfo
    public var register: ProgrammeRegister
    public var legend: ProgressLegend
    public var periodFormat: PeriodFormat
    public var columns: [ReportColumn]
    public var indicators: [IndicatorConfig]
    public var notice: [ReportLanguage: String]
    public var statusHeadings: [ReportLanguage: String]
    /// Each indicator status's code in the programme's legend; empty: the standard symbols.
    public var indicatorCodes: [IndicatorStatus: String] = [:]
    /// The responsible parties' register; nil without a `parties:` section.
    public var parties: PartyRegister?
}

/// Reads the programme file (docs/config.md, "The programme file") as strictly as the run config.
public enum ProgrammeDefinitionLoader {
    static func load(from url: URL, languages: [ReportLanguage], referencedBy reference: YAMLValue? = nil) throws -> ProgrammeDefinition {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let problem = "cannot read the programme file \(url.path)"
            if let reference { throw reference.error(problem) }
            throw ConfigError(file: url.path, line: nil, keyPath: "", problem: problem)
        }
        let file = url.path
        let root = try ConfigLoader.compose(text, file: file, empty: "the programme file is empty")
        try ConfigRules.checkProgrammeFile(YAMLValue(node: root, path: "", file: file))
        let main = languages[0]
        let top = try YAMLValue(node: root, path: "", file: file).mapping(allowed: [
            "programme", "programmes", "name", "organisation", "strategy", "programme_level", "period_format", "periods_per_year",
            "levels", "legend", "binding_goal_label", "columns", "tags", "indicators", "indicator_status", "notice", "status_heading", "parties",
        ] + ConfigLoader.translatedKeys("name") + ConfigLoader.translatedKeys("status_heading") + ConfigLoader.translatedKeys("binding_goal_label") + ConfigLoader.translatedKeys("notice")
          + ConfigLoader.translatedKeys("organisation") + ConfigLoader.translatedKeys("strategy"))

        let levelsValue = try top.required("levels")
        let levels = try levelsValue.sequence().map { try readLevel($0, main: main) }
        guard (1...5).contains(levels.count) else { throw levelsValue.error("declare 1 to 5 levels above the action") }
        if Set(levels.map(\.key)).count != levels.count { throw levelsValue.error("each level needs its own key") }
        if let reserved = levels.first(where: { $0.key == "programme" }) {
            throw levelsValue.error("\"\(reserved.key)\" is the programme level's key; name the level otherwise")
        }

        var programmeLevel = HierarchyLevel(key: "programme", names: [:], numbering: .integer, headings: [:])
        for language in ReportLanguage.allCases { programmeLevel.names[language] = ReportStrings(language: language).programmeLevel }
        if let value = top["programme_level"] {
            let map = try value.mapping(allowed: ["name", "heading", "numbering"] + ConfigLoader.translatedKeys("name") + ConfigLoader.translatedKeys("heading"))
            if let name = map["name"] { programmeLevel.names[main] = try name.string() }
            programmeLevel.names.merge(try ConfigLoader.translations(map, "name")) { _, new in new }
            if let heading = map["heading"] { programmeLevel.headings[main] = try heading.string() }
            programmeLevel.headings.merge(try ConfigLoader.translations(map, "heading")) { _, new in new }
            if let numbering = map["numbering"] { programmeLevel.numbering = try numbering.oneOf(Numbering.self) }
        }

        // One programme (`programme:` with its items) or several (`programmes:`).
        var programmes: [ProgrammeItem] = []
        var info: ProgrammeInfo
        let reader = ItemReader(levels: [programmeLevel] + levels, main: main)
        if let single = top["programme"] {
            if top["programmes"] != nil { throw single.error("give either programme or programmes") }
            let map = try single.mapping(allowed: ["key", "number", "name", "organisation", "strategy", "owner", "items"]
                                         + ConfigLoader.translatedKeys("name") + ConfigLoader.translatedKeys("organisation")
                                         + ConfigLoader.translatedKeys("strategy"))
            let name = try MailHeaderRules.headerText(map.required("name"))
            info = ProgrammeInfo(name: name, organisation: try map["organisation"]?.string(), strategy: try map["strategy"]?.string())
            info.names = try ConfigLoader.translations(map, "name")
            info.organisations = try ConfigLoader.translations(map, "organisation")
            info.strategies = try ConfigLoader.translations(map, "strategy")
            programmes = [try reader.programme(single, map: map)]
        } else {
            let list = try top.required("programmes")
            for value in try list.sequence() {
                let map = try value.mapping(allowed: ["key", "number", "name", "owner", "items"] + ConfigLoader.translatedKeys("name"))
                programmes.append(try reader.programme(value, map: map))
            }
            if programmes.isEmpty { throw list.error("list at least one programme") }
            if Set(programmes.map(\.key)).count != programmes.count { throw list.error("two programmes have the same key") }
            let name = try MailHeaderRules.headerText(top.required("name"))
            info = ProgrammeInfo(name: name, organisation: nil, strategy: nil)
            info.names = try ConfigLoader.translations(top, "name")
        }
        info.organisation = try top["organisation"]?.string() ?? info.organisation
        info.strategy = try top["strategy"]?.string() ?? info.strategy
        info.organisations.merge(try ConfigLoader.translations(top, "organisation")) { _, top in top }
        info.strategies.merge(try ConfigLoader.translations(top, "strategy")) { _, top in top }

        var periodFormat = PeriodFormat.halfYears
        if let value = top["period_format"] {
            periodFormat = PeriodFormat(pattern: try value.string(), perYear: nil)
            guard periodFormat.isValid else {
                throw value.error("a period format has YYYY once and at most one N, e.g. \"N/YYYY\", \"YYYY\", \"TP YYYY\", \"QN/YYYY\"")
            }
            if periodFormat.hasNumber { periodFormat.perYear = 2 }
        }
        if let value = top["periods_per_year"] {
            let count = try value.int()
            guard (1...12).contains(count), periodFormat.hasNumber else { throw value.error("1 to 12, with an N in period_format") }
            periodFormat.perYear = count
        }

        let legend = try readLegend(try top.required("legend"))
        for language in languages.dropFirst() {
            for entry in legend.entries where entry.labels[language] == nil {
                throw try top.required("legend").error(
                    "the code \"\(entry.code)\" needs label_\(language.rawValue) for the report in \(language.rawValue)")
            }
        }

        var tags: [TagDimension] = []
        if let value = top["tags"] {
            for tagValue in try value.sequence() {
                let map = try tagValue.mapping(allowed: ["key", "name", "items"] + ConfigLoader.translatedKeys("name"))
                var names = try ConfigLoader.translations(map, "name")
                names[main] = try map.required("name").string()
                var items: [TagItem] = []
                for itemValue in try map.required("items").sequence() {
                    let itemMap = try itemValue.mapping(allowed: ["key", "number", "title"] + ConfigLoader.translatedKeys("title"))
                    let number = try itemMap["number"]?.string()
                    let title = try itemMap.required("title").string()
                    let key = try itemMap["key"]?.string() ?? number ?? ConfigLoader.slug(title)
                    if items.contains(where: { $0.key == key }) { throw itemValue.error("the tag \"\(key)\" is listed twice") }
                    items.append(TagItem(key: key, number: number, title: title, titles: try ConfigLoader.translations(itemMap, "title")))
                }
                tags.append(TagDimension(key: try map.required("key").string(), names: names, items: items))
            }
        }

        var register = ProgrammeRegister(programmeLevel: programmeLevel, levels: levels, programmes: programmes,
                                         bindingGoalLabel: try top["binding_goal_label"]?.string() ?? "",
                                         bindingGoalLabels: try ConfigLoader.translations(top, "binding_goal_label"), tags: tags)
        register.bindingGoalLabels[main] = register.bindingGoalLabel
        let columns = try top["columns"].map { try readColumns($0, main: main) } ?? ReportColumn.standard
        var indicators = try top["indicators"].map { try ConfigLoader.readIndicators($0, register: register, mainLanguage: main) } ?? []
        // The statistics files are named from the programme file's own folder, wherever the run config is.
        let folder = url.deletingLastPathComponent()
        for index in indicators.indices {
            for source in indicators[index].sources.indices where !indicators[index].sources[source].path.hasPrefix("/") {
                indicators[index].sources[source].path = folder.appendingPathComponent(indicators[index].sources[source].path).standardizedFileURL.path
            }
        }
        // The indicators' statuses in the programme's own legend: achieved → "+", behind → "+/-" …
        var indicatorCodes: [IndicatorStatus: String] = [:]
        if let value = top["indicator_status"] {
            for (key, codeValue, _) in try value.freeMapping() {
                guard let setting = IndicatorStatusSetting(rawValue: key) else {
                    throw codeValue.error("expected achieved, on_track, behind, wrong_way or no_data")
                }
                let code = try codeValue.string()
                guard legend.entry(for: code) != nil else {
                    throw codeValue.error("\"\(code)\" is not a code of the legend (\(legend.entries.map(\.code).joined(separator: ", ")))")
                }
                indicatorCodes[setting.status] = code
            }
            if let missing = IndicatorStatus.allCases.first(where: { indicatorCodes[$0] == nil }) {
                throw value.error("give a legend code for every status; \(missing.rawValue.replacingOccurrences(of: "-", with: "_")) has none")
            }
        }
        var notice = try ConfigLoader.translations(top, "notice")
        if let value = top["notice"] { notice[main] = try value.string() }
        var statusHeadings = try ConfigLoader.translations(top, "status_heading")
        if let value = top["status_heading"] { statusHeadings[main] = try value.string() }
        var definition = ProgrammeDefinition(programme: info, register: register, legend: legend, periodFormat: periodFormat,
                                             columns: columns, indicators: indicators, notice: notice, statusHeadings: statusHeadings,
                                             indicatorCodes: indicatorCodes)
        definition.parties = try top["parties"].map { try ConfigLoader.readParties($0, main: main) }
        return definition
    }

    private static func readLevel(_ value: YAMLValue, main: ReportLanguage) throws -> HierarchyLevel {
        let map = try value.mapping(allowed: ["key", "name", "numbering", "heading"]
                                    + ConfigLoader.translatedKeys("name") + ConfigLoader.translatedKeys("heading"))
        var names = try ConfigLoader.translations(map, "name")
        names[main] = try map.required("name").string()
        var headings = try ConfigLoader.translations(map, "heading")
        if let heading = map["heading"] { headings[main] = try heading.string() }
        let numbering = try map["numbering"]?.oneOf(Numbering.self) ?? .none
        for (_, heading) in headings where !heading.contains("{title}") {
            throw value.error("a heading shows the item's {title}")
        }
        if numbering == .none, headings.values.contains(where: { $0.contains("{number}") }) {
            throw value.error("a level without numbering has no {number} to show")
        }
        return HierarchyLevel(key: try map.required("key").string(), names: names, numbering: numbering, headings: headings)
    }

    /// The item trees: each item's number is read by its level's numbering and must be unique
    /// among its level's items; a dotted number must continue its parent's (`1.2` under `1`).
    struct ItemReader {
        let levels: [HierarchyLevel]
        let main: ReportLanguage

        func programme(_ value: YAMLValue, map: YAMLMapping) throws -> ProgrammeItem {
            let number = try map["number"]?.string()
            let name = try map.required("name").string()
            let key = try map["key"]?.string() ?? number ?? ConfigLoader.slug(name)
            var item = ProgrammeItem(path: ItemPath([key]), level: 0, number: number, title: name,
                                     titles: try ConfigLoader.translations(map, "name"), owner: try map["owner"]?.string())
            if let items = map["items"] {
                var seen: Set<String> = []
                item.children = try items.sequence().map { try self.item($0, level: 1, parent: item, seen: &seen) }
            }
            return item
        }

        func item(_ value: YAMLValue, level: Int, parent: ProgrammeItem, seen: inout Set<String>) throws -> ProgrammeItem {
            guard level < levels.count else {
                throw value.error("items nest deeper than the \(levels.count - 1) declared levels")
            }
            let declared = levels[level]
            let map = try value.mapping(allowed: ["key", "number", "title", "binding_goal", "owner", "items"]
                                        + ConfigLoader.translatedKeys("title"))
            let title = try map.required("title").string()
            var number: String?
            var key: String
            if let numberValue = map["number"] {
                let written = try numberValue.string()
                guard declared.numbering != .none else {
                    throw numberValue.error("the level \"\(declared.key)\" has no numbering (numbering: none); remove number or declare one")
                }
                guard let numberKey = declared.numberKey(written) else {
                    throw numberValue.error("\"\(written)\" is not a \(declared.numbering.rawValue) number of the level \"\(declared.key)\"")
                }
                if declared.numbering == .dotted, let parentNumber = parent.number,
                   let parentKey = levels[parent.level].numberKey(parentNumber), levels[parent.level].numbering != .none,
                   !numberKey.hasPrefix(parentKey + ".") {
                    throw numberValue.error("\(numberKey) is under \(parentNumber): a dotted number continues its parent's (\(parentKey).…)")
                }
                number = TextNormaliser.singleLine(written).trimmingCharacters(in: CharacterSet(charactersIn: "."))
                key = try map["key"]?.string() ?? numberKey
            } else {
                guard let explicit = try map["key"]?.string() ?? (declared.numbering == .none ? ConfigLoader.slug(title) : nil) else {
                    throw value.error("an item without a number in the numbered level \"\(declared.key)\" needs a key")
                }
                key = explicit
            }
            guard seen.insert("\(level)/\(key)").inserted else {
                throw value.error("the \(declared.key) \"\(number ?? key)\" is listed twice")
            }
            var item = ProgrammeItem(path: parent.path.appending(key), level: level, number: number, title: title,
                                     titles: try ConfigLoader.translations(map, "title"),
                                     bindingGoal: try map["binding_goal"]?.string(), owner: try map["owner"]?.string())
            if let children = map["items"] {
                item.children = try children.sequence().map { try self.item($0, level: level + 1, parent: item, seen: &seen) }
            }
            return item
        }
    }

    static func readLegend(_ value: YAMLValue) throws -> ProgressLegend {
        var entries: [ProgressLegendEntry] = []
        for item in try value.sequence() {
            let map = try item.mapping(allowed: ["code", "label", "colour", "aliases", "ranked", "state", "percent", "fill"]
                                       + ConfigLoader.translatedKeys("label"))
            let colourValue = try map.required("colour")
            let colour = try colourValue.string()
            guard HexColour(colour) != nil else { throw colourValue.error("expected a colour as #RRGGBB, found \"\(colour)\"") }
            let code = try map.required("code").string()
            if entries.contains(where: { $0.code == code }) { throw item.error("the code \"\(code)\" is listed twice") }
            var entry = ProgressLegendEntry(
                code: code,
                label: try map.required("label").string(),
                colour: colour,
                aliases: try map["aliases"]?.sequence().map { try $0.string() } ?? [],
                ranked: try map["ranked"]?.bool() ?? true,
                labels: try ConfigLoader.translations(map, "label")
            )
            entry.state = try map["state"]?.oneOf(ProgressState.self) ?? (entry.ranked ? .inProgress : .noInformation)
            if let percent = map["percent"] {
                let band = try percent.mapping(allowed: ["from", "to"])
                let from = try band.required("from").number()
                let to = try band.required("to").number()
                guard from <= to, from >= 0, to <= 100 else { throw percent.error("expected 0 ≤ from ≤ to ≤ 100") }
                entry.percentBand = PercentBand(from: from, to: to)
            }
            if let fill = map["fill"] {
                let text = try fill.string()
                guard HexColour(text) != nil else { throw fill.error("expected a colour as #RRGGBB, found \"\(text)\"") }
                entry.fill = text.uppercased()
            }
            entries.append(entry)
        }
        if entries.isEmpty { throw value.error("the legend needs at least one code") }
        // Spellings are compared ignoring case, spacing and dashes: two codes may not meet there.
        try ConfigRules.checkLegendSpellings(value)
        let bands = entries.compactMap { entry in entry.percentBand.map { (entry.code, $0) } }.sorted { $0.1.from < $1.1.from }
        for (previous, next) in zip(bands, bands.dropFirst()) where next.1.from <= previous.1.to {
            throw value.error("the percentage bands of \"\(previous.0)\" and \"\(next.0)\" overlap")
        }
        return ProgressLegend(entries: entries)
    }

    private static func readColumns(_ value: YAMLValue, main: ReportLanguage) throws -> [ReportColumn] {
        try value.sequence().map { item in
            let map = try item.mapping(allowed: ["field", "source", "label"] + ConfigLoader.translatedKeys("label"))
            var labels = try ConfigLoader.translations(map, "label")
            if let label = map["label"] { labels[main] = try label.string() }
            let field = try map.required("field")
            switch try field.string() {
            case "projects": return ReportColumn(content: .projects, labels: labels)
            case "responsible": return ReportColumn(content: .responsible, labels: labels)
            case "extra":
                let source = try map.required("source").string()
                if labels[main] == nil { labels[main] = source }
                return ReportColumn(content: .extra(source: source), labels: labels)
            default: throw field.error("expected projects, responsible or extra (with source: the column's header)")
            }
        }
    }
}

/// Keys of configurations written before the programme file, and what to write instead.
enum LegacyKeys {
    static let topLevel: [String: String] = [
        "programme": "the programme (with its items), the legend, the register and the indicators now live in a programme file: " +
            "move them there, name it with programme_file: and replace register.themes/goals with levels: and items: " +
            "(docs/config.md, \"Moving a configuration to a programme file\")",
    ]
    static let columns: [String: String] = [
        "theme": "the theme column is now a level's: write it under columns.levels.<level key> (e.g. levels: {painopiste: Painopiste})",
        "goal_number": "the goal number column is now a level's: columns.levels.<level key>.number (e.g. tavoite: {number: Tavoite nro, title: Tavoite})",
        "goal_title": "the goal title column is now a level's: columns.levels.<level key>.title",
    ]
    static let sections: [String: String] = [
        "theme": "section patterns are per level now: sections.<level key> (the theme level's key from the programme file)",
        "goal": "section patterns are per level now: sections.<level key> (the goal level's key from the programme file)",
    ]
}

extension ConfigLoader {
    /// A configuration from before the programme file: stop with what to change, never half-read it.
    static func refuseInlineProgramme(_ top: YAMLValue) throws {
        guard let entries = try? top.freeMapping() else { return }
        for (key, value, line) in entries where ["programme", "register", "legend", "indicators"].contains(key) {
            throw ConfigError(file: top.file, line: line, keyPath: value.path.isEmpty ? key : value.path,
                              problem: LegacyKeys.topLevel["programme"]!)
        }
    }
}
