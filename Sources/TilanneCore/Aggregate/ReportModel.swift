/// Stage boundary aggregate → render: the whole report, format-neutral. Every renderer reads
/// this and nothing else; `tilanne run --dump-model` writes it as JSON.
public struct ReportModel: Sendable, Codable {
    /// Raised when the JSON shape changes incompatibly.
    public var schemaVersion: Int = 2
    public var programme: ProgrammeSummary
    public var period: String
    public var language: ReportLanguage
    public var legend: [LegendItem]
    /// The declared levels, top first, with their names in the report's language.
    public var levels: [LevelSummary]
    /// What a programme is called, when the report holds several.
    public var programmeLevelName: String
    /// The programmes, each the root of its items; one for most cities.
    public var programmes: [ItemReport]
    /// Whether headings and totals name the programmes: the programme defines several (a
    /// steering group's slice of one of them still shows its programme and owner).
    public var showsProgrammes: Bool
    /// The columns beside the action that some action fills, in the programme's order.
    public var columns: [ColumnSummary]
    /// The cross-cutting dimensions with their items' counts; nil when the programme has none.
    /// (Set with the programmes: a report of several programmes names them.)
    public var tags: [TagReport]?
    /// A draft: the period is open (or its inputs changed since it was published), so the
    /// report says so in its title and print header. Set by the run, not by the aggregator.
    public var draft = false
    /// A line shown under the title (e.g. that the data are examples).
    public var notice: String?
    /// The status column's header, from the programme's template (`Tilanne {period}`).
    public var statusColumn: String
    public var totals: ProgressCounts
    public var diagnostics: [Diagnostic]
    public var rejectedRows: [RejectedRow]
    public var accounting: RowAccounting
    public var sources: [SourceSummary]
    public var document: DocumentProperties
    /// Set when a previous period is frozen in the history.
    public var comparison: PeriodComparison?
    /// Rows to update, per responsible party; set when the history is on.
    public var updateRequests: [UpdateRequest]?
    /// In a report translated from the main language: that language (untranslated texts are in it).
    public var sourceLanguage: ReportLanguage?
    /// Who has answered the requests; nil when no answers folder is configured.
    public var answers: AnswersReport?
    /// The indicators (mittarit); nil when the config has none.
    public var indicators: [IndicatorReport]?
    /// Who the files are for: nil or `.council` the council edition (the table, summary,
    /// indicators and changes, nothing about checking the sources), `.coordinator` the
    /// coordinator's edition (findings, rejected rows, update lists and answers with their places).
    public var audience: ReportAudience?
    /// The day the report was made and the day of its data (the newest input file's last
    /// change), `YYYY-MM-DD`; set by the run, shown under the title.
    public var reportDate: String?
    public var dataDate: String?

    /// A text as the report shows it: marked `[på finska]` when it is in the source's language
    /// for want of a translation.
    public func shown(_ text: String, untranslated: Bool) -> String {
        guard untranslated, let sourceLanguage, !text.isEmpty else { return text }
        return ReportStrings(language: language).untranslatedMarker(sourceLanguage) + " " + text
    }

    public func shown(_ action: ActionReport, _ field: Field) -> String {
        let text = field == .action ? action.action : action.status
        return shown(text, untranslated: action.untranslated?.contains(field) == true)
    }

    /// Every action in report order (programme, items depth first, source order).
    public var allActions: [ActionReport] {
        var result: [ActionReport] = []
        result.reserveCapacity(totals.total)
        for programme in programmes { programme.collectActions(into: &result) }
        return result
    }


    /// Every item in report order with its depth as shown: programmes only when there are
    /// several, so a one-programme report starts from its first declared level.
    public var outline: [(item: ItemReport, depth: Int)] {
        var result: [(ItemReport, Int)] = []
        func walk(_ item: ItemReport, depth: Int) {
            result.append((item, depth))
            for child in item.items { walk(child, depth: depth + 1) }
        }
        for programme in programmes {
            if showsProgrammes { walk(programme, depth: 0) } else { programme.items.forEach { walk($0, depth: 0) } }
        }
        return result
    }

    /// The heading of an item as shown, marked when it is in the source's language.
    public func heading(_ item: ItemReport) -> String { shown(item.heading, untranslated: item.untranslatedTitle == true) }

    /// What the report's total row adds up: all programmes, or the one programme by name.
    public var totalName: String {
        showsProgrammes ? ReportStrings(language: language).allProgrammesTotal : (programmes.first?.title ?? programme.name)
    }

    /// The header of the column naming each action's item in the side lists: the deepest level's name.
    public var placeColumn: String {
        guard let level = levels.last else { return programmeLevelName }
        return level.numbering == .none ? level.name : ReportStrings(language: language).numberColumn(level.name)
    }

    /// The header of the column naming the items indicators are listed under: the level of the first.
    public var indicatorPlaceColumn: String {
        guard let depth = indicators?.lazy.compactMap(\.itemPath).first.map({ $0.depth - 1 }), depth >= 0, depth <= levels.count else {
            return placeColumn
        }
        return levelName(depth)
    }

    /// The name of the level an item is at.
    public func levelName(_ level: Int) -> String { level == 0 ? programmeLevelName : levels[level - 1].name }
}

public struct LevelSummary: Sendable, Codable, Hashable {
    public var key: String
    public var name: String
    public var numbering: Numbering
}

/// A column beside the action: its label in the report language and what fills it.
public struct ColumnSummary: Sendable, Codable, Hashable {
    public var content: ReportColumn.Content
    public var label: String

    /// The column's text for one action.
    public func text(_ action: ActionReport) -> String {
        switch content {
        case .projects: action.projects.map(\.text).joined(separator: "\n")
        case .responsible: action.responsible.joined(separator: ", ")
        case .extra(let source): action.extras?[source] ?? ""
        }
    }
}

/// One item of the report's hierarchy (a programme, painopiste, goal, kohta …) with its own
/// actions, its children and the counts of everything under it.
public struct ItemReport: Sendable, Codable, Hashable {
    public var path: ItemPath
    /// 0: a programme; 1…: the declared levels.
    public var level: Int
    public var number: String?
    public var title: String
    /// The heading as the level prints it (`TAVOITE 5. Matkailun edistäminen`, `1.1 Yhteisöllisyys`).
    public var heading: String
    /// `5. Matkailun edistäminen`, `1.1 Yhteisöllisyys` or the title alone: how a summary row names it.
    public var label: String
    /// Set when the title is shown in the source's language for want of a translation.
    public var untranslatedTitle: Bool?
    public var owner: String?
    public var bindingGoal: BindingGoal?
    public var actions: [ActionReport]
    public var items: [ItemReport]
    public var counts: ProgressCounts

    /// Every action under the item, depth first; each copied once, whatever the depth.
    public var allActions: [ActionReport] {
        var result: [ActionReport] = []
        collectActions(into: &result)
        return result
    }

    func collectActions(into result: inout [ActionReport]) {
        result.append(contentsOf: actions)
        for item in items { item.collectActions(into: &result) }
    }

    /// The progress cells of everything under the item, without copying the actions.
    public var allProgress: [ProgressCell] {
        var result: [ProgressCell] = []
        collectProgress(into: &result)
        return result
    }

    func collectProgress(into result: inout [ProgressCell]) {
        for action in actions { result.append(action.progress) }
        for item in items { item.collectProgress(into: &result) }
    }
}

/// A cross-cutting dimension's summary: per item, the actions linked to it and their progress.
public struct TagReport: Sendable, Codable, Hashable {
    public var key: String
    public var name: String
    public var items: [TagItemReport]
}

public struct TagItemReport: Sendable, Codable, Hashable {
    public var key: String
    public var number: String?
    public var title: String
    public var untranslatedTitle: Bool?
    public var counts: ProgressCounts
    public var label: String { number.map { "\($0) \(title)" } ?? title }
}

public struct ProgrammeSummary: Sendable, Codable, Hashable {
    public var name: String
    public var organisation: String?
    public var strategy: String?
    public var bindingGoalLabel: String
}

public struct LegendItem: Sendable, Codable, Hashable {
    public var code: String
    public var label: String
    public var colour: String
}

/// One action as the report shows it. A million-action report holds a million of these beside
/// the checked rows, so the parts that every row of a table shares (its file) or that most
/// actions lack (a change, a staleness note) are kept once on the heap (`Shared`): 376 bytes an
/// action before, 224 now. The model's JSON is the same.
public struct ActionReport: Sendable, Codable, Hashable {
    public var id: String
    /// The file part of `source` (file, sheet, table), shared by the rows of its table.
    private let sourceFile: Shared<SourceLocation>
    private let sourceRow: Int?
    /// The item it is under.
    public var path: ItemPath
    /// That item's number, or its title when it has none (`1.1.1`, `5`).
    public var place: String
    public var action: String
    public var projects: [Project]
    public var responsible: [String]
    public var progress: ProgressCell
    public var status: String
    /// Extra columns' texts, by source header; nil when the programme shows none.
    public var extras: [String: String]?
    /// Linked items of cross-cutting dimensions, by dimension key.
    public var tags: [String: [String]]?
    /// Codes of the findings about this row (in the model dump; the coordinator's check list has the findings themselves).
    public var findings: [DiagnosticCode]
    private var changeNote: Shared<ActionChangeNote>?
    private var staleNote: Shared<StaleNote>?
    /// The action's own texts in other report languages; nil when the source gives none.
    public var translations: [ReportLanguage: TranslatedTexts]?
    /// In a report in another language: the fields shown in the source's language because the
    /// source has no translation (marked in every format).
    public var untranslated: [Field]?

    /// `sourceFile`: the table's file part, one value for all its rows (`Shared`); `sourceRow`: the row.
    init(id: String, sourceFile: Shared<SourceLocation>, sourceRow: Int?, path: ItemPath, place: String, action: String,
         projects: [Project], responsible: [String], progress: ProgressCell, status: String, extras: [String: String]?,
         tags: [String: [String]]?, findings: [DiagnosticCode], translations: [ReportLanguage: TranslatedTexts]?) {
        self.id = id
        self.sourceFile = sourceFile
        self.sourceRow = sourceRow
        self.path = path
        self.place = place
        self.action = action
        self.projects = projects
        self.responsible = responsible
        self.progress = progress
        self.status = status
        self.extras = extras
        self.tags = tags
        self.findings = findings
        self.translations = translations
    }

    /// Where the row is in its source.
    public var source: SourceLocation {
        var location = sourceFile.value
        location.row = sourceRow
        return location
    }

    /// What changed since the previous frozen period; nil without a history.
    public var change: ActionChangeNote? {
        get { changeNote?.value }
        set { changeNote = newValue.map(Shared.init) }
    }

    /// Why the row needs an update; nil when it does not.
    public var stale: StaleNote? {
        get { staleNote?.value }
        set { staleNote = newValue.map(Shared.init) }
    }

    // The keys and their order as when every part was stored inline.
    private enum CodingKeys: String, CodingKey {
        case id, source, path, place, action, projects, responsible, progress, status, extras, tags, findings, change, stale,
             translations, untranslated
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let source = try container.decode(SourceLocation.self, forKey: .source)
        var file = source
        file.row = nil
        sourceFile = Shared(file)
        sourceRow = source.row
        path = try container.decode(ItemPath.self, forKey: .path)
        place = try container.decode(String.self, forKey: .place)
        action = try container.decode(String.self, forKey: .action)
        projects = try container.decode([Project].self, forKey: .projects)
        responsible = try container.decode([String].self, forKey: .responsible)
        progress = try container.decode(ProgressCell.self, forKey: .progress)
        status = try container.decode(String.self, forKey: .status)
        extras = try container.decodeIfPresent([String: String].self, forKey: .extras)
        tags = try container.decodeIfPresent([String: [String]].self, forKey: .tags)
        findings = try container.decode([DiagnosticCode].self, forKey: .findings)
        changeNote = try container.decodeIfPresent(ActionChangeNote.self, forKey: .change).map(Shared.init)
        staleNote = try container.decodeIfPresent(StaleNote.self, forKey: .stale).map(Shared.init)
        translations = try container.decodeIfPresent([ReportLanguage: TranslatedTexts].self, forKey: .translations)
        untranslated = try container.decodeIfPresent([Field].self, forKey: .untranslated)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(path, forKey: .path)
        try container.encode(place, forKey: .place)
        try container.encode(action, forKey: .action)
        try container.encode(projects, forKey: .projects)
        try container.encode(responsible, forKey: .responsible)
        try container.encode(progress, forKey: .progress)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(extras, forKey: .extras)
        try container.encodeIfPresent(tags, forKey: .tags)
        try container.encode(findings, forKey: .findings)
        try container.encodeIfPresent(change, forKey: .change)
        try container.encodeIfPresent(stale, forKey: .stale)
        try container.encodeIfPresent(translations, forKey: .translations)
        try container.encodeIfPresent(untranslated, forKey: .untranslated)
    }
}

/// What the progress cell shows: the code as written, its label when the legend knows it,
/// and whether it needs checking. Colour is never the only signal.
public struct ProgressCell: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable { case known, unknown, missing }
    public var code: String
    public var label: String?
    public var colour: String?
    public var status: Status

    public init(code: String, label: String?, colour: String?, status: Status) {
        self.code = code
        self.label = label
        self.colour = colour
        self.status = status
    }

    /// The cell of a normalised progress mark, labelled and coloured by the legend.
    public init(mark: ProgressMark, legend: ProgressLegend) {
        switch mark {
        case .known(let code):
            let entry = legend.entry(for: code)
            self.init(code: code, label: entry?.label, colour: entry?.colour, status: .known)
        case .unknown(let written):
            self.init(code: written, label: nil, colour: nil, status: .unknown)
        case .missing:
            self.init(code: "", label: nil, colour: nil, status: .missing)
        }
    }
}

/// How many actions carry each code, and their share of all actions in the group.
public struct ProgressCounts: Sendable, Codable, Hashable {
    public var byCode: [CodeCount]
    /// Actions whose code is not in the legend (e.g. `+?`), by the code as written.
    public var unknown: [CodeCount]
    public var missing: Int
    public var total: Int

    public struct CodeCount: Sendable, Codable, Hashable {
        public var code: String
        public var count: Int
        /// Share of `total`, 0…1, rounded to six decimals so the JSON is stable.
        public var share: Double
    }

    public var unknownTotal: Int { unknown.reduce(0) { $0 + $1.count } }
}
