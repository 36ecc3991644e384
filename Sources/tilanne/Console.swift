import Foundation
import TilanneCore

/// What the command prints. Quiet on success (cron mails any output), findings and failures
/// to standard error, the row accounting at the end of each run.
struct Console {
    let quiet: Bool
    let verbose: Bool
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
            printError("\(place)\(catalogue.severityName(diagnostic.severity)) [\(diagnostic.code.rawValue)]\(column) \(diagnostic.message)")
        }
        if listed.count > limit {
            printError(ConsoleText.more(listed.count - limit, language))
        }
        var bySeverity: [Severity: Int] = [:]
        for diagnostic in diagnostics { bySeverity[diagnostic.severity, default: 0] += 1 }
        let summary = Severity.allCases.reversed().compactMap { severity in
            bySeverity[severity].map { "\($0) \(catalogue.severityName(severity))" }
        }
        printError(summary.joined(separator: ", "))
    }

    func accounting(_ accounting: RowAccounting, language: ReportLanguage, force: Bool) {
        guard !quiet || force else { return }
        print(ReportStrings(language: language).accounting(accounting))
    }

    /// One line per steering group: what was written and mailed, or with --dry-run what would be.
    func delivery(_ result: GroupDelivery.Result, dryRun: Bool, language: ReportLanguage) {
        let fi = language == .fi
        let what = switch result.outcome {
        case .sent: fi ? "lähetetty: \(result.recipients.joined(separator: ", "))" : "sent to \(result.recipients.joined(separator: ", "))"
        case .wouldSend: fi ? "LÄHETETTÄISIIN: \(result.recipients.joined(separator: ", ")), aihe \"\(result.subject ?? "")\""
            : "WOULD SEND to \(result.recipients.joined(separator: ", ")), subject \"\(result.subject ?? "")\""
        case .unchanged: fi ? "ei lähetetty: sama kuin edellinen lähetys" : "not sent: the same as the last message"
        case .filesOnly: fi ? "tiedostot kirjoitettu" : "files written"
        }
        let files = result.files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
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
    static let configError = "tilanne: configuration error: "
    static let outputError = "tilanne: cannot write the report: "
    static let historyError = "tilanne: history database: "

    /// Always English and always printed: it goes to the operator (and cron's mail), not to a report reader.
    static func locked(_ busy: RunLock.Busy) -> String {
        "tilanne: another run holds \(busy.path)" + (busy.holder.map { " (PID \($0))" } ?? "") + "; this run did nothing."
    }

    static func unchanged(_ since: String, _ language: ReportLanguage) -> String {
        language == .fi
            ? "Ei muutoksia lähdetiedostoissa eikä asetuksissa edellisen ajon (\(since)) jälkeen; raportit ennallaan. (--force kirjoittaa ne silti.)"
            : "Nothing changed in the sources or the configuration since the last run (\(since)); the reports are as they were. (--force writes them anyway.)"
    }

    static func notFrozen(_ language: ReportLanguage) -> String {
        language == .fi
            ? "Lähdetiedoissa on virheitä; kautta ei jäädytetty."
            : "The source files have errors; the period was not frozen."
    }

    static func frozen(_ period: String, _ count: Int, replaced: Bool, _ language: ReportLanguage) -> String {
        language == .fi
            ? "Kausi \(period) jäädytetty (\(count) toimenpidettä)\(replaced ? "; aiempi jäädytys korvattiin" : "")."
            : "Period \(period) frozen (\(count) actions)\(replaced ? "; the earlier snapshot was replaced" : "")."
    }

    static func alreadyFrozen(_ period: String, _ at: String, _ language: ReportLanguage) -> String {
        language == .fi
            ? "Kausi \(period) on jo jäädytetty (\(at)); sitä ei muutettu. Korvaa se tarvittaessa valitsimella --force."
            : "Period \(period) is already frozen (\(at)); it was not changed. Use --force to replace it."
    }

    static func historyListing(_ path: String, periods: [FrozenPeriodInfo], runs: [RunRecord], _ language: ReportLanguage) -> String {
        let fi = language == .fi
        var lines = [fi ? "Historia: \(path)" : "History: \(path)", "", fi ? "Jäädytetyt kaudet:" : "Frozen periods:"]
        if periods.isEmpty { lines.append(fi ? "  (ei yhtään)" : "  (none)") }
        for period in periods {
            lines.append("  \(period.label)  \(period.frozenAt)  \(period.actions) \(fi ? "toimenpidettä" : "actions")")
        }
        lines += ["", fi ? "Viimeisimmät ajot:" : "Latest runs:"]
        if runs.isEmpty { lines.append(fi ? "  (ei yhtään)" : "  (none)") }
        for run in runs {
            let outcome = switch (run.outcome, fi) {
            case (.published, true): "raportit kirjoitettu"
            case (.unchanged, true): "ei muutoksia, raportit ennallaan"
            case (.published, false): "reports written"
            case (.unchanged, false): "unchanged, reports kept"
            case (.deliveryFailed, true): "raportit kirjoitettu, postitus epäonnistui"
            case (.deliveryFailed, false): "reports written, mailing failed"
            }
            lines.append("  #\(run.id ?? 0)  \(run.finishedAt)  \(run.period)  \(run.actions) \(fi ? "toimenpidettä" : "actions"), \(run.warnings) \(fi ? "varoitusta" : "warnings")  \(outcome)")
        }
        return lines.joined(separator: "\n")
    }

    static func notPublished(_ language: ReportLanguage) -> String {
        language == .fi
            ? "Lähdetiedoissa on virheitä; raportteja ei kirjoitettu. Edelliset raportit ovat ennallaan."
            : "The source files have errors; no report was written. The previous reports are unchanged."
    }

    static func wrote(_ path: String, _ language: ReportLanguage) -> String {
        language == .fi ? "Kirjoitettu: \(path)" : "Written: \(path)"
    }

    static func more(_ count: Int, _ language: ReportLanguage) -> String {
        language == .fi
            ? "… ja \(count) muuta havaintoa (kaikki: --verbose tai raportin Tarkistukset-osa)."
            : "… and \(count) more findings (all of them: --verbose or the report's Checks part)."
    }
}
