import ArgumentParser
import Foundation
import TilanneCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Only read and check the tables; list every finding with file, row and column."
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print the findings as JSON (for other programs).")
    var json = false

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: true, language: DeclaredLanguage.of(configAt: options.config))
        try ExitCodes.guarding(console) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            let pipeline = Pipeline(config: config)
            let programme = pipeline.judged(pipeline.check())
            if json {
                FileHandle.standardOutput.write(try StableJSON.encode(FindingsJSON(programme, language: config.language)))
            } else {
                console.diagnostics(programme.diagnostics, language: config.language)
                console.accounting(programme.accounting, language: config.language, force: !options.quiet)
            }
            if pipeline.policy.fails(programme.diagnostics) { return .invalidInput }
            return ExitCodes.status(for: programme.diagnostics)
        }
    }
}
