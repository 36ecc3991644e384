import Crypto
import Foundation

/// What a run's result depends on: the configuration and programme files' bytes, every input file (path,
/// size, SHA-256, the same records the run summary lists) and the version of Tilanne. Equal
/// fingerprints mean a new run would write the same reports.
public enum RunFingerprint {
    public static let toolVersion = "tilanne 0.3"

    /// - Parameter inputs: the input records when the caller has them already (the run
    ///   summary's), so the files are read once.
    /// - Parameter sourceFolder: what the source folders said (`SourceFolderFindings`): the
    ///   published checks list holds them, so a night they go away is not "unchanged" either.
    public static func of(_ config: TilanneConfig, inputs: [RunSummary.FileRecord]? = nil, sourceFolder: [Diagnostic] = []) -> String {
        // The file's bytes: an encoding of the loaded config would not do, since its
        // dictionaries have no stable order. A config built in memory is described by its period.
        let configData = config.file.flatMap { try? Data(contentsOf: $0) } ?? Data("\(config.period) \(config.baseDirectory.path)".utf8)
        var parts = [toolVersion, "config \(HexDigits.of(SHA256.hash(data: configData)))"]
        if let programme = config.programmeFile.flatMap({ try? Data(contentsOf: $0) }) {
            parts.append("programme \(HexDigits.of(SHA256.hash(data: programme)))")
        }
        let records = inputs ?? config.sources.flatMap { SourceFiles.expand(config.resolve($0.path)) }.map(RunSummary.file)
        parts += records.map { "\($0.path) \($0.bytes) \($0.sha256)" }
        parts += sourceFolder.map { "\($0.code.rawValue) \($0.location?.file ?? "")" }
        return "v2:" + HexDigits.of(SHA256.hash(data: Data(parts.joined(separator: "\n").utf8)))
    }
}

extension PublicationInputs {
    /// Today's inputs of a config: its file's and its programme file's SHA-256, and the input
    /// records (the run summary's, when the caller has them).
    public static func of(_ config: TilanneConfig, inputs: [RunSummary.FileRecord]? = nil) -> PublicationInputs {
        func hash(_ url: URL?) -> String? {
            url.flatMap { try? Data(contentsOf: $0) }.map { HexDigits.of(SHA256.hash(data: $0)) }
        }
        var summary = RunSummary(command: "", config: "", started: "")
        if inputs == nil { summary.record(inputsOf: config) }
        return PublicationInputs(configuration: hash(config.file) ?? "", programme: hash(config.programmeFile),
                                 files: inputs ?? summary.inputs)
    }
}
