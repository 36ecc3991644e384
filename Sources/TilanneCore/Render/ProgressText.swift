/// The words shown next to a progress code, the same in every format.
enum ProgressText {
    /// `council`: the council edition's words, with no note to check the code.
    static func label(_ cell: ProgressCell, strings: ReportStrings, council: Bool = false) -> String {
        switch cell.status {
        case .known: cell.label ?? ""
        case .unknown: council ? "" : strings.unknownCode
        case .missing: council ? strings.noInformation : strings.missingCode
        }
    }

    /// Code and label together, e.g. `+/- Etenee osittain myönteisesti`.
    static func full(_ cell: ProgressCell, strings: ReportStrings) -> String {
        cell.code.isEmpty ? label(cell, strings: strings) : "\(cell.code) \(label(cell, strings: strings))"
    }
}
