/// The configured policy over findings (`validation.severity`, `validation.fail_on`), applied
/// in one place, once every stage — translation included — has spoken: no stage sets a
/// severity of its own, so an override reaches every finding with its code.
public struct DiagnosticPolicy: Sendable {
    public var severityOverrides: [DiagnosticCode: Severity]
    /// Findings at or above this severity fail the run; nil: none do.
    public var failOn: Severity?

    public init(severityOverrides: [DiagnosticCode: Severity] = [:], failOn: Severity? = .error) {
        self.severityOverrides = severityOverrides
        self.failOn = failOn
    }

    public init(_ validation: ValidationPolicy) {
        self.init(severityOverrides: validation.severity, failOn: validation.failOn)
    }

    /// The findings with the severity the policy gives their code.
    public func judged(_ findings: [Diagnostic]) -> [Diagnostic] {
        findings.map { finding in
            var judged = finding
            judged.severity = severityOverrides[finding.code] ?? finding.code.defaultSeverity
            return judged
        }
    }

    /// Whether judged findings fail the run.
    public func fails(_ judged: [Diagnostic]) -> Bool {
        guard let failOn else { return false }
        return judged.contains { $0.severity >= failOn }
    }
}
