import ArgumentParser
import Foundation
import TilanneCore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the history database into a folder, safely even while a run writes it.",
        discussion: """
        The copy is made with SQLite's online backup API and checked with PRAGMA integrity_check;
        its name has the period and the time: tilanne-history-1-2024-20240305-023004.sqlite.
        Restoring it: docs/operations.md.
        """
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The folder the copy goes into (created when missing).", valueName: "folder"))
    var folder: String

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        try ExitCodes.guarding(console) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            guard let history = config.history else {
                throw ConfigError(file: config.file?.path ?? options.config, line: nil, keyPath: "history",
                                  problem: "backing up the history needs a history section in the configuration")
            }
            let database = config.resolve(history.stateFolder).appendingPathComponent(HistoryConfig.databaseName)
            let made = try HistoryBackup.make(database: database, into: URL(fileURLWithPath: folder).standardizedFileURL,
                                              period: config.period.label)
            console.notice(ReportStrings(language: config.language).pick(
                "Varmuuskopio: \(made.url.path) (\(made.runs) ajoa, \(made.periods) jäädytettyä kautta; eheystarkistus ok)",
                "Säkerhetskopia: \(made.url.path) (\(made.runs) körningar, \(made.periods) frysta perioder; integritetskontroll ok)",
                "Backup: \(made.url.path) (\(made.runs) runs, \(made.periods) frozen periods; integrity check ok)"))
            return .success
        }
    }
}
