/// A check of one action row that does not remove it from the report; it only reports.
protocol RowRule: Sendable {
    func check(_ row: ActionRow, log: inout DiagnosticLog) -> [DiagnosticCode]
}

/// A code outside the legend is shown as written and flagged (the real table has `+?`).
struct ProgressCodeRule: RowRule {
    func check(_ row: ActionRow, log: inout DiagnosticLog) -> [DiagnosticCode] {
        let location = row.fieldLocations.location(row: row.location.row ?? 0, field: .progress)
        switch row.progress {
        case .known: return []
        case .unknown(let written):
            log.emit(.progressUnknown, at: location, written)
            return [.progressUnknown]
        case .missing:
            log.emit(.progressMissing, at: location)
            return [.progressMissing]
        }
    }
}

struct StatusTextRule: RowRule {
    func check(_ row: ActionRow, log: inout DiagnosticLog) -> [DiagnosticCode] {
        guard row.status.isEmpty else { return [] }
        log.emit(.statusMissing, at: row.fieldLocations.location(row: row.location.row ?? 0, field: .status))
        return [.statusMissing]
    }
}

struct ResponsiblePartyRule: RowRule {
    func check(_ row: ActionRow, log: inout DiagnosticLog) -> [DiagnosticCode] {
        guard row.responsible.isEmpty else { return [] }
        log.emit(.responsibleMissing, at: row.fieldLocations.location(row: row.location.row ?? 0, field: .responsible))
        return [.responsibleMissing]
    }
}
