import ArgumentParser
import Foundation
import TilanneCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read the tables, check them and write the reports (XLSX, CSV, HTML)."
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Write the report model as JSON to this file as well.", valueName: "file"))
    var dumpModel: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("Write only this format (xlsx, csv, html); repeat for several.", valueName: "format"))
    var formats: [String] = []

    func validate() throws {
        for format in formats where OutputFormat(rawValue: format) == nil {
            throw ValidationError("Unknown format \"\(format)\"; use xlsx, csv or html.")
        }
    }

    func run() throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose)
        try ExitCodes.guarding(console) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            let pipeline = Pipeline(config: config)
            let programme = pipeline.check()
            let model = pipeline.report(from: programme)
            let failed = pipeline.failsPolicy(programme.diagnostics)
            console.diagnostics(programme.diagnostics, language: config.language)
            if let dumpModel {
                do {
                    try model.jsonData().write(to: URL(fileURLWithPath: dumpModel), options: .atomic)
                } catch {
                    throw OutputError(path: dumpModel, problem: error.localizedDescription)
                }
            }
            if failed {
                console.accounting(programme.accounting, language: config.language, force: true)
                console.failure(ConsoleText.notPublished(config.language))
                return .invalidInput
            }
            let chosen = formats.isEmpty ? nil : formats.compactMap(OutputFormat.init(rawValue:))
            let written = try pipeline.publish(model, formats: chosen)
            for url in written { console.detail(ConsoleText.wrote(url.path, config.language)) }
            console.accounting(programme.accounting, language: config.language, force: false)
            return ExitCodes.status(for: programme.diagnostics)
        }
    }
}
