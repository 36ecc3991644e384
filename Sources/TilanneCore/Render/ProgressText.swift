/// The words shown next to a progress code, the same in every format.
enum ProgressText {
    static func label(_ cell: ProgressCell, strings: ReportStrings) -> String {
        switch cell.status {
        case .known: cell.label ?? ""
        case .unknown: strings.unknownCode
        case .missing: strings.missingCode
        }
    }

    /// Code and label together, e.g. `+/- Etenee osittain myönteisesti`.
    static func full(_ cell: ProgressCell, strings: ReportStrings) -> String {
        cell.code.isEmpty ? label(cell, strings: strings) : "\(cell.code) \(label(cell, strings: strings))"
    }
}
