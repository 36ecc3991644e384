import ArgumentParser
import Foundation
import TilanneCore

struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Write each responsible party a workbook of its rows to update (needs parties: in the programme file).",
        discussion: """
        One workbook per registered party that some row names, into requests.folder inside the
        output folder (default pyynnot/<period>/) or --out. Names in the tables that the
        register does not know are listed as party.unregistered findings.

        With --mail, each party's addresses get its workbook once, then, while rows are without
        an accepted answer, a reminder on the days requests.reminders names around the deadline;
        never more than one mail a day per address. Run it daily from cron. See docs/requests.md.
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Write the workbooks into this folder instead.", valueName: "folder"))
    var out: String?

    @Flag(help: "Mail the requests and the reminders due today through delivery.sendmail.")
    var mail = false

    @Flag(help: "With --mail: print what would be mailed to whom, and send and record nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("With --mail: the day to plan for (YYYY-MM-DD) instead of today.", valueName: "date"))
    var today: String?

    func validate() throws {
        if dryRun && !mail { throw ValidationError("--dry-run goes with --mail") }
        if today != nil && !mail { throw ValidationError("--today goes with --mail") }
        if let today, DocumentDate(today) == nil { throw ValidationError("--today: expected a date as YYYY-MM-DD, got \"\(today)\"") }
    }

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        try ExitCodes.guarding(console) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            let requestRun = RequestRun(config: config)
            let folder = requestRun.folder(override: out.map { URL(fileURLWithPath: $0) })
            let outcome = try requestRun.execute(out: folder)
            let say = ReportStrings(language: config.language).pick
            switch outcome {
            case .invalidInput(let programme):
                console.diagnostics(programme.diagnostics, language: config.language)
                console.failure(ConsoleText.notPublished(config.language))
                return .invalidInput
            case .written(let programme, let requests, let files):
                console.diagnostics(programme.diagnostics, language: config.language)
                for url in files { console.detail(ConsoleText.wrote(url.path, config.language)) }
                let rows = requests.reduce(0) { $0 + $1.rows.count }
                console.notice(say("Päivityspyyntöjä \(requests.count) vastuutaholle, rivejä yhteensä \(rows).",
                                   "Uppdateringsbegäran till \(requests.count) ansvariga, sammanlagt \(rows) rader.",
                                   "Update requests for \(requests.count) parties, \(rows) rows in all."))
                guard mail else { return ExitCodes.status(for: programme.diagnostics) }
                let day = today.flatMap(DocumentDate.init) ?? DocumentDate.local()
                let (plan, results) = try requestRun.mail(requests, folder: folder, today: day, dryRun: dryRun)
                for result in results { console.requestMail(result, language: config.language) }
                console.notice(ConsoleText.requestMailTotals(plan, results, config.language))
                if results.contains(where: { $0.outcome == .failed }) { return .deliveryFailed }
                return ExitCodes.status(for: programme.diagnostics)
            }
        }
    }
}
