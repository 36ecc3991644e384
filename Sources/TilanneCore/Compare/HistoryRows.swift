/// The validated actions as the history stores them, in the programme's order.
enum HistoryRows {
    static func make(_ programme: ValidatedProgramme, config: TilanneConfig) -> [HistoryRow] {
        let register = config.register
        var items: [ItemPath: (item: ProgrammeItem?, top: ProgrammeItem?)] = [:]
        return programme.actions.map { action in
            let row = action.row
            let found = items[action.path] ?? {
                let item = register.item(action.path)
                let entry = (item, action.path.ancestor(atLevel: 1).flatMap(register.item) ?? item)
                items[action.path] = entry
                return entry
            }()
            let (item, top) = found
            return HistoryRow(
                identity: row.identity, lineage: row.identity,
                theme: top?.title ?? "", goalNumber: item?.number.flatMap { Int($0) } ?? 0,
                goalTitle: item?.title ?? "", action: row.action,
                projects: row.projects.map(\.text).joined(separator: "\n"), responsible: row.responsible.joined(separator: "\n"),
                progress: row.progress.shownCode, status: row.status, statusKey: statusKey(row.status),
                sourceFile: row.location.at(row: nil).compact, sourceRow: row.location.row, itemPath: action.path.description
            )
        }
    }

    /// Rows of a database from before item paths: their path from their goal number.
    static func upgrade(_ rows: [HistoryRow], register: ProgrammeRegister) -> [HistoryRow] {
        guard rows.contains(where: { $0.itemPath.isEmpty }) else { return rows }
        return rows.map { row in
            guard row.itemPath.isEmpty, let path = register.legacyPath(goalNumber: row.goalNumber) else { return row }
            var upgraded = row
            upgraded.itemPath = path.description
            return upgraded
        }
    }

    /// A hash (FNV-1a 64) of a status text with case, white space and dashes ignored: equal
    /// keys mean nobody updated the text. Computed over the UTF-8 bytes without building a key
    /// string (the texts are long and there is one per action): ASCII letters and Å, Ä, Ö are
    /// folded to lower case, white space, `-` and the en and em dashes are skipped.
    static func statusKey(_ status: String) -> String {
        var hash = FNV1a()
        func add(_ byte: UInt8) { hash.add(byte) }
        var bytes = status.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x2D: continue
            case 0x41...0x5A: add(byte | 0x20)
            case 0xC3:
                // Å Ä Ö (C3 85, C3 84, C3 96) fold to å ä ö (C3 A5, C3 A4, C3 B6).
                guard let next = bytes.next() else { add(byte); continue }
                add(0xC3)
                add(next == 0x84 || next == 0x85 || next == 0x96 ? next | 0x20 : next)
            case 0xE2:
                // En and em dashes (E2 80 93, E2 80 94) are dashes; other E2 sequences are text.
                guard let second = bytes.next() else { add(byte); continue }
                guard let third = bytes.next() else { add(byte); add(second); continue }
                if second == 0x80 && (third == 0x93 || third == 0x94) { continue }
                add(byte); add(second); add(third)
            default: add(byte)
            }
        }
        return hash.hex
    }
}
