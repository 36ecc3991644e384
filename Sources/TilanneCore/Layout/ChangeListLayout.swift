/// Layout of the two lists beside the status table: the changes since the previous frozen
/// period ("Muutokset") and the rows each responsible party should update ("Päivitettävät").
/// The XLSX sheets, the HTML sections and the CSV files are all made from these.
public enum ChangeListLayout {
    public static func changes(_ comparison: PeriodComparison, model: ReportModel) -> LayoutTable {
        let strings = ReportStrings(language: model.language)
        return LayoutTable(
            title: strings.changesTitle(comparison.previousPeriod, model.period), name: strings.changesSheet,
            note: strings.changeCounts(comparison.counts), columns: changeColumns(model: model),
            rows: comparison.changes.map { change in
                let cells = cells(change, strings: strings)
                return LayoutRow(model.isCoordinatorEdition ? cells : Array(cells.dropLast()), kind: change.kind.rawValue)
            },
            empty: strings.noChanges)
    }

    /// The last column (a match a person should check) is the coordinator's edition's alone.
    public static func changeColumns(model: ReportModel) -> [LayoutColumn] {
        let strings = ReportStrings(language: model.language)
        let columns = [
            LayoutColumn(strings.changeKindColumn, width: 18), LayoutColumn(strings.identifier, width: 12),
            LayoutColumn(model.placeColumn, width: 11, content: .place), LayoutColumn(strings.action, width: 40, role: .rowHeader),
            LayoutColumn(strings.responsible, width: 24), LayoutColumn(strings.progressBefore, width: 17, content: .progressCode),
            LayoutColumn(strings.progressNow, width: 15, content: .progressCode), LayoutColumn(strings.directionColumn, width: 15),
            LayoutColumn(strings.statusUpdated, width: 22), LayoutColumn(strings.previousWording, width: 34),
            LayoutColumn(strings.statusBefore, width: 40), LayoutColumn(model.statusColumn, width: 40),
            LayoutColumn(strings.checkFlag, width: 22),
        ]
        return model.isCoordinatorEdition ? columns : Array(columns.dropLast())
    }

    public static func updates(_ requests: [UpdateRequest], model: ReportModel) -> LayoutTable {
        let strings = ReportStrings(language: model.language)
        let columns = [
            LayoutColumn(strings.responsible, width: 30, role: .group), LayoutColumn(strings.identifier, width: 12),
            LayoutColumn(model.placeColumn, width: 11, content: .place), LayoutColumn(strings.action, width: 44, role: .rowHeader),
            LayoutColumn(strings.progress, width: 13, content: .progressCode), LayoutColumn(model.statusColumn, width: 50),
            LayoutColumn(strings.reasonColumn, width: 34),
        ]
        let rows = requests.flatMap { request in
            request.actions.map { item in
                LayoutRow([request.responsible, item.id, item.place, item.action, item.progress, item.status, strings.staleReason(item.stale)])
            }
        }
        return LayoutTable(title: strings.updatesTitle(model.period), name: strings.updatesSheet, note: nil, columns: columns,
                           rows: rows, empty: strings.noUpdates)
    }

    /// The cells of one change. An action no longer reported has its last text under the
    /// previous period and none now; a moved action or a change of parties says so under its
    /// previous wording.
    static func cells(_ change: ActionChange, strings: ReportStrings) -> [String] {
        var previous = change.previousAction ?? ""
        if let place = change.previousPlace {
            previous += (previous.isEmpty ? "" : "\n") + strings.movedFrom(place)
        }
        if let parties = change.responsibleBefore {
            previous += (previous.isEmpty ? "" : "\n") + strings.responsibleBefore(parties)
        }
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
