import Foundation

/// The stages in order: ingest → normalise → validate → aggregate → render. Each stage hands
/// the next one a named value (`RawTable`, `NormalisedTable`, `ValidatedProgramme`,
/// `ReportModel`); findings travel with them as data.
public struct Pipeline: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    /// Ingest, normalise and validate every source: what `tilanne validate` shows.
    public func check() -> ValidatedProgramme {
        let ingester = SourceIngester(config: config)
        let normaliser = Normaliser(config: config)
        var tables: [NormalisedTable] = []
        var ingestDiagnostics: [Diagnostic] = []
        for source in config.sources {
            for raw in ingester.ingest(source) {
                ingestDiagnostics += raw.diagnostics
                tables.append(normaliser.normalise(raw, source: source))
            }
        }
        return Validator(config: config).validate(tables, ingestDiagnostics: ingestDiagnostics)
    }

    public func report(from programme: ValidatedProgramme) -> ReportModel {
        Aggregator(config: config).aggregate(programme)
    }

    /// Whether the findings fail the run under the configured policy.
    public func failsPolicy(_ diagnostics: [Diagnostic]) -> Bool {
        guard let threshold = config.validation.failOn else { return false }
        return diagnostics.contains { $0.severity >= threshold }
    }

    public var outputFolder: URL { config.resolve(config.outputs.folder) }

    public func renderers(for formats: [OutputFormat]) -> [any ReportRenderer] {
        formats.map { format -> any ReportRenderer in
            switch format {
            case .xlsx: XLSXReportRenderer()
            case .csv: CSVReportRenderer()
            case .html: HTMLReportRenderer()
            }
        }
    }

    /// Writes all configured formats; all are published together or none is.
    public func publish(_ model: ReportModel, formats: [OutputFormat]? = nil) throws -> [URL] {
        let publisher = ReportPublisher(folder: outputFolder, renderers: renderers(for: formats ?? config.outputs.formats))
        return try publisher.publish(model) { config.outputs.fileName(for: $0, period: config.period) }
    }
}

extension ReportModel {
    /// Stable JSON: sorted keys, so the same input gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
