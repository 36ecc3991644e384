/// The parties register (`parties:` in the programme file), read as strictly as every other key.
extension ConfigLoader {
    static func readParties(_ value: YAMLValue, main: ReportLanguage) throws -> PartyRegister {
        var parties: [Party] = []
        // Which party already claimed a spelling: two parties may not share one, or a table's
        // name would go to whichever came first.
        var claimed: [String: String] = [:]
        for item in try value.sequence() {
            let map = try item.mapping(allowed: ["key", "name", "aliases", "email", "language"])
            let name = try map.required("name").string()
            let key = try map["key"]?.string() ?? slug(name)
            guard !key.isEmpty, key == slug(key) else {
                throw (map["key"] ?? item).error("a party's key is lower-case letters, digits and dashes (e.g. \"\(slug(name))\")")
            }
            if parties.contains(where: { $0.key == key }) { throw item.error("two parties have the key \"\(key)\"") }
            let aliases = try map["aliases"]?.sequenceOrSingle().map { try $0.string() } ?? []
            var email: [String] = []
            if let list = map["email"] {
                for address in try list.sequenceOrSingle() {
                    let text = try address.string()
                    do { _ = try MailAddress.parse(text) } catch { throw address.error("\"\(text)\" is not an e-mail address") }
                    email.append(text)
                }
            }
            let language = try map["language"]?.oneOf(ReportLanguage.self) ?? main
            for spelling in [name] + aliases {
                let comparison = TextNormaliser.comparisonKey(spelling)
                if let other = claimed[comparison], other != key {
                    throw item.error("\"\(spelling)\" is already a name of the party \"\(other)\"")
                }
                claimed[comparison] = key
            }
            parties.append(Party(key: key, name: name, aliases: aliases, email: email, language: language))
        }
        return PartyRegister(parties)
    }
}
