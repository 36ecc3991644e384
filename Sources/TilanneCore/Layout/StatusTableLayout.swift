/// Layout of the status table ("Tilanne", the table the council reads first): its columns — the
/// action as each row's header, the programme's own columns, the progress, the status text and,
/// with a comparison, the change — with their headers, widths and what each holds, and each
/// action's cells as typed values. The XLSX status sheet and the HTML tables translate it; neither
/// decides a column, a header or what a cell holds.
public struct StatusTableLayout: Sendable {
    public enum Content: Sendable, Hashable {
        case action
        case own(ColumnSummary)
        case progress
        case status
        case change
    }

    public struct Column: Sendable, Hashable {
        public var header: String
        public var content: Content
        /// Width in spreadsheet units (the XLSX sheet's; the HTML leaves widths to the browser).
        public var width: Double
        /// What the column is, as a name a format can use (the HTML `<col>` class).
        public var key: String
    }

    /// A cell's value, typed so each format shows it its own way.
    public enum Cell: Sendable, Hashable {
        /// A text; `untranslated` when it is in the source's language for want of a translation.
        case text(String, untranslated: Bool)
        /// One entry a line (an action's projects).
        case lines([String])
        case progress(ProgressCell)
    }

    public let columns: [Column]
    /// The index of the progress column.
    public let progressColumn: Int
    private let strings: ReportStrings
    private let comparison: Bool

    /// The widths: the action, progress and change columns fixed, each own column by what it
    /// holds, and the status text what they leave of the page — 167 units: A4 landscape, one
    /// page wide at a print scale of 82 %, so that Calibri 11 prints at 9 points. Measured on the
    /// Kuopio table, these widths wrap its texts in the fewest lines (262 against 309 with a wider
    /// status column; decision 0006).
    static let actionWidth: Double = 40
    static let progressWidth: Double = 19
    static let pageWidth: Double = 167
    static let changeWidth: Double = 24
    static let minimumStatusWidth: Double = 50

    public init(_ model: ReportModel) {
        strings = ReportStrings(language: model.language)
        comparison = model.comparison != nil
        var columns = [Column(header: strings.action, content: .action, width: Self.actionWidth, key: "action")]
        for column in model.columns {
            let (width, key): (Double, String) = switch column.content {
            case .projects: (28, "projects")
            case .responsible: (24, "responsible")
            case .extra: (20, "extra")
            }
            columns.append(Column(header: column.label, content: .own(column), width: width, key: key))
        }
        progressColumn = columns.count
        let taken = columns.reduce(0) { $0 + $1.width } + Self.progressWidth
        columns.append(Column(header: strings.progress, content: .progress, width: Self.progressWidth, key: "progress"))
        columns.append(Column(header: model.statusColumn, content: .status, width: max(Self.minimumStatusWidth, Self.pageWidth - taken),
                              key: "status"))
        if let previous = model.comparison?.previousPeriod {
            columns.append(Column(header: strings.changeColumn(previous), content: .change, width: Self.changeWidth, key: "change"))
        }
        self.columns = columns
    }

    /// One action's cells, in the columns' order.
    public func cells(_ action: ActionReport) -> [Cell] {
        columns.map { column in
            switch column.content {
            case .action: .text(action.action, untranslated: action.untranslated?.contains(.action) == true)
            case .own(let own):
                if case .projects = own.content { .lines(action.projects.map(\.text)) } else { .text(own.text(action), untranslated: false) }
            case .progress: .progress(action.progress)
            case .status: .text(action.status, untranslated: action.untranslated?.contains(.status) == true)
            case .change: .text(action.change.map { strings.changeNote($0, now: action.progress.code) } ?? "", untranslated: false)
            }
        }
    }

    /// The table as readable text, for reference tests: the columns, then per item its heading
    /// and one line per action (" | " between cells, "⏎" for a line break, `[fi]` before a text
    /// left in the source's language, the progress as code and label).
    public func snapshot(_ model: ReportModel) -> String {
        func text(_ cell: Cell) -> String {
            let raw = switch cell {
            case .text(let text, let untranslated): (untranslated ? "[\(model.sourceLanguage?.rawValue ?? "?")] " : "") + text
            case .lines(let lines): lines.joined(separator: "\n")
            case .progress(let progress): "\(progress.code) \(ProgressText.label(progress, strings: strings))"
            }
            return raw.replacingOccurrences(of: "\n", with: "⏎")
        }
        var lines = ["columns: " + columns.map { "\($0.header) (\($0.key)) [\(Int($0.width))]" }.joined(separator: " | ")]
        for (item, depth) in model.outline {
            lines.append(String(repeating: "#", count: depth + 1) + " " + model.heading(item))
            for action in item.actions { lines.append(cells(action).map(text).joined(separator: " | ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
