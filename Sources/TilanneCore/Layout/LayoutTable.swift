/// Stage boundary layout → render: one table as every format shows it — its title, its
/// columns with their headers, what each column holds and how wide it is, and its rows as
/// text — decided once, so that the XLSX sheet, the HTML table and the CSV file of a list
/// cannot drift apart. A renderer only translates it into its format.
public struct LayoutTable: Sendable, Hashable {
    /// The heading above the table (the sheet's title row, the HTML section's heading).
    public var title: String
    /// The short name: the sheet's name, the HTML table's caption.
    public var name: String
    /// A line under the title (counts), or nil.
    public var note: String?
    public var columns: [LayoutColumn]
    public var rows: [LayoutRow]
    /// What is shown instead of an empty table.
    public var empty: String
}

public struct LayoutColumn: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case text
        /// An item's place (`5`, `2.1`): a whole number stays a number, so it sorts as one.
        case place
        /// A progress code (`+/-`): kept readable as a code, never taken for a formula.
        case progressCode
    }

    /// What a column is to the table's structure.
    public enum Role: Sendable, Hashable {
        case data
        /// The cell that names its row (the action): a row header to a screen reader.
        case rowHeader
        /// The rows come in groups by this column's value (the responsible party): a format
        /// that shows one table per group names the group once, above it.
        case group
    }

    public var header: String
    public var content: Content = .text
    public var role: Role = .data
    /// Width in characters (the XLSX column width; the HTML leaves it to the browser).
    public var width: Double

    public init(_ header: String, width: Double, content: Content = .text, role: Role = .data) {
        self.header = header
        self.width = width
        self.content = content
        self.role = role
    }
}

public struct LayoutRow: Sendable, Hashable {
    public var cells: [String]
    /// What kind of row it is, for a format that marks kinds (a change's kind: `added`).
    public var kind: String?

    public init(_ cells: [String], kind: String? = nil) {
        self.cells = cells
        self.kind = kind
    }
}

extension LayoutTable {
    /// The columns whose content is a progress code, by index.
    public var codeColumns: Set<Int> { Set(columns.indices.filter { columns[$0].content == .progressCode }) }

    /// The table as readable text, for reference tests: title, note, one line of headers, one
    /// line per row, cells separated by " | " and line breaks shown as "⏎".
    public var snapshot: String {
        func line(_ cells: [String]) -> String { cells.map { $0.replacingOccurrences(of: "\n", with: "⏎") }.joined(separator: " | ") }
        var lines = ["# \(title)", "name: \(name)"]
        if let note { lines.append("note: \(note)") }
        lines.append("columns: " + columns.map { column in
            let marks = [column.content == .place ? "place" : nil, column.content == .progressCode ? "code" : nil,
                         column.role == .rowHeader ? "row header" : nil, column.role == .group ? "group" : nil].compactMap { $0 }
            return column.header + (marks.isEmpty ? "" : " (\(marks.joined(separator: ", ")))") + " [\(Int(column.width))]"
        }.joined(separator: " | "))
        if rows.isEmpty { lines.append("(\(empty))") }
        for row in rows { lines.append((row.kind.map { "[\($0)] " } ?? "") + line(row.cells)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
