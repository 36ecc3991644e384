/// One finding about the input or the configuration, kept as typed facts: the stages record
/// them, the policy (`DiagnosticPolicy`) judges them once after every stage, and the edges —
/// console, reports, mail — write them as text in their reader's language. Not an exception.
public struct Diagnostic: Codable, Sendable, Hashable {
    /// The code's default until the policy has judged the run's findings.
    public var severity: Severity
    /// Stable identifier (for example `progress.unknown-code`); documented in docs/diagnostics.md.
    public var code: DiagnosticCode
    public var location: SourceLocation?
    /// What the message is filled in with, typed so it can be written in any language.
    public var arguments: [DiagnosticArgument]
    /// What the finding concerns (an indicator, an action, a group), when a stage knows it.
    public var subject: DiagnosticSubject?

    public init(code: DiagnosticCode, location: SourceLocation?, arguments: [DiagnosticArgument] = [], subject: DiagnosticSubject? = nil) {
        self.severity = code.defaultSeverity
        self.code = code
        self.location = location
        self.arguments = arguments
        self.subject = subject
    }

    /// The message in `language`, as the edges print it.
    public func message(_ language: ReportLanguage) -> String {
        MessageCatalogue(language: language).message(self)
    }
}
