/// The words of the two editions: the dates under the council edition's title, how it shows a
/// progress code the legend does not know, and the coordinator's file names.
extension ReportStrings {
    /// The line under the title: `Raportti laadittu 2.12.2026. Tiedot 1.12.2026 (uusimman
    /// lähdetiedoston muutospäivä).` Either date may be missing.
    public func datesLine(report: String?, data: String?) -> String? {
        var parts: [String] = []
        if let report {
            let date = self.date(report)
            parts.append(pick("Raportti laadittu \(date).", "Rapporten upprättad \(date).", "Report made on \(date)."))
        }
        if let data {
            let date = self.date(data)
            parts.append(pick("Tiedot \(date) (uusimman lähdetiedoston muutospäivä).",
                              "Uppgifterna \(date) (den senaste källfilens ändringsdag).",
                              "Data as of \(date) (the day the newest source file was last changed)."))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// A progress cell without the legend's label, as the council edition shows it: the code as
    /// written, or that there is no information; never a note to check it.
    public var noInformation: String { pick("ei tietoa", "uppgift saknas", "no information") }

    /// The end of the coordinator's file names before the extension: `…-1-2024-koordinaattori.xlsx`.
    public var coordinatorSuffix: String { pick("-koordinaattori", "-koordinator", "-coordinator") }

    /// The coordinator's workbook's title: `Kasvava Kuopio – tarkistukset 1/2024`.
    public func coordinatorTitle(_ programme: String, period: String) -> String {
        pick("\(programme) – tarkistukset \(period)", "\(programme) – kontroller \(period)", "\(programme) – checks \(period)")
    }

    /// The check list's column saying what a finding concerns, and its value for a rejected row.
    public var checkSubject: String { pick("Kohde", "Gäller", "Concerns") }
    public var rejectedRow: String { pick("hylätty rivi", "förkastad rad", "rejected row") }
    public func actionSubject(_ id: String) -> String { pick("toimenpide \(id)", "åtgärd \(id)", "action \(id)") }

    /// The line under the check list's title: `Havaintoja 12, hylättyjä rivejä 2.`
    public func checksNote(findings: Int, rejected: Int) -> String {
        let (found, dropped) = (number(findings), number(rejected))
        return pick("Havaintoja \(found), hylättyjä rivejä \(dropped).",
                    "Iakttagelser \(found), förkastade rader \(dropped).",
                    "Findings \(found), rejected rows \(dropped).")
    }

    /// `2026-12-02` as the reader writes a date: 2.12.2026 in Finnish and Swedish, 2 December 2026 in English.
    public func date(_ text: String) -> String {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return String(text.prefix(10)) }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        guard language == .en else { return "\(day).\(month).\(year)" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(day) \(months[max(0, min(11, month - 1))]) \(year)"
    }
}
