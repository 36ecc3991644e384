/// The words shown next to a progress code, the same in every format.
enum ProgressText {
    /// The report's words, with no note to check the code (that is the coordinator's check list).
    static func label(_ cell: ProgressCell, strings: ReportStrings) -> String {
        switch cell.status {
        case .known: cell.label ?? ""
        case .unknown: ""
        case .missing: strings.noInformation
        }
    }

    /// Code and label together, e.g. `+/- Etenee osittain myönteisesti`.
    static func full(_ cell: ProgressCell, strings: ReportStrings) -> String {
        cell.code.isEmpty ? label(cell, strings: strings) : "\(cell.code) \(label(cell, strings: strings))"
    }
}
