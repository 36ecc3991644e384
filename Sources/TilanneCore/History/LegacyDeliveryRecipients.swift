/// The addresses of a `delivery` row written before each recipient was mailed on its own: the
/// group's mailboxes joined with ", " as the configuration had them. A display name may hold a
/// comma inside quotes (`"Virtanen, Matti" <m@kuopio.fi>`), so the text is split only at commas
/// outside quotes. Used by migration `v5-recipient-deliveries`; an entry that does not read as an
/// address is left out, which at worst mails that address once more.
enum LegacyDeliveryRecipients {
    static func addresses(_ text: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                entries.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        entries.append(current)
        return entries.compactMap { entry in try? MailAddress.parse(entry).addressSpec }
    }
}
