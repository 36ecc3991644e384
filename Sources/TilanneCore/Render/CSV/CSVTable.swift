import Foundation

/// Writes a CSV for a Finnish Excel user (UTF-8 with BOM, `;`, CRLF), each cell protected
/// against formula injection: shared by the report's side lists.
struct CSVTable {
    private let writer: BufferedFileWriter

    init(url: URL, header: [String]) throws {
        writer = try BufferedFileWriter(path: url.path)
        writer.write(bytes: [0xEF, 0xBB, 0xBF])
        row(header)
    }

    /// Cells whose index is in `codes` are progress codes (`+`, `-`), kept readable as codes.
    func row(_ cells: [String], codes: Set<Int> = []) {
        writer.write(cells.enumerated().map { CSVCell.encode($1, isProgressCode: codes.contains($0)) }.joined(separator: ";") + "\r\n")
    }

    func close() throws { try writer.close() }
}

/// `…-muutokset.csv`: the changes since the previous frozen period, one row each, as the
/// "Muutokset" sheet lists them.
public struct ChangesCSVRenderer: ReportRenderer {
    public let format = OutputFormat.csv
    public let variant = ReportVariant.changes

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let table = try CSVTable(url: url, header: [
            strings.changeKindColumn, strings.identifier, model.placeColumn, strings.action, strings.responsible,
            strings.progressBefore, strings.progressNow, strings.directionColumn, strings.statusUpdated,
            strings.previousWording, strings.statusBefore, model.statusColumn,
        ] + (model.isCoordinatorEdition ? [strings.checkFlag] : []))
        for change in model.comparison?.changes ?? [] {
            let cells = ChangeRows.cells(change, strings: strings)
            table.row(model.isCoordinatorEdition ? cells : Array(cells.dropLast()), codes: [5, 6])
        }
        try table.close()
    }
}

/// `…-paivitettavat.csv`: per responsible party, the rows that need an update from them.
public struct UpdatesCSVRenderer: ReportRenderer {
    public let format = OutputFormat.csv
    public let variant = ReportVariant.updates

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let table = try CSVTable(url: url, header: [
            strings.responsible, strings.identifier, model.placeColumn, strings.action, strings.progress,
            model.statusColumn, strings.reasonColumn,
        ])
        for request in model.updateRequests ?? [] {
            for item in request.actions {
                table.row([request.responsible, item.id, item.place, item.action, item.progress, item.status,
                           strings.staleReason(item.stale)], codes: [4])
            }
        }
        try table.close()
    }
}

/// The cells of one change, shared by the CSV, the XLSX sheet and the HTML table.
enum ChangeRows {
    static func cells(_ change: ActionChange, strings: ReportStrings) -> [String] {
        var previous = change.previousAction ?? ""
        if let place = change.previousPlace {
            previous += (previous.isEmpty ? "" : "\n") + strings.movedFrom(place)
        }
        if let parties = change.responsibleBefore {
            previous += (previous.isEmpty ? "" : "\n") + strings.responsibleBefore(parties)
        }
        // An action no longer reported has its last text under the previous period, none now.
        let statusBefore = change.kind == .dropped || change.statusChanged ? (change.statusBefore ?? "") : ""
        return [
            strings.kind(change.kind), change.id, change.place, change.action,
            change.responsible.joined(separator: ", "),
            change.progressBefore ?? "", change.progressNow ?? "",
            change.direction.map(strings.direction) ?? "",
            change.statusChanged ? strings.yes : "",
            previous, statusBefore, change.kind == .dropped ? "" : (change.statusNow ?? ""),
            change.uncertain ? strings.checkMatch(change.similarity ?? 0) : "",
        ]
    }
}

