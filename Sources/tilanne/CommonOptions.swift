import ArgumentParser

/// Options every subcommand takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "file"))
    var config: String = "Config/tilanne.yml"

    @Flag(name: .shortAndLong, help: "Print nothing when the run succeeds (for cron).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print notes and every finding, not only the first ones.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
    }
}
