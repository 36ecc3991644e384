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

/// Excel and LibreOffice hold at most 32,767 characters in a cell.
struct CellLengthRule: RowRule {
    static let spreadsheetCellLimit = 32_767

    func check(_ row: ActionRow, log: inout DiagnosticLog) -> [DiagnosticCode] {
        // UTF-8 is never shorter than UTF-16, so a short UTF-8 text needs no closer look.
        let limit = Self.spreadsheetCellLimit
        let projectBytes = row.projects.reduce(0) { $0 + $1.text.utf8.count + 1 }
        let responsibleBytes = row.responsible.reduce(0) { $0 + $1.utf8.count + 2 }
        if row.action.utf8.count <= limit && row.status.utf8.count <= limit && projectBytes <= limit && responsibleBytes <= limit {
            return []
        }
        var found: [DiagnosticCode] = []
        let texts: [(Field, String)] = [
            (.action, row.action), (.status, row.status),
            (.projects, row.projects.map(\.text).joined(separator: "\n")),
            (.responsible, row.responsible.joined(separator: ", ")),
        ]
        for (field, text) in texts where text.utf16.count > limit {
            log.emit(.textTooLong, at: row.fieldLocations.location(row: row.location.row ?? 0, field: field),
                     "\(text.count)", "\(limit)")
            found.append(.textTooLong)
        }
        return found
    }
}
