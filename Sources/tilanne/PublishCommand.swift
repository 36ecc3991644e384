import ArgumentParser
import Foundation
import TilanneCore

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Make the council edition of the current period: write the reports (not as drafts) and archive them.",
        discussion: """
        The nightly runs write drafts ("LUONNOS") while the period is open. `publish` writes the
        reports once more without the draft mark, copies every file it wrote into the archive
        (outputs.archive_folder, e.g. Output/arkisto/1-2024/) and records them with their
        SHA-256 and the inputs they were made from. `tilanne freeze` later freezes exactly this
        publication. Publishing again replaces the archive with the new edition.
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(name: .customLong("format"), help: ArgumentHelp("Write only this format (xlsx, csv, html, pdf); repeat for several.", valueName: "format"))
    var formats: [String] = []

    func validate() throws {
        for format in formats where OutputFormat(rawValue: format) == nil {
            throw ValidationError("Unknown format \"\(format)\"; use xlsx, csv, html or pdf.")
        }
    }

    func run() throws {
        var settings = NightlyRun.Options()
        settings.formats = formats.isEmpty ? nil : formats.compactMap(OutputFormat.init(rawValue:))
        settings.publish = true
        try NightlyRunCommand.perform("publish", options: options, settings: settings, timings: false)
    }
}
