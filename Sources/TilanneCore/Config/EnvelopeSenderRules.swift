/// Who the mail comes from on the envelope (where bounces go) and in the Message-ID.
///
/// The envelope sender is given to sendmail as `-f`: `delivery.envelope_from`, by default the
/// address of `delivery.from`. An administrator may already have put `-f` (or `--from`) in the
/// `sendmail` command, as cron setups often do; that one is kept and Tilanne adds none, so that
/// the program never gets two senders to choose from. Setting `envelope_from` as well names the
/// sender twice, and the configuration stops (exit 3) rather than guess which one was meant.
enum EnvelopeSenderRules {
    /// The address sendmail gets with `-f`; nil when the command sets its own.
    static func envelopeFrom(_ value: YAMLValue?, sendmail: [String], from: String) throws -> String? {
        let ownSender = sendmail.dropFirst().first(where: setsSender)
        if let value {
            let address = try bareAddress(value)
            if let ownSender {
                throw value.error("the sendmail command already sets the envelope sender (\"\(MailHeaderRules.shown(ownSender))\"); "
                                  + "set it in one place: remove it from delivery.sendmail or remove envelope_from")
            }
            return address
        }
        if ownSender != nil { return nil }
        return try? MailAddress.parse(from).addressSpec
    }

    /// `-f`, `-faddress`, `--from`, `--from=address`: the forms sendmail, postfix, exim and msmtp read.
    static func setsSender(_ argument: String) -> Bool {
        argument.hasPrefix("-f") || argument == "--from" || argument.hasPrefix("--from=")
    }

    /// The domain of the Message-ID: a domain as an address carries it (ASCII, `xn--` for å, ä, ö).
    static func messageIDDomain(_ value: YAMLValue?) throws -> String? {
        guard let value else { return nil }
        let text = try MailHeaderRules.headerText(value)
        guard let address = try? MailAddress.parse("x@" + text), address.domain == text else {
            throw value.error("not a mail domain: \"\(MailHeaderRules.shown(text))\" (e.g. kuopio.fi)")
        }
        return text
    }

    /// One address; a display name is allowed and dropped, since the envelope carries none.
    private static func bareAddress(_ value: YAMLValue) throws -> String {
        let text = try MailHeaderRules.mailbox(value)
        return try MailAddress.parse(text).addressSpec
    }
}
