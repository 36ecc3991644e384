/// Stage boundary normalise → validate: the action rows of one source with the table shape
/// resolved (every action knows its theme and goal as the table states them), texts cleaned,
/// codes mapped through the legend, lists split. Rows that could not be read are rejected.
public struct NormalisedTable: Sendable {
    public var file: String
    /// The file and the sheet or table the rows came from.
    public var origin: SourceLocation
    public var shape: TableShape
    public var encoding: SourceEncoding
    public var delimiter: String
    public var actions: ChunkedRows<ActionRow>
    public var rejected: [RejectedRow]
    /// Header, title, theme and goal rows.
    public var structureRows: Int
    public var blankRows: Int
    /// Every record of the file except the first header row.
    public var rowsIn: Int
    public var diagnostics: [Diagnostic]
}

/// One action as a source table states it.
public struct ActionRow: Sendable {
    /// The row as a spreadsheet numbers it; with `fieldLocations.origin`, the row's location.
    public var rowNumber: Int
    /// Made from the file part all rows share and the row number: a location stored in every
    /// row took 96 bytes of it, in each stage's copy (about 180 MiB at 1,000,000 rows).
    public var location: SourceLocation { fieldLocations.origin.at(row: rowNumber) }
    /// Identity that survives re-saving the table: the id column, or derived once the row's
    /// place is resolved (see ActionIdentity).
    public var identity: String
    /// Where the row places itself in the programme's hierarchy.
    public var place: PlaceReference
    public var bindingGoal: BindingGoal?
    public var action: String
    public var projects: [Project]
    public var responsible: [String]
    public var progress: ProgressMark
    public var status: String
    /// Where each field's cell is, for findings about it.
    public var fieldLocations: FieldLocations
    /// The action's texts in other report languages, as the source gives them.
    public var translations: [ReportLanguage: TranslatedTexts] = [:]
    /// Items of cross-cutting dimensions the row names, by dimension key, as written.
    public var tags: [String: [String]] = [:]
    /// The extra report columns' texts, by source header.
    public var extras: [String: String] = [:]
}

/// A row's place as its table states it: per level (0: programme), the number and title
/// written in its columns (flat) or in the section rows above it (sectioned), and the item the
/// section rows resolved to, when they did.
public struct PlaceReference: Sendable, Hashable {
    public var written: [Int: WrittenPlace] = [:]
    public var resolved: ItemPath?
    /// The same number for every row of a table with the same place (its cells, or the section
    /// rows above it), so the place is resolved once per table, not once per row.
    public var id = 0

    /// The deepest level the row names.
    public var deepestLevel: Int? { written.keys.max() }

    /// `1.1.1`, `5` or a title: the deepest place as written, for messages and previews.
    public var shown: String {
        guard let level = deepestLevel, let place = written[level] else { return "" }
        return place.number ?? place.title ?? ""
    }
}

public struct WrittenPlace: Sendable, Hashable {
    public var number: String?
    public var title: String?
}

/// An action's own texts in another report language (`action_sv`, `status_sv` columns).
public struct TranslatedTexts: Sendable, Codable, Hashable {
    public var action: String?
    public var status: String?
}

public struct BindingGoal: Sendable, Codable, Hashable {
    /// E.g. `TA2021`, when the table names it.
    public var label: String?
    public var text: String
}

/// Column positions of one source, shared by all its rows: a class, so that each of 100,000
/// rows holds one reference instead of its own copy (measured: 21 MiB less peak memory at 100,000 rows).
public final class FieldLocations: Sendable {
    public let origin: SourceLocation
    public let columns: [Field: Int]
    public let headers: [String]
    /// Where each level's number (else title) column is, by level index.
    public let levelColumns: [Int: Int]
    /// Where each level's title column is, when it has one (a title finding points there).
    public let levelTitleColumns: [Int: Int]
    public let tagColumns: [String: Int]

    public init(origin: SourceLocation, columns: [Field: Int], headers: [String], levelColumns: [Int: Int] = [:],
                levelTitleColumns: [Int: Int] = [:], tagColumns: [String: Int] = [:]) {
        self.origin = origin
        self.columns = columns
        self.headers = headers
        self.levelColumns = levelColumns
        self.levelTitleColumns = levelTitleColumns
        self.tagColumns = tagColumns
    }

    /// The cell of a 0-based column on a row, with its header.
    public func location(row: Int, column: Int?) -> SourceLocation {
        guard let column else { return origin.at(row: row) }
        return origin.at(row: row, column: column + 1, columnName: column < headers.count ? headers[column] : nil)
    }

    public func location(row: Int, field: Field) -> SourceLocation {
        guard let column = columns[field] else { return origin.at(row: row) }
        return origin.at(row: row, column: column + 1, columnName: column < headers.count ? headers[column] : nil)
    }
}

/// A row that is not in the report, with the finding that explains why (written as text in the
/// reader's language by the edges, from the code and arguments).
public struct RejectedRow: Sendable, Codable, Hashable {
    public var location: SourceLocation
    public var code: DiagnosticCode
    /// The row's cells joined, shortened, so a reader can recognise it.
    public var content: String
    public var arguments: [DiagnosticArgument] = []

    public init(location: SourceLocation, code: DiagnosticCode, content: String, arguments: [DiagnosticArgument] = []) {
        self.location = location
        self.code = code
        self.content = content
        self.arguments = arguments
    }

    /// A row rejected for `finding`.
    public init(finding: Diagnostic, location: SourceLocation, content: String) {
        self.init(location: location, code: finding.code, content: content, arguments: finding.arguments)
    }

    /// Why the row was rejected, in `language`.
    public func reason(_ language: ReportLanguage) -> String {
        MessageCatalogue(language: language).message(code, arguments)
    }
}
