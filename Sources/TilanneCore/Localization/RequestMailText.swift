/// The words of the mails that carry the update requests and remind about them, in the
/// party's language.
public struct RequestMailText: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) { self.language = language }

    private func pick(_ fi: String, _ sv: String, _ en: String) -> String { ReportStrings(language: language).pick(fi, sv, en) }
    private var strings: RequestStrings { RequestStrings(language: language) }

    public func subject(_ mail: RequestMailPlan.Mail, programme: String, period: String, deadline: DocumentDate) -> String {
        let date = strings.date(deadline)
        switch mail.kind {
        case .request:
            return pick("Päivityspyyntö: \(programme), tilanne \(period) – vastaus viimeistään \(date)",
                        "Uppdateringsbegäran: \(programme), läget \(period) – svar senast \(date)",
                        "Update request: \(programme), status \(period) – answer by \(date)")
        case .reminder:
            let days = mail.daysToDeadline ?? 0
            if days < 0 {
                return pick("Muistutus: \(programme), tilanne \(period) – määräaika \(date) on mennyt",
                            "Påminnelse: \(programme), läget \(period) – tidsfristen \(date) har gått ut",
                            "Reminder: \(programme), status \(period) – the deadline \(date) has passed")
            }
            return pick("Muistutus: \(programme), tilanne \(period) – vastaus viimeistään \(date)",
                        "Påminnelse: \(programme), läget \(period) – svar senast \(date)",
                        "Reminder: \(programme), status \(period) – answer by \(date)")
        }
    }

    public func body(_ mail: RequestMailPlan.Mail, programme: String, period: String, deadline: DocumentDate) -> String {
        let date = strings.date(deadline)
        var lines = [pick("Hei,", "Hej,", "Hello,"), ""]
        switch mail.kind {
        case .request:
            lines.append(pick(
                "liitteenä on \(mail.partyName) -tahon päivityspyyntö (\(programme), tilanne \(period)): \(rows(mail.rows)).",
                "bifogad finns uppdateringsbegäran till \(mail.partyName) (\(programme), läget \(period)): \(rows(mail.rows)).",
                "attached is the update request for \(mail.partyName) (\(programme), status \(period)): \(rows(mail.rows))."))
        case .reminder:
            let days = mail.daysToDeadline ?? 0
            let when = days > 0 ? pick("Määräaika on \(date).", "Tidsfristen är \(date).", "The deadline is \(date).")
                : days == 0 ? pick("Määräaika on tänään, \(date).", "Tidsfristen är i dag, \(date).", "The deadline is today, \(date).")
                : pick("Määräaika oli \(date).", "Tidsfristen var \(date).", "The deadline was \(date).")
            lines.append(pick(
                "\(mail.partyName) -tahon päivityspyynnössä on vielä \(open(mail.openRows, of: mail.rows)) ilman vastausta. \(when)",
                "I uppdateringsbegäran till \(mail.partyName) saknar ännu \(open(mail.openRows, of: mail.rows)) svar. \(when)",
                "The update request for \(mail.partyName) still has \(open(mail.openRows, of: mail.rows)) without an answer. \(when)"))
            lines.append(pick("Pyyntö on uudelleen liitteenä.", "Begäran finns bifogad på nytt.", "The request is attached again."))
        }
        lines += [
            "",
            pick("Valitse kullekin riville uusi etenemiskoodi valikosta ja kirjoita tilanneteksti, tallenna työkirja ja palauta se vastauksena tähän viestiin viimeistään \(date).",
                 "Välj en ny framstegskod för varje rad i menyn och skriv lägestexten, spara arbetsboken och returnera den som svar på detta meddelande senast \(date).",
                 "Choose each row's new progress code from the list and write its status text, save the workbook and return it as a reply to this message by \(date)."),
            "",
            pick("Tämä viesti on lähetetty automaattisesti.", "Detta meddelande har skickats automatiskt.", "This message was sent automatically."),
        ]
        return lines.joined(separator: "\n")
    }

    private func rows(_ count: Int) -> String {
        count == 1 ? pick("1 toimenpide", "1 åtgärd", "1 action") : pick("\(count) toimenpidettä", "\(count) åtgärder", "\(count) actions")
    }

    private func open(_ count: Int, of total: Int) -> String {
        pick("\(count)/\(total) riviä", "\(count)/\(total) rader", "\(count) of \(total) rows")
    }
}
