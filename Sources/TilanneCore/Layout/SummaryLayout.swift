/// Layout of the summary ("Yhteenveto"): how many actions of each item have each progress code,
/// decided once — the rows (every item in report order, those without sub-items apart from the
/// totals of those with them, and the report's total named after what it adds up), what each
/// row is called and under which top-level item it stands, and the count columns (each code of
/// the legend, the codes it does not know, no code, the total). The XLSX sheet (counts and shares
/// as formulas, the chart's rows) and the HTML table translate it.
public struct SummaryLayout: Sendable {
    public enum Kind: Sendable, Hashable {
        /// An item without sub-items: its actions are counted, and it is a bar of the chart.
        case leaf
        /// An item with sub-items: the total of everything under it.
        case subtotal
        /// The report's total.
        case total
    }

    public struct Row: Sendable {
        public var kind: Kind
        /// The item (nil for the report's total): its path selects its actions.
        public var path: ItemPath?
        /// The row's name as the report shows it (an item's label, marked when untranslated).
        public var label: String
        public var untranslated: Bool
        /// The top-level item it stands under, when the report shows more than one level.
        public var top: String?
        public var counts: ProgressCounts
    }

    /// Whether the rows name the top-level item they stand under (more than one level shown).
    public let hasTop: Bool
    /// The header of the column naming the rows, and of the one naming the top-level items.
    public let itemHeader: String
    public let topHeader: String
    /// The count columns: each code of the legend, then the unknown codes, no code and the total.
    public let legend: [LegendItem]
    public let unknownHeader: String
    public let missingHeader: String
    public let totalHeader: String
    /// Every item in report order, then the report's total.
    public let rows: [Row]

    public init(_ model: ReportModel) {
        let strings = ReportStrings(language: model.language)
        let outline = model.outline
        hasTop = outline.contains { $0.depth > 0 }
        topHeader = model.showsProgrammes ? model.programmeLevelName : (model.levels.first?.name ?? model.programmeLevelName)
        itemHeader = hasTop ? strings.programmePart : (model.levels.first?.name ?? strings.programmePart)
        legend = model.legend
        unknownHeader = strings.unknownCodesColumn
        missingHeader = strings.missingColumn
        totalHeader = strings.total
        var topOf: [ItemPath: ItemReport] = [:]
        for (item, depth) in outline where depth == 0 { topOf[item.path] = item }
        func top(_ item: ItemReport) -> String? {
            guard let top = topOf.first(where: { $0.key.contains(item.path) && $0.key != item.path })?.value else { return nil }
            return model.shown(top.label, untranslated: top.untranslatedTitle == true)
        }
        var rows = outline.map { item, _ in
            Row(kind: item.items.isEmpty ? .leaf : .subtotal, path: item.path, label: item.label,
                untranslated: item.untranslatedTitle == true, top: top(item), counts: item.counts)
        }
        rows.append(Row(kind: .total, path: nil, label: model.totalName, untranslated: false, top: nil, counts: model.totals))
        self.rows = rows
    }

    /// The summary as readable text, for reference tests: the headers, then a row per line —
    /// its kind, the top-level item it stands under, its name, each code's count, the unknown
    /// codes, no code and the total.
    public var snapshot: String {
        var lines = ["columns: " + ([hasTop ? topHeader : nil, itemHeader].compactMap { $0 } + legend.map { "\($0.code) \($0.label)" }
                                    + [unknownHeader, missingHeader, totalHeader]).joined(separator: " | ")]
        for row in rows {
            let counts = row.counts.byCode.map { "\($0.count)" } + ["\(row.counts.unknownTotal)", "\(row.counts.missing)", "\(row.counts.total)"]
            lines.append("[\(row.kind)] " + ([hasTop ? (row.top ?? "") : nil, row.label].compactMap { $0 } + counts).joined(separator: " | "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
