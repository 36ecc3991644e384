import ArgumentParser
import Foundation
import TilanneCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the frozen periods, the periods' events (opened, published, frozen, unfrozen) and the latest runs."
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("How many of the latest runs to list.", valueName: "n"))
    var runs = 20

    @Flag(help: "Print as JSON (for other programs).")
    var json = false

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        try ExitCodes.guarding(console) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            let store = try Pipeline(config: config).requireHistory(for: .listing)
            let periods = try store.frozenPeriods()
            let latest = try store.runs(limit: runs)
            let events = try store.events()
            if json {
                struct Listing: Encodable {
                    var database: String
                    var schema: [String]
                    var periods: [FrozenPeriodInfo]
                    var runs: [RunRecord]
                    var events: [PeriodEvent]
                }
                let listing = Listing(database: store.url.path, schema: try store.appliedMigrations(), periods: periods, runs: latest,
                                      events: events)
                FileHandle.standardOutput.write(try StableJSON.encode(listing))
                return .success
            }
            print(ConsoleText.historyListing(store.url.path, periods: periods, runs: latest, config.language))
            print(LifecycleText.events(events, config.language))
            return .success
        }
    }
}
