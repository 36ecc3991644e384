import Foundation
import TilanneCore

/// `tilanne status` for people, in the report's language.
enum StatusText {
    static func listing(_ status: RunStatus, _ language: ReportLanguage) -> String {
        let say = ReportStrings(language: language).pick
        let never = say("ei koskaan", "aldrig", "never")
        func ago(_ seconds: Int?) -> String {
            guard let seconds else { return "" }
            return " (" + say("\(duration(seconds, language)) sitten", "för \(duration(seconds, language)) sedan", "\(duration(seconds, language)) ago") + ")"
        }
        var lines = [say("Asetukset: \(status.config)", "Inställningar: \(status.config)", "Configuration: \(status.config)")]
        if let success = status.lastSuccess {
            lines.append(say("Viimeisin onnistunut ajo: ", "Senaste lyckade körning: ", "Last successful run: ") + success.finished
                         + ago(status.lastSuccessAgeSeconds) + ", " + say("kausi", "period", "period") + " \(success.period ?? "–"), "
                         + say("paluukoodi", "slutkod", "exit code") + " \(success.exitCode) (\(success.outcome))")
        } else {
            lines.append(say("Viimeisin onnistunut ajo: ", "Senaste lyckade körning: ", "Last successful run: ") + never)
        }
        if let latest = status.latestRun, latest.finished != status.lastSuccess?.finished {
            lines.append(say("Viimeisin ajo: ", "Senaste körning: ", "Latest run: ") + "\(latest.finished ?? "?") \(latest.command), "
                         + say("paluukoodi", "slutkod", "exit code") + " \(latest.exitCode.map(String.init) ?? "?") (\(latest.outcome ?? "?"))")
        }
        lines.append(say("Tiedot julkaistu: ", "Data publicerade: ", "Data published: ")
                     + (status.dataPublished.map { $0 + ago(status.dataAgeSeconds) } ?? never))
        if let newest = status.newestInput, let oldest = status.oldestInput {
            lines.append(say("Lähdetiedostot (\(status.inputFiles)): ", "Källfiler (\(status.inputFiles)): ", "Input files (\(status.inputFiles)): ")
                         + say("uusin", "nyaste", "newest") + " \(newest.modified)\(ago(newest.ageSeconds)) \(newest.path); "
                         + say("vanhin", "äldsta", "oldest") + " \(oldest.modified)\(ago(oldest.ageSeconds)) \(oldest.path)")
        } else {
            lines.append(say("Lähdetiedostot: ei yhtään löytynyt", "Källfiler: inga hittades", "Input files: none found"))
        }
        let none = say("ei yhtään", "inga", "none")
        lines.append(say("Avoimet kaudet: ", "Öppna perioder: ", "Open periods: ")
                     + (status.openPeriods.isEmpty ? none : status.openPeriods.map { label in
                         status.publishedPeriods[label].map { "\(label) (" + say("julkaistu", "publicerad", "published") + " \($0))" } ?? label
                     }.joined(separator: ", ")))
        lines.append(say("Jäädytetyt kaudet: ", "Frysta perioder: ", "Frozen periods: ")
                     + (status.frozenPeriods.isEmpty ? none : status.frozenPeriods.map { "\($0.label) (\($0.frozenAt))" }.joined(separator: ", ")))
        if status.stale, let limit = status.maxAgeSeconds {
            let span = duration(limit, language)
            lines.append(status.lastSuccess == nil
                ? say("VANHENTUNUT: onnistunutta ajoa ei ole ollut (raja \(span)).", "FÖRÅLDRAD: ingen lyckad körning har gjorts (gräns \(span)).",
                      "STALE: there has been no successful run (limit \(span)).")
                : say("VANHENTUNUT: viimeisin onnistunut ajo on yli \(span) vanha.", "FÖRÅLDRAD: den senaste lyckade körningen är över \(span) gammal.",
                      "STALE: the last successful run is older than \(span)."))
        }
        return lines.joined(separator: "\n")
    }

    /// `1 vrk 2 h 5 min`; minutes only under an hour, seconds only under a minute.
    static func duration(_ seconds: Int, _ language: ReportLanguage) -> String {
        let day = ReportStrings(language: language).pick("vrk", "d", "d")
        if seconds < 60 { return "\(seconds) s" }
        let (days, hours, minutes) = (seconds / 86400, seconds % 86400 / 3600, seconds % 3600 / 60)
        var parts: [String] = []
        if days > 0 { parts.append("\(days) \(day)") }
        if hours > 0 { parts.append("\(hours) h") }
        if minutes > 0 && days == 0 { parts.append("\(minutes) min") }
        return parts.joined(separator: " ")
    }
}
