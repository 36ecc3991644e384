/// Collects diagnostics during a stage: applies the policy's severity overrides and writes
/// the message in the report language, so stages only say what they found and where.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    public let catalogue: MessageCatalogue
    public let severityOverrides: [DiagnosticCode: Severity]

    public init(catalogue: MessageCatalogue, severityOverrides: [DiagnosticCode: Severity] = [:]) {
        self.catalogue = catalogue
        self.severityOverrides = severityOverrides
    }

    @discardableResult
    public mutating func emit(_ code: DiagnosticCode, at location: SourceLocation?, _ arguments: String...) -> Diagnostic {
        emit(code, at: location, arguments: arguments)
    }

    @discardableResult
    public mutating func emit(_ code: DiagnosticCode, at location: SourceLocation?, arguments: [String]) -> Diagnostic {
        let diagnostic = Diagnostic(
            severity: severityOverrides[code] ?? code.defaultSeverity,
            code: code,
            message: catalogue.message(code, arguments),
            location: location,
            arguments: arguments
        )
        diagnostics.append(diagnostic)
        return diagnostic
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
