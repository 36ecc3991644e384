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
