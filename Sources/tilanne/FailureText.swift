import Foundation
import TilanneCore

/// The sentence Tilanne says when a run stops, in the operator's language (the configuration's
/// `language:`). A system's own words inside it — an errno text, SQLite's message, a path —
/// are kept as they are, as quoted detail. `--help` and the argument parser's usage errors stay
/// English: they are written for the administrator setting the job up (docs/languages.md).
struct FailureText {
    let language: ReportLanguage
    private var say: (String, String, String) -> String { ReportStrings(language: language).pick }

    func configError(_ error: ConfigError) -> String {
        say("tilanne: virhe asetuksissa: ", "tilanne: fel i inställningarna: ", "tilanne: configuration error: ") + "\(error)"
    }

    func outputError(_ error: OutputError) -> String {
        say("tilanne: raporttia ei voi kirjoittaa: ", "tilanne: rapporten kan inte skrivas: ", "tilanne: cannot write the report: ")
            + error.path + ": " + (error.reason.map(outputReason) ?? error.problem)
    }

    func historyError(_ error: HistoryError) -> String {
        say("tilanne: historiatietokantaa ei voi käyttää: ", "tilanne: historikdatabasen kan inte användas: ",
            "tilanne: history database: ") + "\(error)"
    }

    func locked(_ busy: RunLock.Busy) -> String {
        let holder = busy.holder.map { " (PID \($0))" } ?? ""
        return say("tilanne: toinen ajo pitää lukkoa \(busy.path)\(holder); tämä ajo ei tehnyt mitään.",
                   "tilanne: en annan körning håller låset \(busy.path)\(holder); den här körningen gjorde ingenting.",
                   "tilanne: another run holds \(busy.path)\(holder); this run did nothing.")
    }

    func mailingFailed(_ failure: Sendmail.Failure) -> String {
        say("tilanne: raportit kirjoitettiin, mutta postitus epäonnistui: ", "tilanne: rapporterna skrevs, men utskicket misslyckades: ",
            "tilanne: the reports were written, but mailing failed: ") + "\(failure)"
    }

    func periodFrozen(_ frozen: PeriodIsFrozen) -> String {
        let (period, at) = (frozen.period, frozen.frozenAt)
        return say("tilanne: kausi \(period) jäädytettiin \(at); sen julkaistuja raportteja ei korvata. Avaa seuraava kausi: "
                   + "tilanne period open \(frozen.next)",
                   "tilanne: period \(period) frystes \(at); dess publicerade rapporter ersätts inte. Öppna nästa period: "
                   + "tilanne period open \(frozen.next)",
                   "tilanne: \(frozen)")
    }

    func publishedThenFailed(_ failure: PublishedThenFailed) -> String {
        let count = failure.published.count
        let what = switch failure.step {
        case .groups: say("ohjausryhmien tiedostojen kirjoittaminen epäonnistui", "styrgruppernas filer kunde inte skrivas",
                          "writing the steering groups' files failed")
        case .history: say("ajon kirjaaminen historiaan epäonnistui (seuraava ajo vertaa ja kirjaa uudelleen)",
                           "körningen kunde inte sparas i historiken (nästa körning jämför och sparar på nytt)",
                           "recording the run in the history failed (the next run compares and records again)")
        case .archive: say("niiden arkistointi kauden julkaisuksi epäonnistui (julkaise uudelleen: tilanne publish)",
                           "de kunde inte arkiveras som periodens publicering (publicera igen: tilanne publish)",
                           "archiving them as the period's publication failed (run tilanne publish again)")
        }
        return say("tilanne: raportit julkaistiin (\(count) tiedostoa), sitten \(what): ",
                   "tilanne: rapporterna publicerades (\(count) filer), sedan \(what): ",
                   "tilanne: the reports were published (\(count) files), then \(what): ") + "\(failure.underlying)"
    }

    func unexpected(_ error: any Error) -> String {
        say("tilanne: odottamaton virhe", "tilanne: oväntat fel", "tilanne: unexpected error") + " (\(type(of: error))): \(error)"
    }

    private func outputReason(_ reason: OutputError.Reason) -> String {
        switch reason {
        case .cannotCreateFolder(let detail):
            say("tulostekansiota ei voi luoda (\(detail))", "utdatamappen kan inte skapas (\(detail))", "cannot create the output folder (\(detail))")
        case .cannotOpenLock(let detail):
            say("lukkotiedostoa ei voi avata (\(detail))", "låsfilen kan inte öppnas (\(detail))", "cannot open the lock file (\(detail))")
        }
    }
}
