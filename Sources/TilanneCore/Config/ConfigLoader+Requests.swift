import Foundation

/// `requests:` of the run configuration, read as strictly as every other key.
extension ConfigLoader {
    static func readRequests(_ value: YAMLValue) throws -> RequestsConfig {
        let map = try value.mapping(allowed: ["deadline", "folder", "status_limit", "answers", "reminders", "reply_to"])
        let deadlineValue = try map.required("deadline")
        guard let deadline = DocumentDate(try deadlineValue.string()) else {
            throw deadlineValue.error("expected a date as YYYY-MM-DD")
        }
        var requests = RequestsConfig(deadline: deadline)
        if let folder = map["folder"] {
            let text = try folder.string()
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard !text.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw folder.error("a folder inside the output folder, e.g. \"pyynnot/{period}\"")
            }
            requests.folder = text
        }
        if let limit = map["status_limit"] {
            let count = try limit.int()
            guard (1...32_767).contains(count) else { throw limit.error("1 to 32767 characters (Excel's limit for a cell)") }
            requests.statusLimit = count
        }
        if let answers = map["answers"] {
            let text = try answers.string()
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw answers.error("a folder, e.g. \"../Input/vastaukset/{period}\"") }
            requests.answers = text
        }
        if let reminders = map["reminders"] {
            let days = try reminders.sequence().map { try $0.int() }
            guard days.allSatisfy({ (-365...365).contains($0) }), Set(days).count == days.count else {
                throw reminders.error("days relative to the deadline, each once, e.g. [-3, 0, 3] (-3: three days before)")
            }
            requests.reminders = days.sorted()
        }
        if let replyTo = map["reply_to"] {
            let text = try replyTo.string()
            guard (try? MailAddress.parse(text)) != nil else { throw replyTo.error("an e-mail address, e.g. \"koordinaattori@kuopio.fi\"") }
            requests.replyTo = text
        }
        return requests
    }
}
