import Foundation

/// Ingest stage for indicators: reads each file of an indicator by its format, asking the
/// reader for just the cells of the indicator's selection (resolved against the file's own
/// dimensions as soon as its header is read). Returns one `StatisticalCube` per file.
public struct IndicatorIngester: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    public struct Read: Sendable {
        public var source: IndicatorSource
        public var cube: StatisticalCube
        /// Which category of each dimension was chosen; nil when the selection did not resolve.
        public var selection: IndicatorSelectionResolver.Resolved?
    }

    public func ingest(_ indicator: IndicatorConfig) -> [Read] {
        indicator.sources.map { source in
            let url = config.resolve(source.path)
            let shown = DisplayPath.of(url, root: config.projectRoot)
            guard FileManager.default.fileExists(atPath: url.path) else {
                var log = DiagnosticLog()
                log.emit(.statisticsUnreadable, at: SourceLocation(file: shown), with: [.phrase(.fileNotFound)])
                var cube = Self.empty(shown, source: source, diagnostics: log.diagnostics)
                cube.damaged = true
                return Read(source: source, cube: cube, selection: nil)
            }
            var resolved: IndicatorSelectionResolver.Resolved?
            var cube: StatisticalCube
            let resolver = IndicatorSelectionResolver(language: config.language)
            switch source.format ?? IndicatorSource.format(of: source.path) {
            case .px:
                cube = PXReader(file: shown).read(url) { header in
                    resolved = resolver.resolve(source, in: header)
                    return resolved?.query
                }
            case .jsonstat:
                cube = JSONStatReader(file: shown).read(url) { header in
                    resolved = resolver.resolve(source, in: header)
                    return resolved?.query
                }
            case .table:
                cube = LongTableReader(file: shown, limits: config.limits, language: config.language)
                    .read(url, columns: source.select.map(\.variable), timeColumn: source.time, valueColumn: source.value, sheet: source.sheet)
                if !cube.damaged {
                    resolved = resolver.resolve(source, in: cube)
                }
            }
            if let problems = resolved?.diagnostics { cube.diagnostics += problems }
            return Read(source: source, cube: cube, selection: resolved?.query == nil ? nil : resolved)
        }
    }

    static func empty(_ file: String, source: IndicatorSource, diagnostics: [Diagnostic]) -> StatisticalCube {
        StatisticalCube(file: file, format: source.format ?? IndicatorSource.format(of: source.path), language: "fi", languages: [],
                        title: [:], dimensions: [], units: [:], lastUpdated: nil, source: [:], cells: [:], cellCount: 0,
                        missingCount: 0, diagnostics: diagnostics)
    }
}
