/// Report texts for the comparison with the previous period and the update lists.
extension ReportStrings {
    private func say(_ fi: String, _ sv: String, _ en: String) -> String { pick(fi, sv, en) }

    public var changesSheet: String { say("Muutokset", "Förändringar", "Changes") }
    public var updatesSheet: String { say("Päivitettävät", "Att uppdatera", "Updates needed") }
    public var answersSheet: String { say("Vastaukset", "Svar", "Answers") }
    public func answersTitle(_ period: String) -> String {
        say("Päivityspyyntöjen vastaukset, tilanne \(period)", "Svar på uppdateringsbegäranden, läge \(period)",
            "Answers to the update requests, status \(period)")
    }
    public func answersSummary(_ report: AnswersReport) -> String {
        let answered = report.parties.filter(\.answered).count
        let deadline = report.deadline.map(date).map { say(" Määräaika \($0).", " Sista dag \($0).", " Deadline \($0).") } ?? ""
        return say("Vastanneita \(answered)/\(report.parties.count) tahoa; avoinna \(report.openRows)/\(report.requestedRows) riviä; hylättyjä vastausrivejä \(report.refused).",
                   "Har svarat \(answered)/\(report.parties.count) parter; öppna \(report.openRows)/\(report.requestedRows) rader; avvisade svarsrader \(report.refused).",
                   "Answered \(answered)/\(report.parties.count) parties; open \(report.openRows)/\(report.requestedRows) rows; refused answer rows \(report.refused).") + deadline
            + (report.deadlinePassed ? say(" Määräaika on mennyt: \(report.lateParties) tahon pyynnöissä on avoimia rivejä.",
                                           " Sista dagen har passerat: \(report.lateParties) parter har öppna rader.",
                                           " The deadline has passed: \(report.lateParties) parties have open rows.") : "")
    }
    public var requestedRowsColumn: String { say("Rivejä", "Rader", "Rows") }
    public var openRowsColumn: String { say("Avoinna", "Öppna", "Open") }
    public var lateMark: String { say("myöhässä", "försenad", "late") }
    public var answerStateColumn: String { say("Vastaus", "Svar", "Answer") }
    public func answerState(_ answered: Bool) -> String {
        answered ? say("vastannut", "har svarat", "answered") : say("ei vastausta", "inget svar", "no answer")
    }
    public var noResponsible: String { say("(vastuutaho puuttuu)", "(ansvarig saknas)", "(no responsible party)") }
    public var noChanges: String { say("Ei muutoksia edelliseen kauteen.", "Inga förändringar sedan föregående period.", "No changes since the previous period.") }
    public var noUpdates: String { say("Kaikki rivit on päivitetty.", "Alla rader är uppdaterade.", "Every row is up to date.") }
    public var changeKindColumn: String { say("Muutos", "Förändring", "Change") }
    public var progressBefore: String { say("Eteneminen ennen", "Framsteg förut", "Progress before") }
    public var progressNow: String { say("Eteneminen nyt", "Framsteg nu", "Progress now") }
    public var directionColumn: String { say("Suunta", "Riktning", "Direction") }
    public var statusUpdated: String { say("Tilanneteksti päivitetty", "Lägestexten uppdaterad", "Status text updated") }
    /// The previous wording, item and responsible parties of a changed action.
    public var previousWording: String { say("Aiemmin", "Tidigare", "Previously") }
    public var statusBefore: String { say("Tilanne ennen", "Läge förut", "Status before") }
    public var reasonColumn: String { say("Miksi päivitettävä", "Varför den ska uppdateras", "Why it needs an update") }
    public var yes: String { say("kyllä", "ja", "yes") }

    public func changeColumn(_ previous: String) -> String { say("Muutos (vrt. \(previous))", "Förändring (jfr \(previous))", "Change (vs \(previous))") }

    public func changesTitle(_ previous: String, _ now: String) -> String {
        say("Muutokset kaudesta \(previous) kauteen \(now)", "Förändringar från period \(previous) till \(now)", "Changes from period \(previous) to \(now)")
    }

    public func updatesTitle(_ period: String) -> String {
        say("Päivitettävät rivit vastuutahoittain – tilanne \(period)", "Rader att uppdatera per ansvarig – läge \(period)", "Rows to update, by responsible party – status \(period)")
    }

    public func kind(_ kind: ActionChange.Kind) -> String {
        switch kind {
        case .new: say("Uusi toimenpide", "Ny åtgärd", "New action")
        case .dropped: say("Ei enää raportoitu", "Rapporteras inte längre", "No longer reported")
        case .changed: say("Muuttunut", "Förändrad", "Changed")
        }
    }

    public func direction(_ direction: ChangeDirection) -> String {
        switch direction {
        case .improved: say("↑ parantunut", "↑ förbättrad", "↑ improved")
        case .worsened: say("↓ heikentynyt", "↓ försämrad", "↓ worsened")
        case .unchanged: say("ennallaan", "oförändrad", "unchanged")
        case .notComparable: say("muuttunut", "förändrad", "changed")
        }
    }

    /// The text of the change cell on the status sheet: `↑ parantunut (- → +/-)`, `uusi`.
    public func changeNote(_ note: ActionChangeNote, now: String) -> String {
        if note.isNew { return say("uusi", "ny", "new") }
        var parts: [String] = []
        if let direction = note.direction, direction != .unchanged {
            parts.append("\(self.direction(direction)) (\(shown(note.progressBefore)) → \(shown(now)))")
        } else {
            parts.append(self.direction(.unchanged))
        }
        if note.statusChanged { parts.append(say("tilanneteksti päivitetty", "lägestexten uppdaterad", "status text updated")) }
        if note.reworded { parts.append(say("muotoiltu uudelleen", "omformulerad", "reworded")) }
        if let place = note.movedFrom { parts.append(movedFrom(place)) }
        if let parties = note.responsibleBefore { parts.append(responsibleBefore(parties)) }
        // Whether the match is certain is the coordinator's to check, on the change list's own
        // column (`checkMatch`); the note the council reads states the change itself.
        return parts.joined(separator: "; ")
    }

    /// `vastuutaho ennen: Yrityspalvelut`; a party added where there was none: `vastuutaho lisätty`.
    public func responsibleBefore(_ parties: [String]) -> String {
        guard !parties.isEmpty else { return say("vastuutaho lisätty", "ansvarig tillagd", "responsible party added") }
        let list = parties.joined(separator: ", ")
        return say("vastuutaho ennen: \(list)", "ansvarig tidigare: \(list)", "responsible before: \(list)")
    }

    public func movedFrom(_ place: String) -> String { say("siirretty kohdasta \(place)", "flyttad från \(place)", "moved from \(place)") }

    public func checkMatch(_ similarity: Double) -> String {
        let percent = Int((similarity * 100).rounded())
        return say("vastaavuus epävarma (\(percent) %), tarkista", "osäker motsvarighet (\(percent) %), kontrollera", "uncertain match (\(percent) %), check")
    }

    public func staleReason(_ stale: StaleNote) -> String {
        stale.reasons.map { reason in
            switch reason {
            case .statusUnchanged:
                say("tilanneteksti ennallaan \(stale.unchangedPeriods) kautta" + (stale.unchangedSince.map { " (kaudesta \($0))" } ?? ""),
                    "lägestexten oförändrad i \(stale.unchangedPeriods) perioder" + (stale.unchangedSince.map { " (sedan \($0))" } ?? ""),
                    "status text unchanged for \(stale.unchangedPeriods) periods" + (stale.unchangedSince.map { " (since \($0))" } ?? ""))
            case .noInformation: say("etenemisestä ei tietoa", "ingen information om framsteg", "no information on progress")
            }
        }.joined(separator: "; ")
    }

    public func changeCounts(_ counts: ChangeCounts) -> String {
        // The first five add up to the actions reported now; those no longer reported come on top.
        say("Parantunut \(counts.improved), heikentynyt \(counts.worsened), muu koodimuutos \(counts.codeChanged), "
            + "koodi ennallaan \(counts.unchanged), uusia \(counts.new); ei enää raportoitu \(counts.dropped). "
            + "Tilanneteksti päivitetty \(counts.statusChanged), vastuutaho vaihtunut \(counts.responsibleChanged).",
            "Förbättrade \(counts.improved), försämrade \(counts.worsened), annan kodändring \(counts.codeChanged), "
            + "koden oförändrad \(counts.unchanged), nya \(counts.new); rapporteras inte längre \(counts.dropped). "
            + "Lägestexten uppdaterad \(counts.statusChanged), ansvarig ändrad \(counts.responsibleChanged).",
            "Improved \(counts.improved), worsened \(counts.worsened), other code change \(counts.codeChanged), "
            + "code unchanged \(counts.unchanged), new \(counts.new); no longer reported \(counts.dropped). "
            + "Status text updated \(counts.statusChanged), responsible party changed \(counts.responsibleChanged).")
    }

    /// A code as shown in change texts; an empty code as a dash-free word.
    public func shown(_ code: String?) -> String {
        guard let code, !code.isEmpty else { return say("ei koodia", "ingen kod", "no code") }
        return code
    }
}
