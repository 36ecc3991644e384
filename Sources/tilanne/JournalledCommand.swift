import Foundation
import TilanneCore

/// The frame of the commands that change the history (`freeze`, `unfreeze`, `period open`):
/// the console in the configuration's language, a journal that writes the summary and log line
/// whatever happens, the configuration loaded, and every error mapped to its exit code.
enum JournalledCommand {
    static func run(_ command: String, options: CommonOptions,
                    _ body: (_ config: TilanneConfig, _ console: Console, _ journal: RunJournal) throws -> ExitCodes) throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        let journal = RunJournal(command: command, configPath: options.config)
        try ExitCodes.guarding(console, journal: journal) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            journal.config = config
            journal.summary.config = config.file?.path ?? options.config
            return try body(config, console, journal)
        }
    }
}
