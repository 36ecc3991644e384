import Foundation
import TilanneCore

/// What the command prints. Quiet on success (cron mails any output), findings and failures
/// to standard error, the row accounting at the end of each run.
struct Console {
    let quiet: Bool
    let verbose: Bool
    /// The operator's language, from the configuration's `language:` (Finnish when it cannot be read).
    var language: ReportLanguage = .fi
    /// Without --verbose, only this many findings are listed; the rest are counted.
    let shownFindings = 40

    func diagnostics(_ diagnostics: [Diagnostic], language: ReportLanguage) {
        let catalogue = MessageCatalogue(language: language)
        let listed = diagnostics.filter { verbose || $0.severity >= .warning }
        guard !listed.isEmpty, !quiet || listed.contains(where: { $0.severity == .error }) else { return }
        let limit = verbose ? listed.count : shownFindings
        for diagnostic in listed.prefix(limit) {
            let place = diagnostic.location.map { $0.compact + ": " } ?? ""
            let column = diagnostic.location?.columnName.map { " [\($0)]" } ?? ""
            printError("\(place)\(catalogue.severityName(diagnostic.severity)) [\(diagnostic.code.rawValue)]\(column) \(catalogue.message(diagnostic))")
        }
        if listed.count > limit {
            printError(ConsoleText.more(listed.count - limit, language))
        }
        var bySeverity: [Severity: Int] = [:]
        for diagnostic in diagnostics { bySeverity[diagnostic.severity, default: 0] += 1 }
        let summary = Severity.allCases.reversed().compactMap { severity in
            bySeverity[severity].map { catalogue.count($0, severity) }
        }
        printError(summary.joined(separator: ", "))
    }

    func accounting(_ accounting: RowAccounting, language: ReportLanguage, force: Bool) {
        guard !quiet || force else { return }
        print(ReportStrings(language: language).accounting(accounting))
    }

    /// One line per steering group: what was written and mailed, or with --dry-run what would be.
    /// A group whose mail failed for some addresses also says which addresses did get it.
    func delivery(_ result: GroupDelivery.Result, dryRun: Bool, language: ReportLanguage) {
        let say = ReportStrings(language: language).pick
        func addresses(_ outcome: GroupDelivery.Outcome) -> String {
            result.recipientResults.filter { $0.outcome == outcome }.map(\.address).joined(separator: ", ")
        }
        let subject = result.subject ?? ""
        let sent = addresses(.sent)
        let occasions = (result.waitsFor ?? []).map { ConsoleText.occasion($0, language) }.joined(separator: ", ")
        var what = switch result.outcome {
        case .sent: say("lähetetty: \(sent)", "skickat till \(sent)", "sent to \(sent)")
        case .wouldSend: say("LÄHETETTÄISIIN: \(addresses(.wouldSend)), aihe \"\(subject)\"",
                             "SKULLE SKICKAS till \(addresses(.wouldSend)), ämne \"\(subject)\"",
                             "WOULD SEND to \(addresses(.wouldSend)), subject \"\(subject)\"")
        case .unchanged: say("ei lähetetty: sama kuin edellinen lähetys", "inte skickat: samma som förra meddelandet",
                             "not sent: the same as the last message")
        case .filesOnly: say("tiedostot kirjoitettu", "filerna skrivna", "files written")
        case .held: say("ei lähetetty: lähetetään vasta, kun \(occasions)", "inte skickat: skickas först när \(occasions)",
                "not sent: mailed only when \(occasions)")
        case .failed: say("LÄHETYS EPÄONNISTUI: \(result.problem ?? "")", "UTSKICKET MISSLYCKADES: \(result.problem ?? "")",
                          "SENDING FAILED: \(result.problem ?? "")")
        }
        if result.outcome == .failed, !sent.isEmpty { what += say("; lähetetty: \(sent)", "; skickat till \(sent)", "; sent to \(sent)") }
        // Each group's files have the same names, each in the group's own folder: both are shown.
        let files = result.files.map { URL(fileURLWithPath: $0).pathComponents.suffix(2).joined(separator: "/") }
            .joined(separator: ", ")
        let line = "\(result.group): \(what) [\(files)]"
        if dryRun { print(line) } else { notice(line) }
    }

    /// A message for people (not for cron): printed unless --quiet.
    func notice(_ text: String) {
        guard !quiet else { return }
        print(text)
    }

    func detail(_ text: String) {
        guard verbose else { return }
        print(text)
    }

    func failure(_ text: String) {
        printError(text)
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

enum ConsoleText {
    /// A `send_on` occasion as the sentence "mailed only when …" ends.
    static func occasion(_ occasion: MailOccasion, _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        return switch occasion {
        case .change: say("raportti muuttuu", "rapporten ändras", "the report changes")
        case .publish: say("kausi julkaistaan", "perioden publiceras", "the period is published")
        case .freeze: say("kausi jäädytetään", "perioden fryses", "the period is frozen")
        }
    }

    static func unchanged(_ since: String, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Ei muutoksia lähdetiedostoissa eikä asetuksissa edellisen ajon (\(since)) jälkeen; raportit ennallaan. (--force kirjoittaa ne silti.)",
            "Inga ändringar i källfilerna eller inställningarna sedan förra körningen (\(since)); rapporterna är oförändrade. (--force skriver dem ändå.)",
            "Nothing changed in the sources or the configuration since the last run (\(since)); the reports are as they were. (--force writes them anyway.)")
    }

    static func notFrozen(_ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Lähdetiedoissa on virheitä; kautta ei jäädytetty.",
            "Källfilerna har fel; perioden frystes inte.",
            "The source files have errors; the period was not frozen.")
    }

    static func frozen(_ period: String, _ count: Int, replaced: Bool, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Kausi \(period) jäädytetty (\(count) toimenpidettä)\(replaced ? "; aiempi jäädytys korvattiin" : "").",
            "Period \(period) frusen (\(count) åtgärder)\(replaced ? "; den tidigare frysningen ersattes" : "").",
            "Period \(period) frozen (\(count) actions)\(replaced ? "; the earlier snapshot was replaced" : "").")
    }

    static func alreadyFrozen(_ period: String, _ at: String, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Kausi \(period) on jo jäädytetty (\(at)); sitä ei muutettu. Korvaa se tarvittaessa valitsimella --force.",
            "Period \(period) är redan frusen (\(at)); den ändrades inte. Ersätt den vid behov med --force.",
            "Period \(period) is already frozen (\(at)); it was not changed. Use --force to replace it.")
    }

    static func historyListing(_ path: String, periods: [FrozenPeriodInfo], runs: [RunRecord], _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        var lines = [say("Historia: \(path)", "Historik: \(path)", "History: \(path)"), "",
                     say("Jäädytetyt kaudet:", "Frysta perioder:", "Frozen periods:")]
        let none = say("  (ei yhtään)", "  (inga)", "  (none)")
        let actions = say("toimenpidettä", "åtgärder", "actions")
        if periods.isEmpty { lines.append(none) }
        for period in periods {
            lines.append("  \(period.label)  \(period.frozenAt)  \(period.actions) \(actions)")
        }
        lines += ["", say("Viimeisimmät ajot:", "Senaste körningar:", "Latest runs:")]
        if runs.isEmpty { lines.append(none) }
        for run in runs {
            let outcome = switch run.outcome {
            case .published: say("raportit kirjoitettu", "rapporterna skrivna", "reports written")
            case .unchanged: say("ei muutoksia, raportit ennallaan", "inga ändringar, rapporterna oförändrade", "unchanged, reports kept")
            case .deliveryFailed: say("raportit kirjoitettu, postitus epäonnistui", "rapporterna skrivna, utskicket misslyckades",
                                      "reports written, mailing failed")
            }
            lines.append("  #\(run.id ?? 0)  \(run.finishedAt)  \(run.period)  \(run.actions) \(actions), \(run.warnings) "
                         + "\(say("varoitusta", "varningar", "warnings"))  \(outcome)")
        }
        return lines.joined(separator: "\n")
    }

    static func notPublished(_ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Lähdetiedoissa on virheitä; raportteja ei kirjoitettu. Edelliset raportit ovat ennallaan.",
            "Källfilerna har fel; inga rapporter skrevs. De tidigare rapporterna är oförändrade.",
            "The source files have errors; no report was written. The previous reports are unchanged.")
    }

    static func wrote(_ path: String, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick("Kirjoitettu: \(path)", "Skrivet: \(path)", "Written: \(path)")
    }

    static func more(_ count: Int, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "… ja \(count) muuta havaintoa (kaikki: --verbose tai raportin Tarkistukset-osa).",
            "… och \(count) iakttagelser till (alla: --verbose eller rapportens del Kontroller).",
            "… and \(count) more findings (all of them: --verbose or the report's Checks part).")
    }
}

extension Console {
    /// One line per request mail: to whom, which kind, and what happened (or would).
    func requestMail(_ result: RequestMailer.Result, language: ReportLanguage) {
        let say = ReportStrings(language: language).pick
        let mail = result.mail
        let rows = mail.rows == 1 ? say("1 rivi", "1 rad", "1 row") : say("\(mail.rows) riviä", "\(mail.rows) rader", "\(mail.rows) rows")
        let kind = mail.kind == .request
            ? say("päivityspyyntö, \(rows)", "uppdateringsbegäran, \(rows)", "update request, \(rows)")
            : say("muistutus, \(mail.openRows)/\(mail.rows) riviä avoinna", "påminnelse, \(mail.openRows)/\(mail.rows) rader öppna",
                  "reminder, \(mail.openRows)/\(mail.rows) rows open")
        let line = switch result.outcome {
        case .sent: say("lähetetty", "skickat", "sent") + " \(mail.address) (\(mail.party)): \(kind)"
        case .wouldSend: say("LÄHETETTÄISIIN", "SKULLE SKICKAS", "WOULD SEND") + " \(mail.address) (\(mail.party)): \(kind), "
            + say("aihe", "ämne", "subject") + " \"\(result.subject)\" [\(mail.file)]"
        case .failed: say("LÄHETYS EPÄONNISTUI", "UTSKICKET MISSLYCKADES", "SENDING FAILED") + " \(mail.address) (\(mail.party)): \(result.problem ?? "")"
        }
        if result.outcome == .wouldSend { print(line) } else if result.outcome == .failed { failure(line) } else { notice(line) }
    }
}

extension ConsoleText {
    /// "Postitus 27.2.2024: 3 pyyntöä, 2 muistutusta; 5 vastannutta tahoa, 30 ei vielä vuorossa, 1 jo postitettu tänään."
    static func requestMailTotals(_ plan: RequestMailPlan, _ results: [RequestMailer.Result], _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        let requests = results.filter { $0.mail.kind == .request && $0.outcome != .failed }.count
        let reminders = results.filter { $0.mail.kind == .reminder && $0.outcome != .failed }.count
        let failed = results.filter { $0.outcome == .failed }.count
        func count(_ reason: RequestMailPlan.Reason) -> Int { plan.skipped.filter { $0.reason == reason }.count }
        let day = DocumentDate(plan.today).map(RequestStrings(language: language).date) ?? plan.today
        var text = say("Postitus \(day): pyyntöjä \(requests), muistutuksia \(reminders)",
                       "Utskick \(day): begäran \(requests), påminnelser \(reminders)",
                       "Mailing \(day): requests \(requests), reminders \(reminders)")
        if failed > 0 { text += say(", epäonnistui \(failed)", ", misslyckades \(failed)", ", failed \(failed)") }
        text += say("; ei postitettu: vastannut \(count(.answered)), ei vielä muistutuspäivä \(count(.notDue)), jo postitettu tänään \(count(.mailedToday))",
                    "; inte skickat: har svarat \(count(.answered)), ingen påminnelsedag ännu \(count(.notDue)), redan skickat i dag \(count(.mailedToday))",
                    "; not mailed: answered \(count(.answered)), no reminder day yet \(count(.notDue)), already mailed today \(count(.mailedToday))")
        if count(.badAddress) > 0 { text += say(", virheellinen osoite \(count(.badAddress))", ", felaktig adress \(count(.badAddress))", ", bad address \(count(.badAddress))") }
        return text + "."
    }
}

extension ConsoleText {
    /// "Vastaukset: 3/39 tahoa, avoinna 72/75 riviä; määräaika 1.3.2024 on mennyt, myöhässä 36 tahoa: …"
    static func answers(_ status: AnswerStatus, _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        let asked = status.answered.count + status.missing.count
        var text = say("Vastaukset: \(status.answered.count)/\(asked) tahoa, avoinna \(status.openRows)/\(status.requestedRows) riviä",
                       "Svar: \(status.answered.count)/\(asked) parter, öppna \(status.openRows)/\(status.requestedRows) rader",
                       "Answers: \(status.answered.count)/\(asked) parties, open \(status.openRows)/\(status.requestedRows) rows")
        if status.refused > 0 { text += say(", hylättyjä \(status.refused)", ", avvisade \(status.refused)", ", refused \(status.refused)") }
        if status.deadlinePassed, let deadline = status.deadline.flatMap(DocumentDate.init) {
            let date = RequestStrings(language: language).date(deadline)
            let late = status.lateParties.joined(separator: ", ")
            text += say("; määräaika \(date) on mennyt, avoimia rivejä \(status.lateParties.count) taholla: \(late)",
                        "; sista dagen \(date) har passerat, öppna rader hos \(status.lateParties.count) parter: \(late)",
                        "; the deadline \(date) has passed, \(status.lateParties.count) parties have open rows: \(late)")
        }
        return text + "."
    }
}
