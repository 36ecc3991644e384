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
        register does not know are listed as party.unregistered findings. See docs/requests.md.
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Write the workbooks into this folder instead.", valueName: "folder"))
    var out: String?

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        try ExitCodes.guarding(console) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            let outcome = try RequestRun(config: config).execute(out: out.map { URL(fileURLWithPath: $0) })
            switch outcome {
            case .invalidInput(let programme):
                console.diagnostics(programme.diagnostics, language: config.language)
                console.failure(ConsoleText.notPublished(config.language))
                return .invalidInput
            case .written(let programme, let requests, let files):
                console.diagnostics(programme.diagnostics, language: config.language)
                for url in files { console.detail(ConsoleText.wrote(url.path, config.language)) }
                let rows = requests.reduce(0) { $0 + $1.rows.count }
                console.notice(ReportStrings(language: config.language).pick(
                    "Päivityspyyntöjä \(requests.count) vastuutaholle, rivejä yhteensä \(rows).",
                    "Uppdateringsbegäran till \(requests.count) ansvariga, sammanlagt \(rows) rader.",
                    "Update requests for \(requests.count) parties, \(rows) rows in all."))
                return ExitCodes.status(for: programme.diagnostics)
            }
        }
    }
}
