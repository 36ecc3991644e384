/// Stage boundary requests → mail: who gets which mail today, and why the others get none.
/// Made from the history's record of earlier mails alone, so a dry run shows exactly what a
/// real run on the same day would send.
public struct RequestMailPlan: Sendable, Codable {
    public var today: String
    public var mails: [Mail] = []
    public var skipped: [Skipped] = []

    /// One message to one recipient.
    public struct Mail: Sendable, Codable, Hashable {
        public var party: String
        public var partyName: String
        /// As the register writes it (`Yrityspalvelut <yp@kuopio.fi>`).
        public var mailbox: String
        /// The bare address, the daily limit's key.
        public var address: String
        public var kind: RequestMailKind
        /// For a reminder: days until the deadline (negative after it).
        public var daysToDeadline: Int?
        public var rows: Int
        public var openRows: Int
        /// The request workbook attached.
        public var file: String
    }

    public struct Skipped: Sendable, Codable, Hashable {
        public var party: String
        public var address: String
        public var reason: Reason
    }

    public enum Reason: String, Sendable, Codable {
        /// Every row of the party's request has an accepted answer.
        case answered
        /// The request went out and no reminder day has come since the last mail.
        case notDue = "not-due"
        /// The address already got a request mail today (at most one a day per recipient).
        case mailedToday = "mailed-today"
        /// The register's address does not parse (the config check reports it too).
        case badAddress = "bad-address"
    }
}

/// Decides the day's mails. A party's addresses each get the request once; afterwards, while
/// the party has rows without an accepted answer, a reminder on each reminder day (the
/// deadline plus `requests.reminders` days) that has come since the address's last mail — a
/// day missed because the server was down is caught up on the next run, once. No address gets
/// more than one mail a day, whatever the number of parties or programmes it belongs to.
public struct RequestMailPlanner: Sendable {
    public var deadline: DocumentDate
    public var reminders: [Int]
    public var today: DocumentDate

    public init(deadline: DocumentDate, reminders: [Int], today: DocumentDate) {
        self.deadline = deadline
        self.reminders = reminders
        self.today = today
    }

    /// The latest reminder day on or before today.
    var dueReminder: DocumentDate? {
        reminders.map { deadline.adding(days: $0) }.filter { $0 <= today }.max()
    }

    /// - Parameters:
    ///   - files: each party's request workbook name, by party key.
    ///   - openRows: each party's rows without an accepted answer; a party missing here has all open.
    ///   - earlier: the period's request mails so far.
    ///   - mailedToday: the addresses some request mail reached today.
    public func plan(_ requests: [PartyRequest], files: [String: String], openRows: [String: Int],
                     earlier: [RequestMailRecord], mailedToday: Set<String>) -> RequestMailPlan {
        var plan = RequestMailPlan(today: today.isoText)
        var taken = mailedToday
        let due = dueReminder
        for request in requests {
            let party = request.party
            let open = openRows[party.key] ?? request.rows.count
            for mailbox in party.email {
                guard let address = (try? MailAddress.parse(mailbox))?.addressSpec else {
                    plan.skipped.append(.init(party: party.key, address: mailbox, reason: .badAddress))
                    continue
                }
                let sent = earlier.filter { $0.party == party.key && $0.recipient == address && $0.outcome == .sent }
                var kind = RequestMailKind.request
                if sent.contains(where: { $0.kind == .request }) {
                    guard open > 0 else {
                        plan.skipped.append(.init(party: party.key, address: address, reason: .answered))
                        continue
                    }
                    guard let due, let last = sent.map(\.day).max(), last < due.isoText else {
                        plan.skipped.append(.init(party: party.key, address: address, reason: .notDue))
                        continue
                    }
                    kind = .reminder
                }
                guard !taken.contains(address) else {
                    plan.skipped.append(.init(party: party.key, address: address, reason: .mailedToday))
                    continue
                }
                taken.insert(address)
                plan.mails.append(.init(party: party.key, partyName: party.name, mailbox: mailbox, address: address, kind: kind,
                                        daysToDeadline: kind == .reminder ? deadline.days(from: today) : nil,
                                        rows: request.rows.count, openRows: open, file: files[party.key] ?? ""))
            }
        }
        return plan
    }
}
