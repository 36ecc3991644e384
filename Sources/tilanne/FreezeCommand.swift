import ArgumentParser
import Foundation
import TilanneCore

struct FreezeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "freeze",
        abstract: "Store the current data as the official snapshot of a period (the report the council saw).",
        discussion: """
        Later reports compare with the latest frozen period before their own. A frozen period is
        never changed by later runs; freezing it again is refused (exit 6) unless --force is given.
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("The period to freeze, e.g. 1/2024 (default: the config's period).", valueName: "period"))
    var period: String?

    @Flag(help: "Replace a period that is already frozen.")
    var force = false

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        let journal = RunJournal(command: "freeze", configPath: options.config)
        try ExitCodes.guarding(console, journal: journal) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            journal.config = config
            journal.summary.config = config.file?.path ?? options.config
            journal.summary.record(inputsOf: config)
            let pipeline = Pipeline(config: config)
            let lock = try RunLock(folder: pipeline.outputFolder)
            defer { lock.release() }
            let store = try pipeline.requireHistory(for: .freezing)
            // A label in the programme's own period format only: `2025/2` is refused, not stored.
            if let given = period, config.period.format.parse(given) == nil {
                let pattern = config.period.format.pattern
                throw ConfigError(file: config.file?.path ?? options.config, line: nil, keyPath: "--period",
                                  problem: ReportStrings(language: config.language).pick(
                                      "\"\(given)\" ei ole kausi ohjelman muodossa \"\(pattern)\"",
                                      "\"\(given)\" är ingen period i programmets format \"\(pattern)\"",
                                      "\"\(given)\" is not a period in the programme's format \"\(pattern)\""))
            }
            let frozen = period.flatMap { config.period.format.parse($0) } ?? config.period
            let label = frozen.label
            journal.summary.period = label
            let programme = pipeline.judged(pipeline.check())
            journal.summary.record(programme, language: config.language)
            console.diagnostics(programme.diagnostics, language: config.language)
            if pipeline.policy.fails(programme.diagnostics) {
                console.failure(ConsoleText.notFrozen(config.language))
                return .invalidInput
            }
            do {
                let stored = try pipeline.freeze(programme, period: frozen, store: store, force: force)
                console.notice(ConsoleText.frozen(label, stored.actions, replaced: stored.replaced, config.language))
                journal.outcome = "frozen"
            } catch let refused as PeriodAlreadyFrozen {
                console.failure(ConsoleText.alreadyFrozen(refused.period, refused.frozenAt, config.language))
                return .periodAlreadyFrozen
            }
            return ExitCodes.status(for: programme.diagnostics)
        }
    }
}
