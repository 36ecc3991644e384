/// The configuration's texts that become mail headers — the subject templates, the names of
/// the groups and of the programme filled into them, the period, `from`, every address — are
/// checked when the configuration is loaded (exit 3, with the key path and the line): a line
/// break or another control character in one of them would write a header line of its own.
/// The message itself is made by `MailHeader` (Delivery/MailMessage.swift), which checks again.
enum MailHeaderRules {
    /// A text that goes into a header: no control character, counted by Unicode scalar.
    static func headerText(_ value: YAMLValue) throws -> String {
        let text = try value.string()
        if let problem = MailHeader.controlProblem(text) { throw value.error(problem) }
        return text
    }

    /// One mailbox (`from`, a group's or the alerts' addresses) per RFC 5322, display name
    /// allowed: `Kuopion kaupunki <raportit@kuopio.fi>`. Kept as the configuration wrote it,
    /// with the display name quoted when it must be.
    static func mailbox(_ value: YAMLValue) throws -> String {
        let text = try value.string()
        do {
            return try MailAddress.parse(text).description
        } catch {
            throw value.error("not an e-mail address: \"\(shown(text))\": \(error.problem)")
        }
    }

    /// A text quoted in a message with its control characters made visible (`\r`, `\n`,
    /// `\u{1B}`), so that the error itself never breaks a line of the console or the log.
    static func shown(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(200) {
            switch scalar {
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if MailHeader.isForbidden(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return text.unicodeScalars.count > 200 ? result + "…" : result
    }
}
