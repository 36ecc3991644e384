import ArgumentParser
import Foundation
import TilanneCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read the tables, check them, compare with the previous frozen period and write the reports.",
        discussion: """
        With a history in the config, a run whose inputs and configuration are the same as the
        last published run's leaves the reports as they are (use --force to write them anyway).
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Write the report model as JSON to this file as well.", valueName: "file"))
    var dumpModel: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("Write only this format (xlsx, csv, html); repeat for several.", valueName: "format"))
    var formats: [String] = []

    @Flag(help: "Write the reports even when nothing changed since the last published run.")
    var force = false

    @Flag(help: "Print how long each stage took (to standard error).")
    var timings = false

    @Flag(help: "Write the reports and each steering group's files, but mail nothing: show what would be sent to whom.")
    var dryRun = false

    @Flag(help: "Mail every steering group again, even those whose report did not change since it was last sent.")
    var resend = false

    @Option(name: .customLong("group"), help: ArgumentHelp("With --resend: only this steering group (its name); repeat for several.", valueName: "name"))
    var groups: [String] = []

    func validate() throws {
        if !groups.isEmpty && !resend { throw ValidationError("--group chooses whom --resend mails; give --resend as well.") }
        for format in formats where OutputFormat(rawValue: format) == nil {
            throw ValidationError("Unknown format \"\(format)\"; use xlsx, csv, html or pdf.")
        }
    }

    func run() throws {
        var settings = NightlyRun.Options()
        settings.formats = formats.isEmpty ? nil : formats.compactMap(OutputFormat.init(rawValue:))
        (settings.force, settings.resend, settings.dryRun) = (force, resend, dryRun)
        settings.resendGroups = groups
        settings.dumpModel = dumpModel.map { URL(fileURLWithPath: $0) }
        try NightlyRunCommand.perform("run", options: options, settings: settings, timings: timings)
    }
}

/// What `run` and `publish` share: load, run the stages, print what came back, map it to an
/// exit code.
enum NightlyRunCommand {
    static func perform(_ command: String, options: CommonOptions, settings: NightlyRun.Options, timings: Bool) throws {
        let console = Console(quiet: options.quiet, verbose: options.verbose, language: DeclaredLanguage.of(configAt: options.config))
        let journal = RunJournal(command: command, configPath: options.config)
        try ExitCodes.guarding(console, journal: journal) {
            let config = try ConfigLoader.load(from: URL(fileURLWithPath: options.config))
            let run = NightlyRun(config: config, summary: journal.summary)
            journal.follow(run)
            if let unknown = settings.resendGroups.first(where: { name in !config.groups.contains { $0.name == name } }) {
                let known = config.groups.map { "\"\($0.name)\"" }.joined(separator: ", ")
                throw ConfigError(file: options.config, line: nil, keyPath: "groups", problem: ReportStrings(language: config.language).pick(
                    "--group \"\(unknown)\" ei ole asetusten ohjausryhmä; ryhmät: \(known)",
                    "--group \"\(unknown)\" är ingen styrgrupp i inställningarna; grupperna: \(known)",
                    "--group \"\(unknown)\" is no steering group of the configuration; its groups: \(known)"))
            }
            let outcome = try run.execute(settings) { console.diagnostics($0.diagnostics, language: config.language) }
            if timings {
                let text = run.timings.map { "\($0.stage) \(String(format: "%.3f", $0.seconds))" }.joined(separator: ", ")
                FileHandle.standardError.write(Data("timings: \(text)\n".utf8))
            }
            switch outcome {
            case .unchanged(let since):
                console.notice(ConsoleText.unchanged(since, config.language))
                journal.outcome = "unchanged"
                return .success
            case .invalidInput(let programme):
                console.accounting(programme.accounting, language: config.language, force: true)
                console.failure(ConsoleText.notPublished(config.language))
                return .invalidInput
            case .published(let programme, let files, let deliveries):
                for url in files { console.detail(ConsoleText.wrote(url.path, config.language)) }
                for result in deliveries { console.delivery(result, dryRun: settings.dryRun, language: config.language) }
                console.accounting(programme.accounting, language: config.language, force: false)
                if let answers = programme.answers { console.notice(ConsoleText.answers(answers, config.language)) }
                if let publication = run.publication {
                    console.notice(LifecycleText.published(publication, config.language))
                } else if run.draft {
                    console.detail(LifecycleText.draft(config.period.label, published: run.periodWasPublished, config.language))
                }
                return ExitCodes.status(for: programme.diagnostics)
            }
        }
    }
}
