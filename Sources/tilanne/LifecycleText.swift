import Foundation
import TilanneCore

/// What the lifecycle commands (`publish`, `freeze`, `period open`, `unfreeze`) say, in the
/// run's language.
enum LifecycleText {
    static func refusal(_ refusal: LifecycleRefusal, _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        switch refusal {
        case .notPublished(let period):
            return say("tilanne: kautta \(period) ei ole julkaistu, joten jäädytettävää ei ole. Julkaise se ensin: tilanne publish",
                       "tilanne: perioden \(period) är inte publicerad, så det finns inget att frysa. Publicera den först: tilanne publish",
                       "tilanne: period \(period) has not been published, so there is nothing to freeze. Publish it first: tilanne publish")
        case .inputsChanged(let period, let at, let changes):
            let listed = changes.prefix(10).map { "  " + change($0, language) }.joined(separator: "\n")
            let more = changes.count > 10 ? "\n  " + say("… ja \(changes.count - 10) muuta", "… och \(changes.count - 10) till",
                                                         "… and \(changes.count - 10) more") : ""
            return say("tilanne: kautta \(period) ei jäädytetty: lähtötiedot ovat muuttuneet julkaisun (\(at)) jälkeen, joten jäädytys ei olisi se, mitä julkaistiin:",
                       "tilanne: perioden \(period) frystes inte: indata har ändrats sedan publiceringen (\(at)), så frysningen vore inte det som publicerades:",
                       "tilanne: period \(period) was not frozen: the inputs changed since it was published (\(at)), so the snapshot would not be what was published:")
                + "\n" + listed + more + "\n"
                + say("Julkaise kausi uudelleen (tilanne publish) tai palauta tiedostot julkaistuiksi, ja jäädytä sitten.",
                      "Publicera perioden igen (tilanne publish) eller återställ filerna som de publicerades, och frys sedan.",
                      "Publish the period again (tilanne publish) or put the files back as published, then freeze.")
        case .notLater(let label, let current):
            return say("tilanne: kausi \(label) ei ole nykyisen kauden \(current) jälkeen; avattava kausi on myöhempi kuin nykyinen.",
                       "tilanne: perioden \(label) kommer inte efter den nuvarande perioden \(current); en senare period ska öppnas.",
                       "tilanne: period \(label) does not come after the current period \(current); open a later period.")
        case .currentNotFrozen(let period, let state):
            let stateText = state == .open ? say("avoin (luonnos)", "öppen (utkast)", "open (draft)") : say("julkaistu", "publicerad", "published")
            return say("tilanne: nykyinen kausi \(period) on \(stateText), ei jäädytetty: seuraava kausi vertaisi vanhempaan kauteen. "
                       + "Julkaise ja jäädytä \(period) ensin (tilanne publish, tilanne freeze), tai avaa uusi kausi silti valitsimella --force.",
                       "tilanne: den nuvarande perioden \(period) är \(stateText), inte frusen: nästa period skulle jämföras med en äldre. "
                       + "Publicera och frys \(period) först (tilanne publish, tilanne freeze), eller öppna ändå med --force.",
                       "tilanne: the current period \(period) is \(stateText), not frozen: the next period would compare with an older one. "
                       + "Publish and freeze \(period) first (tilanne publish, tilanne freeze), or open anyway with --force.")
        case .notFrozen(let period):
            return say("tilanne: kausi \(period) ei ole jäädytetty; mitään ei muutettu.", "tilanne: perioden \(period) är inte frusen; inget ändrades.",
                       "tilanne: period \(period) is not frozen; nothing was changed.")
        case .laterPeriodFrozen(let period, let later):
            return say("tilanne: kautta \(period) ei voi palauttaa, koska myöhempi kausi \(later) on jäädytetty ja verrattu siihen. Palauta ensin \(later).",
                       "tilanne: perioden \(period) kan inte låsas upp, eftersom den senare perioden \(later) är frusen och jämförd med den. Lås först upp \(later).",
                       "tilanne: period \(period) cannot be unfrozen: the later period \(later) is frozen and was compared with it. Unfreeze \(later) first.")
        case .notConfirmed(let period):
            return say("tilanne: jäädytystä ei purettu, koska sitä ei vahvistettu. Kirjoita kauden tunnus \(period) kysyttäessä, tai anna --yes.",
                       "tilanne: frysningen hävdes inte, eftersom den inte bekräftades. Skriv periodens beteckning \(period) när du tillfrågas, eller ge --yes.",
                       "tilanne: the freeze was not undone: it was not confirmed. Type the period label \(period) when asked, or give --yes.")
        }
    }

    static func change(_ change: InputChange, _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        let path = change.path ?? ""
        return switch change.kind {
        case .configuration: say("asetustiedosto muuttunut", "inställningsfilen ändrad", "the configuration file changed")
        case .programme: say("ohjelmatiedosto muuttunut", "programfilen ändrad", "the programme file changed")
        case .changed: say("muuttunut: \(path)", "ändrad: \(path)", "changed: \(path)")
        case .added: say("uusi tiedosto: \(path)", "ny fil: \(path)", "new file: \(path)")
        case .removed: say("poistunut: \(path)", "borttagen: \(path)", "removed: \(path)")
        }
    }

    static func draft(_ period: String, published: Bool, _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        return published
            ? say("Raportit kirjoitettiin luonnoksina: lähtötiedot ovat muuttuneet kauden \(period) julkaisun jälkeen. Arkistoitu julkaisu on ennallaan; tilanne publish julkaisee uudelleen.",
                  "Rapporterna skrevs som utkast: indata har ändrats sedan perioden \(period) publicerades. Den arkiverade publiceringen är oförändrad; tilanne publish publicerar igen.",
                  "The reports were written as drafts: the inputs changed since period \(period) was published. The archived publication is unchanged; tilanne publish publishes again.")
            : say("Raportit kirjoitettiin luonnoksina (kausi \(period) on avoin); valtuustoversio: tilanne publish.",
                  "Rapporterna skrevs som utkast (perioden \(period) är öppen); fullmäktigeversionen: tilanne publish.",
                  "The reports were written as drafts (period \(period) is open); the council edition: tilanne publish.")
    }

    static func published(_ publication: Publication, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Kausi \(publication.label) julkaistu: \(publication.files.count) tiedostoa arkistoitu kansioon \(publication.archive) (\(publication.actions) toimenpidettä). Jäädytä kokouksen jälkeen: tilanne freeze",
            "Perioden \(publication.label) publicerad: \(publication.files.count) filer arkiverade i \(publication.archive) (\(publication.actions) åtgärder). Frys efter mötet: tilanne freeze",
            "Period \(publication.label) published: \(publication.files.count) files archived in \(publication.archive) (\(publication.actions) actions). Freeze after the meeting: tilanne freeze")
    }

    static func frozenFrom(_ publication: Publication, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Jäädytettiin julkaisu \(publication.publishedAt) (arkisto \(publication.archive)).",
            "Publiceringen \(publication.publishedAt) frystes (arkiv \(publication.archive)).",
            "Froze the publication of \(publication.publishedAt) (archive \(publication.archive)).")
    }

    static func inputsNotCompared(_ period: String, current: String, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Huom: asetukset ovat jo kaudessa \(current), joten kauden \(period) lähtötietoja ei verrattu; jäädytettiin se, mitä julkaistiin.",
            "Obs: inställningarna gäller redan perioden \(current), så indata för \(period) jämfördes inte; det som publicerades frystes.",
            "Note: the configuration is already at period \(current), so the inputs of \(period) were not compared; what was published was frozen.")
    }

    static func opened(_ label: String, previous: String, file: String, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Kausi \(label) avattu (edellinen \(previous)); period: päivitetty tiedostoon \(file). Raportit ovat luonnoksia, kunnes kausi julkaistaan.",
            "Perioden \(label) öppnad (föregående \(previous)); period: uppdaterad i \(file). Rapporterna är utkast tills perioden publiceras.",
            "Period \(label) opened (previous \(previous)); period: updated in \(file). The reports are drafts until the period is published.")
    }

    static func source(_ path: String, exists: Bool, _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        return exists ? say("  lähde: \(path)", "  källa: \(path)", "  source: \(path)")
            : say("  lähde: \(path) (ei vielä olemassa)", "  källa: \(path) (finns inte ännu)", "  source: \(path) (not there yet)")
    }

    /// The periods' life as `tilanne history` lists it, oldest first.
    static func events(_ events: [PeriodEvent], _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        var lines = ["", say("Kausien vaiheet:", "Periodernas skeden:", "Period events:")]
        if events.isEmpty { lines.append(say("  (ei yhtään)", "  (inga)", "  (none)")) }
        for event in events {
            let what = switch event.kind {
            case .opened: say("avattu", "öppnad", "opened")
            case .published: say("julkaistu", "publicerad", "published")
            case .frozen: say("jäädytetty", "frusen", "frozen")
            case .unfrozen: say("jäädytys purettu", "frysningen hävd", "unfrozen")
            }
            lines.append("  \(event.at)  \(event.label)  \(what)" + (event.detail.isEmpty ? "" : "  (\(event.detail))"))
        }
        return lines.joined(separator: "\n")
    }

    static func confirmUnfreeze(_ period: String, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Kauden \(period) jäädytys puretaan; myöhemmät raportit eivät vertaa siihen, ennen kuin se jäädytetään uudelleen. Vahvista kirjoittamalla \(period): ",
            "Frysningen av perioden \(period) hävs; senare rapporter jämförs inte med den förrän den frysts igen. Bekräfta genom att skriva \(period): ",
            "The freeze of period \(period) is undone; later reports do not compare with it until it is frozen again. Confirm by typing \(period): ")
    }

    static func unfrozen(_ period: FrozenPeriodInfo, _ language: ReportLanguage) -> String {
        ReportStrings(language: language).pick(
            "Kauden \(period.label) jäädytys (\(period.frozenAt)) purettu ja kirjattu historiaan; kausi on taas julkaistu-tilassa.",
            "Frysningen av perioden \(period.label) (\(period.frozenAt)) hävd och registrerad i historiken; perioden är åter publicerad.",
            "The freeze of period \(period.label) (\(period.frozenAt)) was undone and recorded in the history; the period is published again.")
    }
}
