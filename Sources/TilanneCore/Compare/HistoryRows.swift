/// The validated actions as the history stores them, in the programme's order.
enum HistoryRows {
    static func make(_ programme: ValidatedProgramme, config: TilanneConfig) -> [HistoryRow] {
        programme.actions.map { action in
            let row = action.row
            let registered = config.register.goal(number: action.goalNumber)
            return HistoryRow(
                identity: row.identity, lineage: row.identity,
                theme: registered?.theme.title ?? row.theme ?? "", goalNumber: action.goalNumber,
                goalTitle: registered?.goal.title ?? row.goalTitle ?? "", action: row.action,
                projects: row.projects.map(\.text).joined(separator: "\n"), responsible: row.responsible.joined(separator: "\n"),
                progress: row.progress.shownCode, status: row.status, statusKey: statusKey(row.status),
                sourceFile: row.location.filePart(tableWord: "#"), sourceRow: row.location.row
            )
        }
    }

    /// A status text's comparison key (case, spacing and dashes ignored), hashed (FNV-1a 64):
    /// equal keys mean nobody updated the text.
    static func statusKey(_ status: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in TextNormaliser.comparisonKey(status).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
