/// What a stage found, as it found it: code, typed arguments, location and subject. The log
/// writes no text and applies no policy: both happen once, after every stage
/// (`DiagnosticPolicy`, `MessageCatalogue`), so a stage cannot fix a language or a severity.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    @discardableResult
    public mutating func emit(_ code: DiagnosticCode, at location: SourceLocation?, _ arguments: String...) -> Diagnostic {
        emit(code, at: location, with: arguments.map(DiagnosticArgument.text))
    }

    @discardableResult
    public mutating func emit(_ code: DiagnosticCode, at location: SourceLocation?, arguments: [String]) -> Diagnostic {
        emit(code, at: location, with: arguments.map(DiagnosticArgument.text))
    }

    @discardableResult
    public mutating func emit(_ code: DiagnosticCode, at location: SourceLocation?, subject: DiagnosticSubject? = nil,
                              with arguments: [DiagnosticArgument]) -> Diagnostic {
        let diagnostic = Diagnostic(code: code, location: location, arguments: arguments, subject: subject)
        diagnostics.append(diagnostic)
        return diagnostic
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
