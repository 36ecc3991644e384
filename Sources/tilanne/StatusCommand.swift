import ArgumentParser
import Foundation
import TilanneCore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the last successful run, the age of the inputs and of the published data, and the periods.",
        discussion: """
        For monitoring: with --max-age, exits 12 when the last successful run (exit 0 or 1) is
        older than that, or there has been none. Reads the run summary and the history; changes nothing.
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Exit 12 when the last successful run is older than this (e.g. 26h, 90m, 2d).", valueName: "duration"))
    var maxAge: String?

    @Flag(help: "Print as JSON (for other programs).")
    var json = false

    func validate() throws {
        if let maxAge, CommandLineDuration.seconds(maxAge) == nil {
            throw ValidationError("--max-age takes a duration such as 26h, 90m, 2d or 1d12h.")
        }
    }

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        try ExitCodes.guarding(console) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            let status = try RunStatus.gather(config: config, maxAge: maxAge.flatMap(CommandLineDuration.seconds))
            if json {
                FileHandle.standardOutput.write(try StableJSON.encode(status))
            } else if !options.quiet || status.stale {
                print(StatusText.listing(status, config.language))
            }
            return status.stale ? .stale : .success
        }
    }
}
